// Shared by the server (scripts/lib/request-state.mjs) and the app
// (lib/database-unavailable.ts), which share no other modules.

/** Where the server keeps each request's state on globalThis. */
export const REQUEST_STATE_KEY = Symbol.for("latchkey.request-state");

/** Seconds a client is asked to wait, while the database cannot be reached, before it tries again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
