"use client";

import { CalendarIcon, XIcon } from "lucide-react";
import { useState } from "react";
import type { DateRange } from "react-day-picker";
import { Button } from "@/components/ui/button";
import { Calendar } from "@/components/ui/calendar";
import { CalendarPresets } from "@/components/ui/calendar-presets";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDayRange } from "@/lib/dates";
import { cn } from "@/lib/utils";

export type { DateRange };
export { formatDayRange };

// Days travel as UTC midnights (as a URL's yyyy-mm-dd reads); the calendar
// works in the viewer's own zone, so "today" is their today.
const toLocal = (day: Date) => new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
const toDay = (local: Date) => new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
const mapRange = (range: DateRange | undefined, map: (date: Date) => Date): DateRange | undefined =>
  range && { from: range.from && map(range.from), to: range.to && map(range.to) };

/** A common range offered beside the calendar: days from today, negative for the past (today is day 0). */
export interface DayRangePreset {
  label: string;
  fromDay: number;
  toDay: number;
}

/** The range of `preset` in the viewer's own days, as the calendar would pick it. */
function presetRange({ fromDay, toDay: lastDay }: DayRangePreset): DateRange {
  const today = new Date();
  const at = (offset: number) => toDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset));
  return { from: at(fromDay), to: at(lastDay) };
}

/** A range of whole days (both ends included) in a popover calendar, with optional presets; each day is the UTC midnight that names it. */
export function DateRangePicker({
  id,
  value,
  onChange,
  placeholder = "Any date",
  presets = [],
  "aria-label": ariaLabel,
}: {
  id?: string;
  value: DateRange | undefined;
  onChange: (value: DateRange | undefined) => void;
  placeholder?: string;
  presets?: DayRangePreset[];
  "aria-label"?: string;
}) {
  const [open, setOpen] = useState(false);
  const label = formatDayRange(value);
  return (
    <div className="flex items-center gap-1">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            id={id}
            variant="outline"
            aria-label={ariaLabel ? `${ariaLabel}: ${label ?? placeholder}` : undefined}
            className={cn("min-w-0 flex-1 justify-start font-normal", !label && "text-muted-foreground")}
          >
            <CalendarIcon aria-hidden />
            <span className="truncate">{label ?? placeholder}</span>
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-auto p-2">
          <CalendarPresets presets={presets} layout="row" onPick={(preset) => onChange(presetRange(preset))} />
          <Calendar
            mode="range"
            selected={mapRange(value, toLocal)}
            onSelect={(range) => onChange(mapRange(range, toDay))}
            defaultMonth={value?.from && toLocal(value.from)}
            autoFocus
          />
        </PopoverContent>
      </Popover>
      {label && (
        <Button variant="ghost" size="icon" aria-label={`Clear ${ariaLabel ?? "dates"}`} onClick={() => onChange(undefined)}>
          <XIcon aria-hidden />
        </Button>
      )}
    </div>
  );
}
