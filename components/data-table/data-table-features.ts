import { rowPaginationFeature, rowSelectionFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

/** What a column tells the generic table about itself. */
export interface DataTableColumnMeta {
  /** The column's name in words: its header and its sort button's label. */
  label: string;
  align?: "left" | "right";
  className?: string;
}

/**
 * The features every server-driven table uses: the database sorts and pages
 * (manual modes), the browser only keeps the selection of the loaded page.
 */
export const dataTableFeatures = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
