// Bulk delete of N selected tokens, twice over different tokens: the bare
// UPDATE … WHERE id = ANY($1), and the service itself, which writes one audit
// event per token in the same statement.
import type pg from "pg";
import { deleteLoginTokens } from "@/lib/login-tokens/mutations";
import { round } from "./stats";

const BULK_DELETE_SQL = "UPDATE login_tokens SET deleted_at = now(), updated_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL";

export interface BulkDeleteResult {
  tokens: number;
  statementMs: number;
  serviceMs: number | null;
  /** Why the service failed, when it did (e.g. its transaction timed out). */
  serviceError: string | null;
}

async function newestLiveIds(pool: pg.Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>("SELECT id FROM login_tokens WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $1", [count]);
  return rows.map((row) => row.id);
}

export async function measureBulkDelete(pool: pg.Pool, count: number): Promise<BulkDeleteResult> {
  const statementIds = await newestLiveIds(pool, count);
  const statementStarted = performance.now();
  const { rowCount } = await pool.query(BULK_DELETE_SQL, [statementIds]);
  const statementMs = round(performance.now() - statementStarted);

  const serviceIds = await newestLiveIds(pool, count);
  const serviceStarted = performance.now();
  try {
    await deleteLoginTokens(serviceIds, { actor: { type: "SYSTEM" }, meta: { ip: null, userAgent: "bench" } });
    return { tokens: rowCount ?? 0, statementMs, serviceMs: round(performance.now() - serviceStarted), serviceError: null };
  } catch (error) {
    return {
      tokens: rowCount ?? 0,
      statementMs,
      serviceMs: null,
      serviceError: error instanceof Error ? error.message.split("\n").at(-1)!.slice(0, 300) : String(error),
    };
  }
}
