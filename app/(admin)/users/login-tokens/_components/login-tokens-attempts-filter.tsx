"use client";

import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { NUMBER_OPERATORS, type NumberCondition } from "@/lib/login-tokens/filters";
import { NUMBER_OPERATOR_SYMBOLS, type ConditionDraft } from "@/lib/login-tokens/table-filters";

const OPERATOR_NAMES: Record<NumberCondition["op"], string> = {
  eq: "equals",
  ne: "does not equal",
  lt: "less than",
  lte: "at most",
  gt: "greater than",
  gte: "at least",
};

/** A condition (= ≠ < ≤ > ≥, or any) and a count, for the Successful and Failed Attempt filters. */
export function LoginTokensAttemptsFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: ConditionDraft;
  onChange: (value: ConditionDraft) => void;
}) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex gap-1.5">
        <Select value={value.op} onValueChange={(op) => onChange({ ...value, op: op as ConditionDraft["op"] })}>
          <SelectTrigger aria-label={`${label} condition`} className="w-36">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="any">Any</SelectItem>
            {NUMBER_OPERATORS.map((op) => (
              <SelectItem key={op} value={op}>
                {NUMBER_OPERATOR_SYMBOLS[op]} {OPERATOR_NAMES[op]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          aria-label={`${label} count`}
          placeholder="0"
          disabled={value.op === "any"}
          value={value.value}
          onChange={(event) => onChange({ ...value, value: event.target.value })}
          className="w-24"
        />
      </div>
    </fieldset>
  );
}
