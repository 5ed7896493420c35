import { Button } from "@/components/ui/button";
import { PopoverClose } from "@/components/ui/popover";

const LAYOUT = {
  /** Above the calendar, wrapping. */
  row: { group: "mb-2 flex flex-wrap gap-1.5 border-b pb-2", button: { variant: "outline", className: undefined } },
  /** Beside the calendar, one under another. */
  column: { group: "flex w-28 flex-col gap-0.5 border-r pr-2", button: { variant: "ghost", className: "justify-start" } },
} as const;

/** The common choices offered in a calendar's popover: picking one hands it to `onPick` and closes the popover. Nothing when there are none. */
export function CalendarPresets<Preset extends { label: string }>({
  presets,
  layout,
  onPick,
}: {
  presets: Preset[];
  layout: keyof typeof LAYOUT;
  onPick: (preset: Preset) => void;
}) {
  if (presets.length === 0) return null;
  const { group, button } = LAYOUT[layout];
  return (
    <div role="group" aria-label="Presets" className={group}>
      {presets.map((preset) => (
        <PopoverClose key={preset.label} asChild>
          <Button variant={button.variant} size="sm" className={button.className} onClick={() => onPick(preset)}>
            {preset.label}
          </Button>
        </PopoverClose>
      ))}
    </div>
  );
}
