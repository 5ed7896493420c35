"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm, type ControllerRenderProps } from "react-hook-form";
import { z } from "zod";
import type { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { DataTableOptionFilter } from "@/components/data-table/data-table-option-filter";
import { Button } from "@/components/ui/button";
import { DateRangePicker, type DateRange } from "@/components/ui/date-range-picker";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import { LoginTokensAttemptsFilter } from "@/app/(admin)/users/login-tokens/_components/login-tokens-attempts-filter";
import { LoginTokenUserPicker, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { resolvePastedTokenIdsAction } from "@/lib/login-tokens/actions";
import { FIRST_PAGE, type loginTokensSearchParams } from "@/lib/login-tokens/search-params";
import {
  LOGIN_TOKEN_FILTER_LIST,
  type ConditionDraft,
  type FilterControl,
  type LoginTokenFilterContext,
  type LoginTokenFilterId,
} from "@/lib/login-tokens/table-filters";
import { filterValues } from "@/lib/table-filters";
import { UUID_PATTERN } from "@/lib/url-parsers";

type SearchParamsState = ReturnType<typeof useTableSearchParams<typeof loginTokensSearchParams>>;

/** The filters the panel edits, each with its draft (table-filters.ts). */
const EDITED = LOGIN_TOKEN_FILTER_LIST.flatMap(([id, filter]) => (filter.draft ? [{ id, filter, draft: filter.draft }] : []));

type Draft = Partial<Record<LoginTokenFilterId, unknown>>;

const draftSchema = z.object(Object.fromEntries(EDITED.map(({ id, draft }) => [id, draft.schema])));
const EMPTY: Draft = Object.fromEntries(EDITED.map(({ id, draft }) => [id, draft.empty]));

const draftOf = (params: SearchParamsState["params"], context: LoginTokenFilterContext): Draft =>
  Object.fromEntries(EDITED.map(({ id, filter, draft }) => [id, draft.fromUrl(filterValues(filter, params), context)]));

/**
 * The table's filters, edited as a draft and applied together, so the
 * table is not reloaded on every keystroke; each field is validated by its
 * filter's own schema. Applying goes back to page 1.
 */
export function LoginTokensFiltersPanel({
  id,
  params,
  setParams,
  context,
  onDone,
}: {
  id: string;
  params: SearchParamsState["params"];
  setParams: SearchParamsState["setParams"];
  context: LoginTokenFilterContext;
  onDone: () => void;
}) {
  const fieldId = useId();
  const form = useForm<Draft>({ resolver: zodResolver(draftSchema), defaultValues: draftOf(params, context) });

  /** Pasted values become public ids on the server first; only those go into the URL. */
  async function idsToApply(pasted: string[]): Promise<{ ids: string[]; byValue: number } | string> {
    if (pasted.every((value) => UUID_PATTERN.test(value))) return { ids: pasted.map((value) => value.toLowerCase()), byValue: 0 };
    const result = await resolvePastedTokenIdsAction({ ids: pasted });
    if (!result?.data) return result?.serverError?.message ?? "The pasted values could not be looked up. Please try again.";
    const { ids, byValue, unmatched } = result.data;
    if (unmatched > 0)
      return unmatched === 1
        ? "One pasted value is no token's (or its token was deleted)."
        : `${unmatched} pasted values are no token's (or their tokens were deleted).`;
    return { ids, byValue };
  }

  async function apply(draft: Draft) {
    const url: Record<string, unknown> = Object.assign({}, ...EDITED.map(({ id, draft: edit }) => edit.toUrl(draft[id])));
    const pasted = url.ids as string[] | null;
    if (pasted) {
      const resolved = await idsToApply(pasted);
      if (typeof resolved === "string") {
        form.setError("ids", { message: resolved });
        return;
      }
      Object.assign(url, { ids: resolved.ids.length > 0 ? resolved.ids : null, byValue: resolved.byValue || null });
    }
    const zoned = EDITED.some(({ filter }) => filter.usesTimeZone && Object.keys(filter.url).some((param) => url[param] != null));
    void setParams({
      ...FIRST_PAGE,
      ...url,
      // The days picked are this person's days; the link says where, so it means the same days to all.
      tz: zoned ? Intl.DateTimeFormat().resolvedOptions().timeZone : null,
    });
    onDone();
  }

  return (
    <Form {...form}>
      <form
        id={id}
        aria-label="Filters"
        onSubmit={(event) => void form.handleSubmit(apply)(event)}
        noValidate
        className="mb-3 rounded-lg border bg-card p-4 shadow-xs"
      >
        <div className="grid gap-x-6 gap-y-4 md:grid-cols-2 xl:grid-cols-3">
          {EDITED.map(({ id: name, filter, draft }) => (
            <FormField
              key={name}
              control={form.control}
              name={name}
              render={({ field, fieldState }) => (
                <FormItem className={draft.control.kind === "ids" ? "content-start xl:row-span-2" : "content-start"}>
                  <FilterField
                    id={`${fieldId}-${name}`}
                    label={filter.label}
                    control={draft.control}
                    field={field}
                    error={fieldState.error?.message}
                    context={context}
                  />
                </FormItem>
              )}
            />
          ))}
        </div>
        <div className="mt-4 flex flex-wrap items-center justify-end gap-2 border-t pt-3">
          <Button variant="ghost" onClick={() => form.reset(EMPTY, { keepDefaultValues: true })}>
            Reset
          </Button>
          <Button variant="outline" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Apply filters
          </Button>
        </div>
      </form>
    </Form>
  );
}

/** The control a filter declares, bound to its draft. */
function FilterField({
  id,
  label,
  control,
  field,
  error,
  context,
}: {
  id: string;
  label: string;
  control: FilterControl;
  field: ControllerRenderProps<Draft, LoginTokenFilterId>;
  error: string | undefined;
  context: LoginTokenFilterContext;
}) {
  switch (control.kind) {
    case "ids":
      return (
        <>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Textarea
              rows={4}
              name={field.name}
              value={field.value as string}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder="Paste token values or ids"
              className="font-mono text-xs"
              spellCheck={false}
            />
          </FormControl>
          {error ? <FormMessage /> : <FormDescription>Several at once: separate them with commas, spaces or new lines.</FormDescription>}
        </>
      );
    case "user":
      return (
        <>
          <Label htmlFor={id}>{label}</Label>
          <LoginTokenUserPicker id={id} value={field.value as PickedUser | null} onChange={field.onChange} emptyLabel="Anyone" />
        </>
      );
    case "select":
      return (
        <>
          <Label htmlFor={id}>{label}</Label>
          <DataTableOptionFilter
            id={id}
            value={field.value as string | null}
            anyLabel={control.anyLabel}
            options={control.options(context)}
            onValueChange={field.onChange}
          />
        </>
      );
    case "dates":
      return (
        <>
          <Label htmlFor={id}>{label}</Label>
          <DateRangePicker id={id} aria-label={label} value={field.value as DateRange | undefined} onChange={field.onChange} presets={control.presets} />
        </>
      );
    case "condition":
      return (
        <>
          <LoginTokensAttemptsFilter id={id} label={label} value={field.value as ConditionDraft} onChange={field.onChange} />
          {error && <p className="text-xs font-medium text-destructive">{error}</p>}
        </>
      );
    case "radio":
      return (
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">{label}</legend>
          <RadioGroup value={field.value as string} onValueChange={field.onChange} className="flex flex-wrap gap-x-4 gap-y-1.5">
            {Object.entries(control.options).map(([value, text]) => (
              <div key={value} className="flex items-center gap-1.5">
                <RadioGroupItem id={`${id}-${value}`} value={value} />
                <Label htmlFor={`${id}-${value}`} className="font-normal">
                  {text}
                </Label>
              </div>
            ))}
          </RadioGroup>
        </fieldset>
      );
  }
}
