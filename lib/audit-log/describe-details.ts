// Turns an event's stored details into short lines a person reads, e.g.
// "Expires at: 1 Dec 2026, 10:00 → Never". Details never hold a secret, and
// everything here is rendered as text.

const FIELD_LABELS: Record<string, string> = {
  user: "Contact or customer",
  expiresAt: "Expires at",
  oneTimeUse: "One time use",
  extra: "Extra",
  referrer: "Referrer",
  redirectPath: "Redirect path",
  reason: "Reason",
  channel: "Through",
  email: "Email tried",
  name: "Name",
  prefix: "Key",
  failedAttemptsBefore: "Failed attempts before",
  source: "Source",
  staff: "Staff member",
  roles: "Roles",
  viewer: "Viewer",
  administrator: "Administrator",
  refusal: "Refused because",
  sessionsEnded: "Sessions ended",
  sessionId: "Session",
  buyer: "Punch-out buyer",
  protocol: "Protocol",
  returnOrigin: "Return origin",
  returnOrigins: "Return origins",
  items: "Cart",
  extrinsics: "Extrinsics",
  company: "Company",
  contact: "Contact",
};

export const CHANNELS: Record<string, string> = { link: "login link", api: "REST API" };

/** Why a redemption failed, as staff read it; the visitor only ever sees the one generic message. */
export const REFUSALS: Record<string, string> = {
  expired: "expired",
  used: "already used",
  deleted: "deleted",
  locked: "locked",
  wrong_referrer: "wrong referrer",
  holder_deactivated: "person deactivated",
  rotated: "an old value (rotated)",
  throttled: "throttled (too many failures from the caller)",
  unknown: "unknown value",
};

const MAX_TEXT = 120;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function formatAuditValue(field: string, value: unknown, formatDate: (iso: string) => string): string {
  if (value === null || value === undefined || value === "") return field === "expiresAt" ? "Never" : "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "expiresAt" && typeof value === "string") return formatDate(value);
  if (field === "channel" && typeof value === "string") return CHANNELS[value] ?? value;
  if (field === "refusal" && typeof value === "string") return REFUSALS[value] ?? value;
  if (field === "prefix" && typeof value === "string") return `${value}…`;
  if (field === "user" && isObject(value)) {
    const kind = value.type === "CONTACT" ? "contact" : value.type === "CUSTOMER" ? "customer" : "user";
    return typeof value.name === "string" ? `${value.name} (${kind})` : `${kind} #${String(value.id)}`;
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

export function describeAuditDetails(details: unknown, formatDate: (iso: string) => string): string[] {
  if (!isObject(details)) return [];
  const label = (field: string) => FIELD_LABELS[field] ?? field;
  if (isObject(details.changes)) {
    return Object.entries(details.changes).map(([field, change]) => {
      const { from, to } = isObject(change) ? change : { from: null, to: null };
      return `${label(field)}: ${formatAuditValue(field, from, formatDate)} → ${formatAuditValue(field, to, formatDate)}`;
    });
  }
  return Object.entries(details)
    .filter(([field]) => field !== "apiKeyId" && field !== "staffId" && field !== "buyerId")
    .map(([field, value]) => `${label(field)}: ${formatAuditValue(field, value, formatDate)}`);
}
