import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

// Secrets are removed by path, so a log call that forgets what it carries
// still cannot print a token value, password, API key or cookie.
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "value",
  "*.value",
  "tokenValue",
  "*.tokenValue",
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "apiKey",
  "*.apiKey",
  "key",
  "*.key",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "cookie",
  "*.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  "t",
  "query.t",
  "*.query.t",
  "url",
  "*.url",
];

/** Destination and level are parameters so that a test can read what would have been printed. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info"): Logger {
  const options = {
    level,
    base: { service: "latchkey" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
