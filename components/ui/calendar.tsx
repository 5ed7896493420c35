"use client";

import type { CSSProperties } from "react";
import { DayPicker, type DayPickerProps } from "react-day-picker";
import "react-day-picker/style.css";
import { cn } from "@/lib/utils";

// DayPicker brings the grid semantics, keyboard navigation and labels; this
// wrapper only sizes it to the dense back-office and uses the theme colours.
const THEME = {
  "--rdp-accent-color": "var(--primary)",
  "--rdp-accent-background-color": "var(--primary-soft)",
  "--rdp-day-height": "2.125rem",
  "--rdp-day-width": "2.125rem",
  "--rdp-day_button-height": "2rem",
  "--rdp-day_button-width": "2rem",
  "--rdp-nav-height": "2.25rem",
  "--rdp-selected-border": "2px solid var(--primary)",
} as CSSProperties;

export function Calendar({ className, style, ...props }: DayPickerProps) {
  return <DayPicker data-slot="calendar" className={cn("text-sm", className)} style={{ ...THEME, ...style }} {...props} />;
}
