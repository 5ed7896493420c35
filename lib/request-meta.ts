import "server-only";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 512;

/** The server (server/client-address.ts) has already reduced X-Forwarded-For to the one trusted client address. */
export function requestMetaFrom(source: Headers): RequestMeta {
  const ip = source.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  const userAgent = source.get("user-agent")?.slice(0, MAX_USER_AGENT) || null;
  return { ip, userAgent };
}
