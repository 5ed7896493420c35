import { db } from "@/lib/db";
import { healthResponse } from "@/lib/health";

// A probe must reach the database on every call, never a build-time or cached answer.
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return healthResponse(db);
}
