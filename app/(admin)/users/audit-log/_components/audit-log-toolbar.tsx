"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { DataTableToolbarOptionFilter } from "@/components/data-table/data-table-option-filter";
import { DataTableToolbar, DataTableToolbarField } from "@/components/data-table/data-table-toolbar";
import { DateRangePicker, formatDayRange } from "@/components/ui/date-range-picker";
import { FormRoot } from "@/components/ui/form";
import { FormTextField } from "@/components/ui/form-fields";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AUDIT_ACTIONS } from "@/lib/audit-log/audit-actions";
import type { AuditActorOption } from "@/lib/audit-log/queries";
import { auditLogSearchParams, auditTokenFilterSchema, parseAsAuditActor } from "@/lib/audit-log/search-params";
import { defineUrlFilter } from "@/lib/table-filters";
import type { useTableSearchParams } from "@/components/data-table/use-table-search-params";

type AuditLogParams = ReturnType<typeof useTableSearchParams<typeof auditLogSearchParams>>;

const ANY = "any";
const ANYONE = "Anyone";
const GROUPS = ["Staff", "API keys", "Visitors"] as const;

const actorValue = (actor: AuditLogParams["params"]["actor"]) => (actor ? parseAsAuditActor.serialize(actor) : ANY);
const actorLabel = (value: string, actors: AuditActorOption[]) => actors.find((option) => option.value === value)?.label ?? "unknown";

/** The log's filters: the parameters each owns and its chip, from which the chips and what removing one clears are derived. */
export const AUDIT_LOG_FILTERS = {
  actor: defineUrlFilter({
    label: "Actor",
    url: { actor: auditLogSearchParams.actor },
    chip: ({ actor }, actors: AuditActorOption[]) => (actor ? `Actor: ${actorLabel(actorValue(actor), actors)}` : null),
  }),
  action: defineUrlFilter({
    label: "Action",
    url: { action: auditLogSearchParams.action },
    chip: ({ action }) => (action ? `Action: ${AUDIT_ACTIONS[action]}` : null),
  }),
  token: defineUrlFilter({
    label: "Token",
    url: { token: auditLogSearchParams.token },
    chip: ({ token }) => (token ? `Token: ${token.slice(0, 8)}…` : null),
  }),
  when: defineUrlFilter({
    label: "When",
    url: { from: auditLogSearchParams.from, to: auditLogSearchParams.to },
    usesTimeZone: true,
    chip: ({ from, to }) => {
      const when = formatDayRange(from || to ? { from: from ?? undefined, to: to ?? undefined } : undefined);
      return when ? `When: ${when}` : null;
    },
  }),
};

export type AuditFilterId = keyof typeof AUDIT_LOG_FILTERS;

/** A token's id, applied on Enter or on leaving the field, once it is one. */
function TokenIdFilter({ token, onApply }: { token: string | null; onApply: (token: string | null) => void }) {
  const form = useForm<z.input<typeof auditTokenFilterSchema>, unknown, z.output<typeof auditTokenFilterSchema>>({
    resolver: zodResolver(auditTokenFilterSchema),
    defaultValues: { token: token ?? "" },
  });
  const apply = ({ token: value }: z.output<typeof auditTokenFilterSchema>) => {
    if (value !== (token ?? "")) onApply(value || null);
  };
  return (
    // Leaving the field applies it as Enter does (a blur bubbles up from the input as focusout).
    <FormRoot form={form} onSubmit={apply} onBlur={() => void form.handleSubmit(apply)()} className="gap-1.5">
      <FormTextField
        control={form.control}
        name="token"
        label="Token id"
        placeholder="Paste a token's id and press Enter"
        spellCheck={false}
        autoComplete="off"
        className="font-mono text-xs"
      />
    </FormRoot>
  );
}

/** The log's filters, each applied as soon as it is chosen. */
export function AuditLogToolbar({ params, setParams, actors }: Pick<AuditLogParams, "params" | "setParams"> & { actors: AuditActorOption[] }) {
  return (
    <DataTableToolbar className="sm:grid-cols-2 xl:grid-cols-4">
      <DataTableToolbarField label="Actor">
        {(controlId) => (
          <Select
            value={actorValue(params.actor)}
            onValueChange={(value) => void setParams({ actor: value === ANY ? null : parseAsAuditActor.parse(value), page: 1 })}
          >
            <SelectTrigger id={controlId} className="w-full">
              {/* Named here: the chosen item's own text exists only once the list has mounted in the browser. */}
              <SelectValue>{params.actor ? actorLabel(actorValue(params.actor), actors) : ANYONE}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>{ANYONE}</SelectItem>
              {GROUPS.map((group) => {
                const options = actors.filter((actor) => actor.group === group);
                return options.length === 0 ? null : (
                  <SelectGroup key={group}>
                    <SelectLabel>{group}</SelectLabel>
                    {options.map((actor) => (
                      <SelectItem key={actor.value} value={actor.value}>
                        {actor.label}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                );
              })}
            </SelectContent>
          </Select>
        )}
      </DataTableToolbarField>
      <DataTableToolbarOptionFilter
        label="Action"
        value={params.action}
        options={AUDIT_ACTIONS}
        onValueChange={(action) => void setParams({ action, page: 1 })}
      />
      <DataTableToolbarField label="When">
        {(controlId) => (
          <DateRangePicker
            id={controlId}
            aria-label="When"
            value={params.from || params.to ? { from: params.from ?? undefined, to: params.to ?? undefined } : undefined}
            onChange={(range) =>
              void setParams({ from: range?.from ?? null, to: range?.to ?? null, tz: range ? Intl.DateTimeFormat().resolvedOptions().timeZone : null, page: 1 })
            }
          />
        )}
      </DataTableToolbarField>
      {/* Keyed by the applied id: removing its chip empties the field. */}
      <TokenIdFilter key={params.token ?? ""} token={params.token} onApply={(token) => void setParams({ token, page: 1 })} />
    </DataTableToolbar>
  );
}
