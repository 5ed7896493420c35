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
