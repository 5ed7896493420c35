"use client";

import { CalendarClockIcon } from "lucide-react";
import { useId, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Calendar } from "@/components/ui/calendar";
import { CalendarPresets } from "@/components/ui/calendar-presets";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/utils";

export interface DateTimePreset {
  label: string;
  /** The moment the preset stands for, from now; null for "no date" (e.g. Never). */
  at: () => Date | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const timeOf = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/**
 * A moment in the viewer's own time zone: presets, a calendar for the day
 * and a time field. `null` is "no moment", labelled by `emptyLabel`.
 */
export function DateTimePicker({
  value,
  onChange,
  presets = [],
  emptyLabel,
  earliest,
  disabled,
  className,
  ...props
}: Omit<ComponentProps<typeof Button>, "value" | "onChange"> & {
  value: Date | null;
  onChange: (value: Date | null) => void;
  presets?: DateTimePreset[];
  emptyLabel: string;
  /** Days before this one cannot be picked (e.g. an expiry must lie ahead). */
  earliest?: Date;
}) {
  const [open, setOpen] = useState(false);
  const timeId = useId();
  const label = value ? formatDateTime(value, { zone: true }) : emptyLabel;

  function pickDay(day: Date | undefined) {
    if (!day) return;
    const next = new Date(day);
    const time = value ?? new Date();
    next.setHours(time.getHours(), time.getMinutes(), 0, 0);
    onChange(next);
  }

  function pickTime(text: string) {
    const [hours, minutes] = text.split(":").map(Number);
    if (hours === undefined || minutes === undefined || Number.isNaN(hours) || Number.isNaN(minutes)) return;
    const next = new Date(value ?? new Date());
    next.setHours(hours, minutes, 0, 0);
    onChange(next);
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          disabled={disabled}
          className={cn("w-full justify-start font-normal", !value && "text-muted-foreground", className)}
          {...props}
        >
          <CalendarClockIcon aria-hidden />
          <span className="truncate">{label}</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent className="flex w-auto gap-3 p-2">
        <CalendarPresets presets={presets} layout="column" onPick={(preset) => onChange(preset.at())} />
        <div className="grid gap-2">
          <Calendar
            mode="single"
            selected={value ?? undefined}
            onSelect={pickDay}
            defaultMonth={value ?? undefined}
            disabled={earliest ? { before: earliest } : undefined}
            autoFocus
          />
          <div className="flex items-center gap-2 px-2 pb-1">
            <Label htmlFor={timeId} className="text-xs">
              Time
            </Label>
            <Input id={timeId} type="time" className="w-28" value={value ? timeOf(value) : ""} onChange={(event) => pickTime(event.target.value)} />
          </div>
        </div>
      </PopoverContent>
    </Popover>
  );
}
