// Local runs need keys nobody has to think about: they are generated once into
// the git-ignored .env.local and reused, so tokens made yesterday still reveal.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const SECRET_NAMES = ["NEXTAUTH_SECRET", "TOKEN_HMAC_KEY", "TOKEN_ENCRYPTION_KEY"];

export function ensureDevSecrets(file) {
  const present = existsSync(file) ? readFileSync(file, "utf8") : "";
  const missing = SECRET_NAMES.filter((name) => !process.env[name] && !new RegExp(`^${name}=`, "m").test(present));
  if (missing.length === 0) return;
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString("base64")}`);
  const header = present ? "" : "# Generated for local runs by `npm start`; never commit, never reuse in production.\n";
  writeFileSync(file, `${present}${header}${lines.join("\n")}\n`, { mode: 0o600 });
}

export function missingSecrets() {
  return SECRET_NAMES.filter((name) => !process.env[name]);
}
