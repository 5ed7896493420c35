import type { FilterChip } from "@/components/data-table/data-table-filter-chips";
import { formatDayRange } from "@/components/ui/date-range-picker";
import { userDetailsLabel, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { NUMBER_OPERATORS, type NumberCondition } from "@/lib/login-tokens/filters";
import type { LoginTokensSearchParams } from "@/lib/login-tokens/search-params";

export const NUMBER_OPERATOR_SYMBOLS: Record<(typeof NUMBER_OPERATORS)[number], string> = { eq: "=", ne: "≠", lt: "<", lte: "≤", gt: ">", gte: "≥" };
export const STATUS_FILTER_LABELS = { active: "Active", expired: "Expired", used: "Used", locked: "Locked" } as const;

type Params = Omit<LoginTokensSearchParams, "page" | "cursor" | "perPage" | "sort" | "token">;

/** Which URL parameters each chip stands for, so removing a chip clears exactly those. */
export const FILTER_CHIP_PARAMS = {
  ids: ["ids", "byValue"],
  user: ["user"],
  expires: ["expiresFrom", "expiresTo"],
  created: ["createdFrom", "createdTo"],
  updated: ["updatedFrom", "updatedTo"],
  successful: ["successful"],
  failed: ["failed"],
  oneTimeUse: ["oneTimeUse"],
  status: ["status"],
} as const satisfies Record<string, (keyof Params)[]>;

export type FilterChipId = keyof typeof FILTER_CHIP_PARAMS;

const condition = (label: string, value: NumberCondition) => `${label} ${NUMBER_OPERATOR_SYMBOLS[value.op]} ${value.value}`;
const range = (label: string, from: Date | null, to: Date | null) => {
  const text = formatDayRange({ from: from ?? undefined, to: to ?? undefined });
  return text ? `${label}: ${text}` : null;
};

const tokens = (count: number) => `${count} ${count === 1 ? "token" : "tokens"}`;

/** Never a token value: the URL holds public ids only, and says how many were found by a pasted value. */
function idsLabel(ids: string[], byValue: number | null): string {
  if (byValue && byValue >= ids.length) return `Ids: ${tokens(ids.length)} (by value)`;
  if (byValue) return `Ids: ${tokens(ids.length)} (${byValue} by value)`;
  return `Ids: ${ids.length === 1 ? `${ids[0]!.slice(0, 8)}…` : tokens(ids.length)}`;
}

/** The active filters in words, in the order of the filter panel. */
export function loginTokenFilterChips(params: Params, user: PickedUser | null): (FilterChip & { id: FilterChipId })[] {
  const chips: { id: FilterChipId; label: string | null }[] = [
    { id: "ids", label: params.ids ? idsLabel(params.ids, params.byValue) : null },
    {
      id: "user",
      label: params.user
        ? `User: ${user ? `${user.name} (${userDetailsLabel(user)})` : `${params.user.type === "CONTACT" ? "contact" : "customer"} #${params.user.id}`}`
        : null,
    },
    { id: "expires", label: range("Expires", params.expiresFrom, params.expiresTo) },
    { id: "created", label: range("Created", params.createdFrom, params.createdTo) },
    { id: "updated", label: range("Updated", params.updatedFrom, params.updatedTo) },
    { id: "successful", label: params.successful ? condition("Successful attempts", params.successful) : null },
    { id: "failed", label: params.failed ? condition("Failed attempts", params.failed) : null },
    { id: "oneTimeUse", label: params.oneTimeUse ? `One time use: ${params.oneTimeUse === "yes" ? "yes" : "no"}` : null },
    { id: "status", label: params.status ? `Status: ${STATUS_FILTER_LABELS[params.status]}` : null },
  ];
  return chips.filter((chip): chip is { id: FilterChipId; label: string } => chip.label !== null);
}
