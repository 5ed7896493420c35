import { createLoader, parseAsNumberLiteral } from "nuqs/server";
import { parseAsPage } from "@/lib/url-parsers";

/** Settings > Staff's URL, read by the server page and written by the client table. */
export const STAFF_PAGE_SIZES = [25, 50, 100] as const;

export const staffSearchParams = {
  page: parseAsPage.withDefault(1),
  perPage: parseAsNumberLiteral(STAFF_PAGE_SIZES).withDefault(25),
};

export const loadStaffSearchParams = createLoader(staffSearchParams);
export type StaffSearchParams = Awaited<ReturnType<typeof loadStaffSearchParams>>;
