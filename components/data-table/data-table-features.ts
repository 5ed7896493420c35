import { columnVisibilityFeature, rowPaginationFeature, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** What a column tells the generic table about itself. */
export interface DataTableColumnMeta {
  /** The column's name in words: its sort button's label and its entry in the columns menu. */
  label: string;
  /** A shorter header, when the full name would wrap or widen the column. */
  header?: string;
  align?: "left" | "right";
  className?: string;
  /** Kept in view when the table scrolls sideways (Tailwind's sticky and left-… classes for header and cells). */
  stickyClassName?: string;
  /** Gives way to the others on a screen narrower than this, unless the columns menu shows it on purpose. */
  yieldsBelow?: ColumnYield;
}

/** The screen widths below which a column may give way: 1440 and 1536 px. */
export type ColumnYield = "90rem" | "96rem";

// Whole class names, so that Tailwind finds them; the queries say the same for the columns menu.
export const YIELD_CLASSES: Record<ColumnYield, string> = { "90rem": "hidden min-[90rem]:table-cell", "96rem": "hidden min-[96rem]:table-cell" };
export const YIELD_QUERIES: Record<ColumnYield, string> = { "90rem": "(min-width: 90rem)", "96rem": "(min-width: 96rem)" };

/** The class that lets a column give way, unless someone chose to show it. */
export function yieldClass(meta: DataTableColumnMeta | undefined, shownOnPurpose: boolean): string | undefined {
  return meta?.yieldsBelow && !shownOnPurpose ? YIELD_CLASSES[meta.yieldsBelow] : undefined;
}

/**
 * The features every server-driven table uses: the database sorts and pages
 * (manual modes), the browser only keeps the selection of the loaded page
 * and which columns are shown.
 */
export const dataTableFeatures = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
