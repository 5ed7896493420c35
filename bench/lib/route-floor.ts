// What any request costs the app before it does any work: a route handler
// that answers at once (the API's 405 for GET on the redeem path: no key, no
// body, no database). Its CPU per request is the share of a redemption that
// belongs to the HTTP plumbing rather than to Latchkey's work.
import { runTimedLoad } from "./timed-load";

export interface RouteFloorResult {
  perSecond: number;
  p99Ms: number;
  requests: number;
  errors: number;
}

export async function runRouteFloor(origin: string, connections: number, amount: number): Promise<RouteFloorResult> {
  const { result, seconds } = await runTimedLoad({ url: `${origin}/api/v1/login-tokens/redeem`, method: "GET", connections, amount, timeout: 10 });
  const answered = result.statusCodeStats?.["405"]?.count ?? 0;
  return {
    perSecond: answered / seconds,
    p99Ms: result.latency.p99,
    requests: answered,
    errors: result.requests.total - answered + result.errors + result.timeouts,
  };
}
