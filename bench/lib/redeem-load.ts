// HTTP load on a redemption endpoint: `connections` keep-alive connections
// (autocannon), each request consuming the next unused token, until the list
// is used up. A request counts as a success only on the endpoint's success
// status; anything else, and any socket error or timeout, is an error.
import { runTimedLoad } from "./timed-load";

export type RedeemTarget = "api" | "link";

export interface TargetConfig {
  target: RedeemTarget;
  origin: string;
  /** For the API: the bearer key. Never printed. */
  apiKey?: string;
  /** For the login link: each value's form body, read from its GET page. */
  formBodies?: Map<string, string>;
}

export interface LoadResult {
  successes: number;
  errors: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

function requestFor(config: TargetConfig, value: string): { path: string; headers: Record<string, string>; body: string } {
  if (config.target === "api") {
    return {
      path: "/api/v1/login-tokens/redeem",
      headers: { authorization: `Bearer ${config.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ token: value }),
    };
  }
  return {
    path: "/login/token/redeem",
    headers: { origin: config.origin, "content-type": "application/x-www-form-urlencoded" },
    body: config.formBodies?.get(value) ?? new URLSearchParams({ t: value, redirect: "/shop" }).toString(),
  };
}

/** The status that means "redeemed": the API answers 200, the login link a 303 to the shop. */
export const SUCCESS_STATUS: Record<RedeemTarget, number> = { api: 200, link: 303 };

export async function runRedeemLoad(config: TargetConfig, values: string[], connections: number): Promise<LoadResult> {
  let next = 0;
  let successes = 0;
  let failures = 0;
  const first = requestFor(config, values[0] ?? "");
  const { result, seconds } = await runTimedLoad({
    url: config.origin,
    connections,
    amount: values.length,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: first.path,
        setupRequest: (request) => ({ ...request, ...requestFor(config, values[next++] ?? "") }),
        onResponse: (status) => {
          if (status === SUCCESS_STATUS[config.target]) successes++;
          else failures++;
        },
      },
    ],
  });
  return {
    successes,
    errors: failures + result.errors + result.timeouts,
    seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
