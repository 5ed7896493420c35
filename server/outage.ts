// Shared by the server (server/request-state.ts) and the app
// (lib/database-unavailable.ts), whose bundles share no modules: nothing else
// may be imported here.

/** Where the server keeps each request's state on globalThis. */
export const REQUEST_STATE_KEY = Symbol.for("latchkey.request-state");

/** Seconds a client is asked to wait, while the database cannot be reached, before it tries again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
