import "server-only";
import { db } from "@/lib/db";
import { hashTokenValue, isWellFormedTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import { UUID_PATTERN } from "@/lib/url-parsers";

/** Matches no token: what stands in for pasted values that match none, so the filter never widens to everything. */
export const NO_TOKEN_ID = "00000000-0000-0000-0000-000000000000";

export interface ResolvedIds {
  /** Public ids only, lower-cased, each once. */
  ids: string[];
  /** How many of `ids` were found by a pasted token value. */
  byValue: number;
  /** Pasted values that are no token's (or a deleted one's). */
  unmatched: number;
}

/**
 * Turns pasted token values into the public ids of their tokens, so that the
 * Ids filter puts only public ids into the address bar (and so into browser
 * history and shared links); public ids pass through as they are.
 */
export async function resolvePastedTokenIds(pasted: string[]): Promise<ResolvedIds> {
  const publicIds = pasted.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
  const values = pasted.filter((id) => !UUID_PATTERN.test(id));
  const hashes = values.filter(isWellFormedTokenValue).map((value) => hashTokenValue(value, tokenKeys()));
  const found = hashes.length > 0 ? await db.loginToken.findMany({ where: { tokenHash: { in: hashes }, deletedAt: null }, select: { id: true } }) : [];
  const byValue = found.map((row) => row.id).filter((id) => !publicIds.includes(id));
  return { ids: [...new Set([...publicIds, ...byValue])], byValue: byValue.length, unmatched: values.length - found.length };
}
