import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/login-tokens/users";
import { issueTokenValue, loginUrlFor } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import type { PunchoutProtocolValue } from "@/lib/punchout/schemas";
import type { RequestMeta } from "@/lib/request-meta";
import { shareLockEnabledBuyerSql } from "@/lib/sql/share-lock-enabled-buyer";

/** How long the StartPage link (or the OCI login's hand-over) may wait for the buyer's browser. */
export const PUNCHOUT_START_SECONDS = 5 * 60;

/** What a credential check found: enough to start a punch-out and to say whose it was. */
export interface AuthenticatedBuyer {
  id: string;
  name: string;
  protocol: PunchoutProtocolValue;
  companyName: string;
  contact: { id: number; firstName: string; lastName: string } | null;
}

export const authenticatedBuyerSelect = {
  id: true,
  name: true,
  protocol: true,
  secretHash: true,
  disabledAt: true,
  returnOrigins: true,
  company: { select: { name: true } },
  contact: { select: { id: true, firstName: true, lastName: true } },
} as const;

export interface PunchoutStart {
  buyer: AuthenticatedBuyer;
  returnUrl: string;
  buyerCookie: string | null;
  ociTarget: string | null;
  extrinsics: Record<string, string> | null;
  meta: RequestMeta;
}

/**
 * Mints the one-time login token a punch-out starts with (valid five minutes,
 * signing in the buyer's contact or nobody, landing in the shop), the
 * punch-out bound to it and its audit event, in one transaction. The link is
 * an ordinary login link, redeemed through the ordinary continue page.
 * Null when the buyer was disabled or deleted since its credentials were checked.
 */
export async function startPunchout(start: PunchoutStart): Promise<{ loginUrl: string; tokenId: string } | null> {
  const { buyer } = start;
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(tokenKeys());
  const expiresAt = new Date(Date.now() + PUNCHOUT_START_SECONDS * 1000);
  const tokenId = await db.$transaction(async (tx) => {
    // Held until the token exists, so that disabling or deleting the buyer meanwhile waits and then sweeps it.
    const [enabled] = await tx.$queryRaw<unknown[]>(shareLockEnabledBuyerSql(buyer.id));
    if (!enabled) return null;
    const token = await tx.loginToken.create({
      data: {
        tokenHash,
        tokenCiphertext,
        userType: buyer.contact ? "CONTACT" : null,
        contactId: buyer.contact?.id ?? null,
        userName: buyer.contact ? fullName(buyer.contact) : null,
        expiresAt,
        oneTimeUse: true,
        extra: `Punch-out (${buyer.protocol === "OCI" ? "OCI" : "cXML"}) from ${buyer.name}`,
        redirectPath: "/shop",
      },
      select: { id: true },
    });
    await tx.punchoutSession.create({
      data: {
        buyerId: buyer.id,
        loginTokenId: token.id,
        protocol: buyer.protocol,
        returnUrl: start.returnUrl,
        buyerCookie: start.buyerCookie,
        ociTarget: start.ociTarget,
        extrinsics: (start.extrinsics ?? undefined) as Prisma.InputJsonValue | undefined,
      },
    });
    await recordAudit(
      {
        action: "punchout.started",
        actor: { type: "VISITOR" },
        meta: start.meta,
        loginTokenId: token.id,
        details: {
          buyerId: buyer.id,
          buyer: buyer.name,
          protocol: buyer.protocol,
          returnOrigin: new URL(start.returnUrl).origin,
          ...(start.extrinsics ? { extrinsics: start.extrinsics } : {}),
        },
      },
      tx,
    );
    return token.id;
  });
  return tokenId === null ? null : { loginUrl: loginUrlFor(value, env().APP_URL), tokenId };
}

/** A refused start: counted by the throttle by the caller, and recorded here with whatever buyer it named. */
export async function recordPunchoutRefusal(
  refusal: { protocol: PunchoutProtocolValue; reason: string; buyer?: { id: string; name: string } | null },
  meta: RequestMeta,
): Promise<void> {
  await recordAudit({
    action: "punchout.start_failed",
    actor: { type: "VISITOR" },
    meta,
    details: { protocol: refusal.protocol, reason: refusal.reason, ...(refusal.buyer ? { buyerId: refusal.buyer.id, buyer: refusal.buyer.name } : {}) },
  });
}
