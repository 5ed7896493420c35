import "server-only";
import { headers } from "next/headers";
import { requestMetaFrom, type RequestMeta } from "@/lib/request-meta";

/** The caller of the server action or page being rendered. */
export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
