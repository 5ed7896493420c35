import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/audit-log/audit-actions";
import type { RequestMeta } from "@/lib/request-meta";

export type { AuditAction };

export type AuditActor = { type: "STAFF"; id: string; name: string } | { type: "API_KEY"; id: string; name: string } | { type: "VISITOR" } | { type: "SYSTEM" };

/** Who is acting and from where: the guard builds it, services pass it on to their audit events. */
export interface AuditContext {
  actor: AuditActor;
  meta: RequestMeta;
}

export interface AuditEntry extends AuditContext {
  action: AuditAction;
  loginTokenId?: string | null;
  /** Never a secret: what changed, counts, reasons. */
  details?: Prisma.InputJsonValue;
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

export function auditData({ action, actor, meta, loginTokenId, details }: AuditEntry): Prisma.AuditEventCreateManyInput {
  return {
    action,
    actorType: actor.type,
    actorStaffId: actor.type === "STAFF" ? actor.id : null,
    actorApiKeyId: actor.type === "API_KEY" ? actor.id : null,
    actorLabel: actor.type === "STAFF" || actor.type === "API_KEY" ? actor.name : null,
    loginTokenId: loginTokenId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    details,
  };
}

/** Appends events; pass a transaction so the event commits with the change it describes. */
export async function recordAudit(entries: AuditEntry | AuditEntry[], writer: Writer = db): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await writer.auditEvent.createMany({ data: list.map(auditData) });
}
