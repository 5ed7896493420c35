"use client";

import { useId, useState, type FormEvent } from "react";
import { DataTableOptionFilter } from "@/components/data-table/data-table-option-filter";
import { Button } from "@/components/ui/button";
import { DateRangePicker, type DateRange, type DayRangePreset } from "@/components/ui/date-range-picker";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import { LoginTokensAttemptsFilter, type AttemptsDraft } from "@/app/(admin)/users/login-tokens/_components/login-tokens-attempts-filter";
import { STATUS_FILTER_LABELS } from "@/app/(admin)/users/login-tokens/_components/login-tokens-filter-chips";
import { LoginTokenUserPicker, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import type { LoginTokensSearchParamsState } from "@/app/(admin)/users/login-tokens/_components/use-login-tokens-search-params";
import { resolvePastedTokenIdsAction } from "@/lib/login-tokens/actions";
import type { NumberCondition } from "@/lib/login-tokens/filters";
import { FIRST_PAGE } from "@/lib/login-tokens/search-params";

type Params = LoginTokensSearchParamsState["params"];

interface Draft {
  ids: string;
  user: PickedUser | null;
  expires: DateRange | undefined;
  created: DateRange | undefined;
  updated: DateRange | undefined;
  successful: AttemptsDraft;
  failed: AttemptsDraft;
  oneTimeUse: "any" | "yes" | "no";
  status: keyof typeof STATUS_FILTER_LABELS | null;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const AHEAD: DayRangePreset[] = [
  { label: "Expiring in 7 days", fromDay: 0, toDay: 7 },
  { label: "Expiring in 30 days", fromDay: 0, toDay: 30 },
];
const BEHIND = (verb: string): DayRangePreset[] => [
  { label: `${verb} today`, fromDay: 0, toDay: 0 },
  { label: `${verb} in the last 7 days`, fromDay: -6, toDay: 0 },
  { label: `${verb} in the last 30 days`, fromDay: -29, toDay: 0 },
];
const DATE_PRESETS = { expires: AHEAD, created: BEHIND("Created"), updated: BEHIND("Updated") };
const PUBLIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rangeOf = (from: Date | null, to: Date | null): DateRange | undefined => (from || to ? { from: from ?? undefined, to: to ?? undefined } : undefined);
const attemptsOf = (condition: NumberCondition | null): AttemptsDraft =>
  condition ? { op: condition.op, value: String(condition.value) } : { op: "any", value: "" };

function draftOf(params: Params, user: PickedUser | null): Draft {
  return {
    ids: params.ids?.join("\n") ?? "",
    user,
    expires: rangeOf(params.expiresFrom, params.expiresTo),
    created: rangeOf(params.createdFrom, params.createdTo),
    updated: rangeOf(params.updatedFrom, params.updatedTo),
    successful: attemptsOf(params.successful),
    failed: attemptsOf(params.failed),
    oneTimeUse: params.oneTimeUse ?? "any",
    status: params.status ?? null,
  };
}

const EMPTY: Draft = {
  ids: "",
  user: null,
  expires: undefined,
  created: undefined,
  updated: undefined,
  successful: { op: "any", value: "" },
  failed: { op: "any", value: "" },
  oneTimeUse: "any",
  status: null,
};

function conditionOf(draft: AttemptsDraft): NumberCondition | null | "invalid" {
  if (draft.op === "any") return null;
  if (!/^\d{1,9}$/.test(draft.value.trim())) return "invalid";
  return { op: draft.op, value: Number(draft.value) };
}

/**
 * The table's filters, edited as a draft and applied together, so the
 * table is not reloaded on every keystroke. Applying goes back to page 1.
 */
export function LoginTokensFiltersPanel({
  id,
  params,
  setParams,
  filterUser,
  onDone,
}: {
  id: string;
  params: Params;
  setParams: LoginTokensSearchParamsState["setParams"];
  filterUser: PickedUser | null;
  onDone: () => void;
}) {
  const fieldId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(params, filterUser));
  const [errors, setErrors] = useState<Partial<Record<"ids" | "successful" | "failed", string>>>({});
  const [applying, setApplying] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  /** Pasted values become public ids on the server first; only those go into the URL. */
  async function idsToApply(pasted: string[]): Promise<{ ids: string[]; byValue: number } | string> {
    if (pasted.every((id) => PUBLIC_ID.test(id))) return { ids: pasted.map((id) => id.toLowerCase()), byValue: 0 };
    setApplying(true);
    const result = await resolvePastedTokenIdsAction({ ids: pasted }).finally(() => setApplying(false));
    if (!result?.data) return result?.serverError?.message ?? "The pasted values could not be looked up. Please try again.";
    const { ids, byValue, unmatched } = result.data;
    if (unmatched > 0)
      return unmatched === 1
        ? "One pasted value is no token's (or its token was deleted)."
        : `${unmatched} pasted values are no token's (or their tokens were deleted).`;
    return { ids, byValue };
  }

  async function apply(event: FormEvent) {
    event.preventDefault();
    const ids = draft.ids.split(/[\s,]+/).filter(Boolean);
    const successful = conditionOf(draft.successful);
    const failed = conditionOf(draft.failed);
    const found = {
      ...(ids.length > 100 || !ids.every((value) => ID_PATTERN.test(value))
        ? { ids: "Enter up to 100 token values or ids, separated by commas, spaces or new lines." }
        : {}),
      ...(successful === "invalid" ? { successful: "Enter a whole number of 0 or more." } : {}),
      ...(failed === "invalid" ? { failed: "Enter a whole number of 0 or more." } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0 || successful === "invalid" || failed === "invalid") return;
    const resolved = ids.length > 0 ? await idsToApply(ids) : { ids: [], byValue: 0 };
    if (typeof resolved === "string") {
      setErrors({ ids: resolved });
      return;
    }
    void setParams({
      ...FIRST_PAGE,
      ids: resolved.ids.length > 0 ? resolved.ids : null,
      byValue: resolved.byValue || null,
      user: draft.user ? { type: draft.user.type, id: draft.user.id } : null,
      expiresFrom: draft.expires?.from ?? null,
      expiresTo: draft.expires?.to ?? null,
      createdFrom: draft.created?.from ?? null,
      createdTo: draft.created?.to ?? null,
      updatedFrom: draft.updated?.from ?? null,
      updatedTo: draft.updated?.to ?? null,
      successful,
      failed,
      oneTimeUse: draft.oneTimeUse === "any" ? null : draft.oneTimeUse,
      status: draft.status,
      // The days picked are this person's days; the link says where, so it means the same days to all.
      tz: draft.expires || draft.created || draft.updated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null,
    });
    onDone();
  }

  return (
    <form id={id} aria-label="Filters" onSubmit={(event) => void apply(event)} noValidate className="mb-3 rounded-lg border bg-card p-4 shadow-xs">
      <div className="grid gap-x-6 gap-y-4 md:grid-cols-2 xl:grid-cols-3">
        <div className="grid content-start gap-1.5 xl:row-span-2">
          <Label htmlFor={`${fieldId}-ids`}>Ids</Label>
          <Textarea
            id={`${fieldId}-ids`}
            rows={4}
            value={draft.ids}
            onChange={(event) => set("ids", event.target.value)}
            placeholder="Paste token values or ids"
            aria-invalid={!!errors.ids}
            aria-describedby={`${fieldId}-ids-help`}
            className="font-mono text-xs"
            spellCheck={false}
          />
          <p id={`${fieldId}-ids-help`} className={errors.ids ? "text-xs font-medium text-destructive" : "text-xs text-muted-foreground"}>
            {errors.ids ?? "Several at once: separate them with commas, spaces or new lines."}
          </p>
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${fieldId}-user`}>Contact or Customer</Label>
          <LoginTokenUserPicker id={`${fieldId}-user`} value={draft.user} onChange={(user) => set("user", user)} emptyLabel="Anyone" />
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={`${fieldId}-status`}>Status</Label>
          <DataTableOptionFilter
            id={`${fieldId}-status`}
            value={draft.status}
            anyLabel="Any status"
            options={STATUS_FILTER_LABELS}
            onValueChange={(status) => set("status", status)}
          />
        </div>
        {(
          [
            ["expires", "Expires At"],
            ["created", "Date Created"],
            ["updated", "Date Updated"],
          ] as const
        ).map(([key, label]) => (
          <div key={key} className="grid content-start gap-1.5">
            <Label htmlFor={`${fieldId}-${key}`}>{label}</Label>
            <DateRangePicker id={`${fieldId}-${key}`} aria-label={label} value={draft[key]} onChange={(range) => set(key, range)} presets={DATE_PRESETS[key]} />
          </div>
        ))}
        {(
          [
            ["successful", "Successful Attempt"],
            ["failed", "Failed Attempt"],
          ] as const
        ).map(([key, label]) => (
          <div key={key} className="grid content-start gap-1">
            <LoginTokensAttemptsFilter id={`${fieldId}-${key}`} label={label} value={draft[key]} onChange={(value) => set(key, value)} />
            {errors[key] && <p className="text-xs font-medium text-destructive">{errors[key]}</p>}
          </div>
        ))}
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">One time use</legend>
          <RadioGroup value={draft.oneTimeUse} onValueChange={(value) => set("oneTimeUse", value as Draft["oneTimeUse"])} className="flex gap-4">
            {(["any", "yes", "no"] as const).map((value) => (
              <div key={value} className="flex items-center gap-1.5">
                <RadioGroupItem id={`${fieldId}-otu-${value}`} value={value} />
                <Label htmlFor={`${fieldId}-otu-${value}`} className="font-normal">
                  {value === "any" ? "Any" : value === "yes" ? "Yes" : "No"}
                </Label>
              </div>
            ))}
          </RadioGroup>
        </fieldset>
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-end gap-2 border-t pt-3">
        <Button variant="ghost" onClick={() => setDraft(EMPTY)}>
          Reset
        </Button>
        <Button variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={applying}>
          Apply filters
        </Button>
      </div>
    </form>
  );
}
