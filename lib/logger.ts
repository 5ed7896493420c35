import "server-only";
import pino from "pino";

// Secrets are removed by path, so a log call that forgets what it carries
// still cannot print a token value, password, API key or cookie.
export const REDACTED_PATHS = [
  "token", "*.token", "value", "*.value", "tokenValue", "*.tokenValue",
  "password", "*.password", "passwordHash", "*.passwordHash",
  "apiKey", "*.apiKey", "key", "*.key",
  "authorization", "*.authorization", "headers.authorization", "headers.cookie", "*.headers.cookie",
  "cookie", "*.cookie", "req.headers.authorization", "req.headers.cookie",
  "t", "query.t", "*.query.t", "url", "*.url",
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "latchkey" },
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
});
