// Page arithmetic the back-office tables share, on the server and in the browser.

/** Where each pagination control leads; null where it leads nowhere (and is disabled). */
export interface PageLinks<Link> {
  first: Link | null;
  previous: Link | null;
  next: Link | null;
  last: Link | null;
}

/** Pages needed for `total` rows; an empty view still has its first page. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/**
 * The links of a view paged by number. Past a capped count the last page is
 * unknown: there is always a next page and never a last one.
 */
export function offsetPageLinks({
  page,
  perPage,
  total,
  totalIsCapped,
}: {
  page: number;
  perPage: number;
  total: number;
  totalIsCapped: boolean;
}): PageLinks<{ page: number }> {
  const pages = pageCount(total, perPage);
  return {
    first: page > 1 ? { page: 1 } : null,
    previous: page > 1 ? { page: page - 1 } : null,
    next: totalIsCapped || page < pages ? { page: page + 1 } : null,
    last: !totalIsCapped && page < pages ? { page: pages } : null,
  };
}
