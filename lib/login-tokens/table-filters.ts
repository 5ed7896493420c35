import { createParser, parseAsIsoDate, parseAsStringLiteral, type inferParserType, type Nullable, type ParserMap } from "nuqs/server";
import { z } from "zod";
import { param, queryCondition, queryDate, queryId } from "@/lib/api/query-params";
import { formatDayRange } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateRangeSchema, NUMBER_OPERATORS, numberConditionSchema, type DateRange, type NumberCondition } from "@/lib/login-tokens/filters";
import { INT32_MAX, userRefSchema, userTypeSchema, type UserTypeValue } from "@/lib/login-tokens/schemas";
import { LOGIN_TOKEN_STATUSES } from "@/lib/login-tokens/status";
import type { UrlFilter } from "@/lib/table-filters";
import { dayRange, parseAsPage, parseAsUuid, UUID_PATTERN } from "@/lib/url-parsers";

/**
 * Every filter of the Login Tokens table and the API, each declared once:
 * its URL parameters and chip, how the filter panel edits it (a draft and
 * its zod schema), its API query parameters, and its condition. The URL
 * contract (search-params.ts), the chips, the panel, the API's list query
 * schema and the query's `where` are all derived from this list. A new
 * filter is one entry here, plus the index its condition needs.
 */

// ─── URL parsers ────────────────────────────────────────────────────────────

/** `contact:12` or `customer:7`. */
export const parseAsUserRef = createParser({
  parse: (value) => {
    const match = /^(contact|customer):([1-9]\d{0,9})$/.exec(value);
    // The webshop's own ids fill the integer column's whole range.
    if (!match || Number(match[2]) > INT32_MAX) return null;
    return { type: match[1] === "contact" ? ("CONTACT" as const) : ("CUSTOMER" as const), id: Number(match[2]) };
  },
  serialize: ({ type, id }) => `${type.toLowerCase()}:${id}`,
  eq: (a, b) => a.type === b.type && a.id === b.id,
});

/** `gte:3`: an operator of the attempt filters and a count. */
const parseAsNumberCondition = createParser({
  parse: (value): NumberCondition | null => {
    const [op, count] = value.split(":");
    if (!NUMBER_OPERATORS.includes(op as NumberCondition["op"]) || !/^\d{1,9}$/.test(count ?? "")) return null;
    return { op: op as NumberCondition["op"], value: Number(count) };
  },
  serialize: ({ op, value }) => `${op}:${value}`,
  eq: (a, b) => a.op === b.op && a.value === b.value,
});

const ID_LIST_MAX = 100;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const splitIds = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/** Token values or public ids, comma-separated. */
const parseAsIdList = createParser({
  parse: (value) => {
    const ids = splitIds(value);
    return ids.length > 0 && ids.length <= ID_LIST_MAX && ids.every((id) => ID_PATTERN.test(id)) ? ids : null;
  },
  serialize: (ids) => ids.join(","),
  eq: (a, b) => a.join(",") === b.join(","),
});

// ─── What a filter is made of ───────────────────────────────────────────────

/** A contact or customer as the picker and the chip name them. */
export interface FilterUser {
  type: UserTypeValue;
  id: number;
  name: string;
  email?: string;
  company?: string | null;
}

export interface FilterOption {
  id: string;
  name: string;
}

/** What the chips and the panel know beyond the URL: the names behind ids. */
export interface LoginTokenFilterContext {
  /** The filtered person, found on the server; null when none (or no longer there). */
  user: FilterUser | null;
  /** How the chip names `user`, e.g. "Contact · lukas@… · Fischer GmbH". */
  userDetails: string | null;
  punchoutBuyers: FilterOption[];
}

export interface DayPreset {
  label: string;
  fromDay: number;
  toDay: number;
}

/** Which control of the filter panel edits the filter. */
export type FilterControl =
  | { kind: "ids" }
  | { kind: "user" }
  | { kind: "dates"; presets: DayPreset[] }
  | { kind: "condition" }
  | { kind: "radio"; options: Record<string, string> }
  | { kind: "select"; anyLabel: string; options: (context: LoginTokenFilterContext) => Record<string, string> };

export interface WhereContext {
  now: Date;
  /** The lookup hashes of those `values` that are shaped like token values. */
  tokenHashes: (values: string[]) => Uint8Array<ArrayBuffer>[];
}

export interface LoginTokenFilter<Url extends ParserMap, Value extends z.ZodType, Draft, Api extends z.ZodRawShape> extends UrlFilter<
  Url,
  LoginTokenFilterContext
> {
  /** The filter's value in the contract the query and the API share, with its default when unset. */
  value: Value;
  fromUrl?(values: inferParserType<Url>, context: { timeZone: string | null }): z.output<Value>;
  /** How the filter panel edits it; applying writes `toUrl` of the validated draft. */
  draft?: {
    control: FilterControl;
    schema: z.ZodType<Draft>;
    empty: NoInfer<Draft>;
    fromUrl(values: inferParserType<Url>, context: LoginTokenFilterContext): NoInfer<Draft>;
    toUrl(draft: Draft): Nullable<inferParserType<Url>>;
  };
  api?: {
    params: Api;
    fromQuery(query: z.output<z.ZodObject<Api>>): z.output<Value>;
    /** A rule across the filter's own parameters. */
    check?(query: z.output<z.ZodObject<Api>>, ctx: z.RefinementCtx): void;
  };
  /** The filter's condition; undefined while it does not narrow. */
  where(value: z.output<Value>, context: WhereContext): Prisma.LoginTokenWhereInput | undefined;
}

const defineFilter = <Url extends ParserMap, Value extends z.ZodType, Draft = never, Api extends z.ZodRawShape = Record<never, never>>(
  filter: LoginTokenFilter<Url, Value, Draft, Api>,
) => filter;

// ─── Shared shapes of several filters ───────────────────────────────────────

const WHOLE_NUMBER = "Enter a whole number of 0 or more.";

export const conditionDraftSchema = z
  .object({ op: z.enum(["any", ...NUMBER_OPERATORS] as const), value: z.string() })
  .refine((draft) => draft.op === "any" || /^\d{1,9}$/.test(draft.value.trim()), { message: WHOLE_NUMBER });
export type ConditionDraft = z.infer<typeof conditionDraftSchema>;

const conditionFilter = <Param extends string, ApiParam extends string>(
  label: string,
  chipLabel: string,
  urlParam: Param,
  apiParam: ApiParam,
  column: "successfulAttempts" | "failedAttempts",
) => {
  // The keys are the filter's own parameters, which a generic key cannot show the compiler.
  const get = (values: unknown) => (values as Record<string, NumberCondition | null>)[urlParam] ?? null;
  return defineFilter({
    label,
    url: { [urlParam]: parseAsNumberCondition } as Record<Param, typeof parseAsNumberCondition>,
    chip: (values) => {
      const condition = get(values);
      return condition ? `${chipLabel} ${NUMBER_OPERATOR_SYMBOLS[condition.op]} ${condition.value}` : null;
    },
    value: numberConditionSchema.nullable().default(null),
    fromUrl: get,
    draft: {
      control: { kind: "condition" },
      schema: conditionDraftSchema,
      empty: { op: "any", value: "" },
      fromUrl: (values): ConditionDraft => {
        const condition = get(values);
        return condition ? { op: condition.op, value: String(condition.value) } : { op: "any", value: "" };
      },
      toUrl: (draft) => ({ [urlParam]: draft.op === "any" ? null : { op: draft.op, value: Number(draft.value.trim()) } }) as never,
    },
    api: {
      params: { [apiParam]: queryCondition(chipLabel.replace("attempts", "redemptions")) } as Record<ApiParam, ReturnType<typeof queryCondition>>,
      fromQuery: (query) => (query as Record<ApiParam, NumberCondition | undefined>)[apiParam] ?? null,
    },
    where: (condition) => {
      if (!condition) return undefined;
      const { op, value } = condition;
      return { [column]: op === "eq" ? { equals: value } : op === "ne" ? { not: value } : { [op]: value } };
    },
  });
};

/** A choice among `labels`, or any, kept in the URL parameter `param` and edited as radio buttons. */
const choiceDraft = <Param extends string, Choice extends string>(param: Param, labels: Record<Choice, string>) => ({
  control: { kind: "radio" as const, options: { any: "Any", ...labels } },
  schema: z.enum(["any", ...Object.keys(labels)] as ["any", ...Choice[]]) as z.ZodType<Choice | "any">,
  empty: "any" as const,
  fromUrl: (values: unknown) => (values as Record<string, Choice | null>)[param] ?? "any",
  toUrl: (choice: Choice | "any") => ({ [param]: choice === "any" ? null : choice }) as never,
});

type DraftRange = { from?: Date; to?: Date } | undefined;

const dateFilter = <From extends string, To extends string, ApiFrom extends string, ApiTo extends string>(
  label: string,
  chipLabel: string,
  [fromParam, toParam]: [From, To],
  [apiFrom, apiTo]: [ApiFrom, ApiTo],
  what: string,
  column: "expiresAt" | "createdAt" | "updatedAt",
  presets: DayPreset[],
) => {
  const get = (values: unknown) => {
    const dates = values as Record<string, Date | null>;
    return [dates[fromParam] ?? null, dates[toParam] ?? null] as const;
  };
  return defineFilter({
    label,
    url: { [fromParam]: parseAsIsoDate, [toParam]: parseAsIsoDate } as Record<From | To, typeof parseAsIsoDate>,
    usesTimeZone: true,
    chip: (values) => {
      const [from, to] = get(values);
      const text = formatDayRange({ from: from ?? undefined, to: to ?? undefined });
      return text ? `${chipLabel}: ${text}` : null;
    },
    value: dateRangeSchema.default({}),
    fromUrl: (values, { timeZone }) => dayRange(...get(values), timeZone),
    draft: {
      control: { kind: "dates", presets },
      schema: z.object({ from: z.date().optional(), to: z.date().optional() }).optional() as z.ZodType<DraftRange>,
      empty: undefined,
      fromUrl: (values): DraftRange => {
        const [from, to] = get(values);
        return from || to ? { from: from ?? undefined, to: to ?? undefined } : undefined;
      },
      toUrl: (draft) => ({ [fromParam]: draft?.from ?? null, [toParam]: draft?.to ?? null }) as never,
    },
    api: {
      params: {
        [apiFrom]: queryDate(`Tokens ${what} at or after this date-time.`),
        [apiTo]: queryDate(`Tokens ${what} before this date-time.`),
      } as Record<ApiFrom | ApiTo, ReturnType<typeof queryDate>>,
      fromQuery: (query) => {
        const dates = query as Record<ApiFrom | ApiTo, Date | undefined>;
        return { from: dates[apiFrom], to: dates[apiTo] };
      },
    },
    where: (range: DateRange) =>
      range.from || range.to ? { [column]: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } } : undefined,
  });
};

// ─── Words ──────────────────────────────────────────────────────────────────

export const NUMBER_OPERATOR_SYMBOLS: Record<NumberCondition["op"], string> = { eq: "=", ne: "≠", lt: "<", lte: "≤", gt: ">", gte: "≥" };

const tokens = (count: number) => `${count} ${count === 1 ? "token" : "tokens"}`;

/** Never a token value: the URL holds public ids only, and says how many were found by a pasted value. */
function idsLabel(ids: string[], byValue: number | null): string {
  if (byValue && byValue >= ids.length) return `Ids: ${tokens(ids.length)} (by value)`;
  if (byValue) return `Ids: ${tokens(ids.length)} (${byValue} by value)`;
  return `Ids: ${ids.length === 1 ? `${ids[0]!.slice(0, 8)}…` : tokens(ids.length)}`;
}

const AHEAD: DayPreset[] = [
  { label: "Expiring in 7 days", fromDay: 0, toDay: 7 },
  { label: "Expiring in 30 days", fromDay: 0, toDay: 30 },
];
const BEHIND = (verb: string): DayPreset[] => [
  { label: `${verb} today`, fromDay: 0, toDay: 0 },
  { label: `${verb} in the last 7 days`, fromDay: -6, toDay: 0 },
  { label: `${verb} in the last 30 days`, fromDay: -29, toDay: 0 },
];

export const STATUS_FILTER_LABELS = { active: "Active", expired: "Expired", used: "Used", locked: "Locked" } as const;
const STATUS = { active: "ACTIVE", expired: "EXPIRED", used: "USED", locked: "LOCKED" } as const;
const LISTED_STATUSES = LOGIN_TOKEN_STATUSES.filter((status) => status !== "DELETED") as ["ACTIVE", "EXPIRED", "USED", "LOCKED"];

export const MAX_USES_FILTER_LABELS = { once: "Once", limited: "N times", unlimited: "Unlimited" } as const;
const MAX_USES_VALUES = ["once", "limited", "unlimited"] as const;

const YES_NO = ["yes", "no"] as const;

// ─── The filters, in the order of the panel and the chips ───────────────────

export const LOGIN_TOKEN_FILTERS = {
  ids: defineFilter({
    label: "Ids",
    /** Public ids; pasted token values are turned into them on the server (pasted-ids.ts) before they get here. */
    url: { ids: parseAsIdList, byValue: parseAsPage },
    chip: ({ ids, byValue }) => (ids ? idsLabel(ids, byValue) : null),
    value: z.array(z.string().trim().min(1).max(100)).max(ID_LIST_MAX).default([]),
    fromUrl: ({ ids }) => ids ?? [],
    draft: {
      control: { kind: "ids" },
      schema: z.string().refine((text) => {
        const ids = splitIds(text);
        return ids.length <= ID_LIST_MAX && ids.every((id) => ID_PATTERN.test(id));
      }, `Enter up to ${ID_LIST_MAX} token values or ids, separated by commas, spaces or new lines.`),
      empty: "",
      fromUrl: ({ ids }) => ids?.join("\n") ?? "",
      // The panel turns pasted values into public ids on the server before they reach the URL.
      toUrl: (text) => {
        const ids = splitIds(text);
        return { ids: ids.length > 0 ? ids : null, byValue: null };
      },
    },
    api: {
      params: {
        ids: param(
          z
            .string()
            .transform((value) =>
              value
                .split(",")
                .map((id) => id.trim())
                .filter(Boolean),
            )
            .pipe(z.array(z.string().max(100, "Each id is at most 100 characters.")).max(ID_LIST_MAX, `Send at most ${ID_LIST_MAX} ids.`))
            .optional(),
          `Comma-separated token ids or token values (at most ${ID_LIST_MAX}).`,
        ),
      },
      fromQuery: (query) => query.ids ?? [],
    },
    where: (ids, { tokenHashes }) => {
      if (ids.length === 0) return undefined;
      const publicIds = ids.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
      // Nothing pasted looks like an id: the filter must then match nothing, not everything.
      return { OR: [{ id: { in: publicIds } }, { tokenHash: { in: tokenHashes(ids) } }] };
    },
  }),
  user: defineFilter({
    label: "Contact or Customer",
    url: { user: parseAsUserRef },
    chip: ({ user }, context) => {
      if (!user) return null;
      const found = context.user?.type === user.type && context.user.id === user.id ? context.user : null;
      return `User: ${found ? `${found.name} (${context.userDetails})` : `${user.type === "CONTACT" ? "contact" : "customer"} #${user.id}`}`;
    },
    value: userRefSchema.nullable().default(null),
    fromUrl: ({ user }) => user,
    draft: {
      control: { kind: "user" },
      schema: z.custom<FilterUser | null>((value) => value === null || (typeof value === "object" && "type" in value && "id" in value)),
      empty: null,
      fromUrl: ({ user }, context) => (user && context.user?.type === user.type && context.user.id === user.id ? context.user : null),
      toUrl: (user) => ({ user: user ? { type: user.type, id: user.id } : null }),
    },
    api: {
      params: { contactId: queryId("Only tokens of this contact."), customerId: queryId("Only tokens of this customer.") },
      fromQuery: ({ contactId, customerId }) =>
        contactId ? { type: "CONTACT" as const, id: contactId } : customerId ? { type: "CUSTOMER" as const, id: customerId } : null,
      check: (query, ctx) => {
        if (query.contactId !== undefined && query.customerId !== undefined) {
          ctx.addIssue({ code: "custom", path: ["customerId"], message: "Send contactId or customerId, not both." });
        }
      },
    },
    where: (user) => (user ? (user.type === "CONTACT" ? { contactId: user.id } : { customerId: user.id }) : undefined),
  }),
  userType: defineFilter({
    label: "Type",
    url: {},
    chip: () => null,
    value: userTypeSchema.nullable().default(null),
    api: {
      params: { userType: param(z.enum(["CONTACT", "CUSTOMER"]).optional(), "Only tokens for contacts, or for customers.") },
      fromQuery: (query) => query.userType ?? null,
    },
    where: (userType) => (userType ? { userType } : undefined),
  }),
  punchoutBuyer: defineFilter({
    label: "Punch-out buyer",
    url: { buyer: parseAsUuid },
    chip: ({ buyer }, context) => {
      if (!buyer) return null;
      return `Punch-out buyer: ${context.punchoutBuyers.find((option) => option.id === buyer)?.name ?? `${buyer.slice(0, 8)}…`}`;
    },
    value: z.uuid().nullable().default(null),
    fromUrl: ({ buyer }) => buyer,
    draft: {
      control: {
        kind: "select",
        anyLabel: "Any or none",
        options: (context) => Object.fromEntries(context.punchoutBuyers.map((option) => [option.id, option.name])),
      },
      schema: z.string().nullable(),
      empty: null,
      fromUrl: ({ buyer }) => buyer,
      toUrl: (buyer) => ({ buyer }),
    },
    api: {
      params: {
        punchoutBuyerId: param(
          z.uuid({ error: "Use the punch-out buyer's id (a UUID)." }).optional(),
          "Only the tokens that this punch-out buyer's procurement system had minted.",
        ),
      },
      fromQuery: (query) => query.punchoutBuyerId?.toLowerCase() ?? null,
    },
    // A punch-out token is tied to its buyer by the punch-out that minted it: the index (buyer_id, created_at) finds them.
    where: (buyerId) => (buyerId ? { punchoutSession: { is: { buyerId } } } : undefined),
  }),
  expiresAt: dateFilter("Expires At", "Expires", ["expiresFrom", "expiresTo"], ["expiresAtFrom", "expiresAtTo"], "expiring", "expiresAt", AHEAD),
  createdAt: dateFilter("Date Created", "Created", ["createdFrom", "createdTo"], ["createdAtFrom", "createdAtTo"], "created", "createdAt", BEHIND("Created")),
  updatedAt: dateFilter("Date Updated", "Updated", ["updatedFrom", "updatedTo"], ["updatedAtFrom", "updatedAtTo"], "updated", "updatedAt", BEHIND("Updated")),
  successfulAttempts: conditionFilter("Successful Attempt", "Successful attempts", "successful", "successfulAttempts", "successfulAttempts"),
  failedAttempts: conditionFilter("Failed Attempt", "Failed attempts", "failed", "failedAttempts", "failedAttempts"),
  oneTimeUse: defineFilter({
    label: "One time use",
    url: { oneTimeUse: parseAsStringLiteral(YES_NO) },
    chip: ({ oneTimeUse }) => (oneTimeUse ? `One time use: ${oneTimeUse}` : null),
    value: z.boolean().nullable().default(null),
    fromUrl: ({ oneTimeUse }) => (oneTimeUse === null ? null : oneTimeUse === "yes"),
    draft: choiceDraft("oneTimeUse", { yes: "Yes", no: "No" }),
    api: {
      params: {
        oneTimeUse: param(
          z
            .enum(["true", "false"], { error: "Use true or false." })
            .transform((value) => value === "true")
            .optional(),
          "Only one-time tokens (true) or reusable ones (false).",
        ),
      },
      fromQuery: (query) => query.oneTimeUse ?? null,
    },
    where: (oneTimeUse) => (oneTimeUse === null ? undefined : { oneTimeUse }),
  }),
  // How uses are stored: a one-time token has one_time_use; a reusable one has max_uses, or none for unlimited.
  maxUses: defineFilter({
    label: "Max uses",
    url: { maxUses: parseAsStringLiteral(MAX_USES_VALUES) },
    chip: ({ maxUses }) => (maxUses ? `Max uses: ${MAX_USES_FILTER_LABELS[maxUses]}` : null),
    value: z.enum(MAX_USES_VALUES).nullable().default(null),
    fromUrl: ({ maxUses }) => maxUses,
    draft: choiceDraft("maxUses", MAX_USES_FILTER_LABELS),
    api: {
      params: {
        maxUses: param(
          z.enum(MAX_USES_VALUES, { error: `Use ${MAX_USES_VALUES.join(", ")}.` }).optional(),
          "Only one-time tokens (once), tokens for a number of uses (limited) or reusable tokens without a limit (unlimited).",
        ),
      },
      fromQuery: (query) => query.maxUses ?? null,
    },
    where: (maxUses) =>
      maxUses === "once"
        ? { oneTimeUse: true }
        : maxUses === "limited"
          ? { oneTimeUse: false, maxUses: { not: null } }
          : maxUses === "unlimited"
            ? { oneTimeUse: false, maxUses: null }
            : undefined,
  }),
  status: defineFilter({
    label: "Status",
    url: { status: parseAsStringLiteral(["active", "expired", "used", "locked"] as const) },
    chip: ({ status }) => (status ? `Status: ${STATUS_FILTER_LABELS[status]}` : null),
    value: z.enum(LISTED_STATUSES).nullable().default(null),
    fromUrl: ({ status }) => (status ? STATUS[status] : null),
    draft: {
      control: { kind: "select", anyLabel: "Any status", options: () => STATUS_FILTER_LABELS },
      schema: z.enum(["active", "expired", "used", "locked"]).nullable(),
      empty: null,
      fromUrl: ({ status }) => status,
      toUrl: (status) => ({ status }),
    },
    api: {
      params: { status: param(z.enum(LISTED_STATUSES).optional(), "Only tokens in this status. Without it, every token that is not deleted.") },
      fromQuery: (query) => query.status ?? null,
    },
    // A used one-time token stays listed, with its status, until someone deletes it: only
    // deleted_at leaves the list, and only the other statuses leave out the used ones.
    where: (status, { now }) => {
      switch (status) {
        case "USED":
          return { deletedAt: null, usedAt: { not: null } };
        case "ACTIVE":
          return { deletedAt: null, usedAt: null, lockedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
        case "EXPIRED":
          return { deletedAt: null, usedAt: null, lockedAt: null, expiresAt: { lte: now } };
        case "LOCKED":
          return { deletedAt: null, usedAt: null, lockedAt: { not: null } };
        default:
          return { deletedAt: null };
      }
    },
  }),
};

export type LoginTokenFilterId = keyof typeof LOGIN_TOKEN_FILTERS;
type AnyLoginTokenFilter = LoginTokenFilter<ParserMap, z.ZodType, unknown, z.ZodRawShape>;
/** The declarations without their individual types, for code that walks all of them. */
export const LOGIN_TOKEN_FILTER_LIST = Object.entries(LOGIN_TOKEN_FILTERS) as [LoginTokenFilterId, AnyLoginTokenFilter][];

// ─── Derived: the shared filter contract ────────────────────────────────────

/**
 * Every filter of the table and the API, already parsed from the URL or the
 * query string. No status means every token but the deleted ones, used
 * one-time tokens included; USED finds those, the other statuses leave them
 * out. Tokens deleted by staff or the API are never listed.
 */
export const loginTokenFiltersSchema = z.object(
  Object.fromEntries(LOGIN_TOKEN_FILTER_LIST.map(([id, filter]) => [id, filter.value])) as {
    [K in LoginTokenFilterId]: (typeof LOGIN_TOKEN_FILTERS)[K]["value"];
  },
);
export type LoginTokenFilters = z.infer<typeof loginTokenFiltersSchema>;

/** The table's URL filters (with `tz`, the time zone of their days) as the filter contract. */
export function loginTokenFiltersFromUrl(params: Record<string, unknown> & { tz?: string | null }): LoginTokenFilters {
  const context = { timeZone: params.tz ?? null };
  return loginTokenFiltersSchema.parse(
    Object.fromEntries(
      LOGIN_TOKEN_FILTER_LIST.flatMap(([id, filter]) =>
        filter.fromUrl ? [[id, filter.fromUrl(Object.fromEntries(Object.keys(filter.url).map((key) => [key, params[key] ?? null])), context)]] : [],
      ),
    ),
  );
}

/** The API's filter parameters, for its list query schema. */
export const loginTokenFilterApiParams = Object.assign({}, ...LOGIN_TOKEN_FILTER_LIST.map(([, filter]) => filter.api?.params ?? {})) as {
  [K in LoginTokenFilterId]: (typeof LOGIN_TOKEN_FILTERS)[K] extends { api?: { params: infer P } } ? P : never;
}[LoginTokenFilterId] extends infer U
  ? (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void
    ? I & {}
    : never
  : never;

/** The cross-parameter rules of the API's filters. */
export function checkLoginTokenFilterQuery(query: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [, filter] of LOGIN_TOKEN_FILTER_LIST) filter.api?.check?.(query, ctx);
}

/** The API's parsed query as the filter contract. */
export function loginTokenFiltersFromQuery(query: Record<string, unknown>): LoginTokenFilters {
  return loginTokenFiltersSchema.parse(
    Object.fromEntries(LOGIN_TOKEN_FILTER_LIST.flatMap(([id, filter]) => (filter.api ? [[id, filter.api.fromQuery(query)]] : []))),
  );
}

/** The conditions of every filter that narrows, for `loginTokenWhere`. */
export function loginTokenFilterConditions(filters: LoginTokenFilters, context: WhereContext): Prisma.LoginTokenWhereInput[] {
  return LOGIN_TOKEN_FILTER_LIST.flatMap(([id, filter]) => filter.where(filters[id], context) ?? []);
}
