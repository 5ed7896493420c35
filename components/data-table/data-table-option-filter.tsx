"use client";

import { DataTableToolbarField } from "@/components/data-table/data-table-toolbar";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ANY = "any";

interface OptionFilterProps<V extends string> {
  id: string;
  value: V | null;
  anyLabel: string;
  options: Readonly<Record<V, string>>;
  onValueChange: (value: V | null) => void;
}

/** A filter that is either off ("any", null) or one of `options`, shown by their labels. */
export function DataTableOptionFilter<V extends string>({ id, value, anyLabel, options, onValueChange }: OptionFilterProps<V>) {
  const isOption = (picked: string): picked is V => Object.hasOwn(options, picked);
  return (
    <Select value={value ?? ANY} onValueChange={(picked) => onValueChange(isOption(picked) ? picked : null)}>
      <SelectTrigger id={id} className="w-full">
        {/* Named here rather than copied from the chosen item, which exists only once the list has mounted in the browser: the server's render, and any render before the list, would show a blank. */}
        <SelectValue>{value === null ? anyLabel : options[value]}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ANY}>{anyLabel}</SelectItem>
        {Object.entries<string>(options).map(([option, label]) => (
          <SelectItem key={option} value={option}>
            {label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** The same filter as a labelled field of a table's toolbar, applied as soon as it is chosen; off, it reads "Any status" for "Status". */
export function DataTableToolbarOptionFilter<V extends string>({ label, ...filter }: Omit<OptionFilterProps<V>, "id" | "anyLabel"> & { label: string }) {
  return (
    <DataTableToolbarField label={label}>{(id) => <DataTableOptionFilter id={id} anyLabel={`Any ${label.toLowerCase()}`} {...filter} />}</DataTableToolbarField>
  );
}
