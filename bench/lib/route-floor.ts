// What any request costs the app before it does any work: a route handler
// that answers at once (the API's 405 for GET on the redeem path: no key, no
// body, no database). Its CPU per request is the share of a redemption that
// belongs to Next.js's routing and the HTTP plumbing rather than to Latchkey.
import autocannon from "autocannon";

export interface RouteFloorResult {
  perSecond: number;
  p99Ms: number;
  requests: number;
  errors: number;
}

export async function runRouteFloor(origin: string, connections: number, amount: number): Promise<RouteFloorResult> {
  const result = await autocannon({ url: `${origin}/api/v1/login-tokens/redeem`, method: "GET", connections, amount, timeout: 10 });
  const answered = result.statusCodeStats?.["405"]?.count ?? 0;
  return { perSecond: answered / result.duration, p99Ms: result.latency.p99, requests: answered, errors: result.requests.total - answered + result.errors + result.timeouts };
}
