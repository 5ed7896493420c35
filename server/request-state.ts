// What the app learns about a request while answering it, for the server
// around Next.js to act on: an answer that met a database outage leaves as
// 503 with Retry-After, whichever page or server action it came from. The app
// (lib/database-unavailable.ts) finds the storage on globalThis under
// REQUEST_STATE_KEY, since the server and Next.js's bundles share no modules.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { DATABASE_RETRY_AFTER_SECONDS, REQUEST_STATE_KEY } from "./outage";

interface RequestState {
  databaseUnavailable?: boolean;
}

const storage = new AsyncLocalStorage<RequestState>();
(globalThis as { [REQUEST_STATE_KEY]?: AsyncLocalStorage<RequestState> })[REQUEST_STATE_KEY] = storage;

/**
 * Runs `handle` with a state of its own for this request; if the app marks
 * an outage in it, a success or server error answer is sent as 503 with
 * Retry-After (a redirect or a refusal stays what it is).
 */
export function withRequestState(res: ServerResponse, handle: () => void): void {
  const state: RequestState = {};
  const writeHead = res.writeHead as (this: ServerResponse, status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = function writeHeadAfterOutage(this: ServerResponse, status: number, ...rest: unknown[]) {
    if (state.databaseUnavailable && (status === 200 || status >= 500)) {
      this.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  } as ServerResponse["writeHead"];
  storage.run(state, handle);
}
