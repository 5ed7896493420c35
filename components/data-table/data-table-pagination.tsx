"use client";

import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { pageCount, type PageLinks } from "@/lib/pagination";

const number = new Intl.NumberFormat("en-GB");

export interface DataTablePaginationProps<Size extends number, Link> {
  /** The page shown, as the server read it. */
  page: number;
  perPage: number;
  pageSizes: readonly Size[];
  /** Matches counted, exact up to a cap; `totalIsCapped` says there are more. */
  total: number;
  totalIsCapped: boolean;
  noun: { one: string; many: string };
  /** Where First, Previous, Next and Last lead; the table decides, this only follows them. */
  links: PageLinks<Link>;
  onNavigate: (link: Link) => void;
  /** Called only with one of `pageSizes`. */
  onPerPageChange: (perPage: Size) => void;
}

/**
 * Page size, where we are and the way to other pages. Past the count's cap
 * the last page is unknown, so "last" is offered only when it is known.
 */
export function DataTablePagination<Size extends number, Link>({
  page,
  perPage,
  pageSizes,
  total,
  totalIsCapped,
  noun,
  links,
  onNavigate,
  onPerPageChange,
}: DataTablePaginationProps<Size, Link>) {
  const sizeId = useId();
  const knownPages = pageCount(total, perPage);
  const first = total === 0 ? 0 : Math.min((page - 1) * perPage + 1, total);
  const last = Math.min(page * perPage, total);
  const count = totalIsCapped ? `more than ${number.format(total)} ${noun.many}` : `${number.format(total)} ${total === 1 ? noun.one : noun.many}`;

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-1 py-2.5 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0 || first > total ? count : `${number.format(first)}–${number.format(last)} of ${count}`}
      </p>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <div className="flex items-center gap-2">
          <label id={sizeId} className="text-muted-foreground">
            Rows per page
          </label>
          <Select
            value={String(perPage)}
            onValueChange={(value) => {
              const size = pageSizes.find((allowed) => String(allowed) === value);
              if (size !== undefined) onPerPageChange(size);
            }}
          >
            <SelectTrigger size="sm" aria-labelledby={sizeId} className="w-[4.5rem]">
              <SelectValue>{perPage}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              {pageSizes.map((size) => (
                <SelectItem key={size} value={String(size)}>
                  {size}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="font-medium tabular-nums">
          {totalIsCapped ? `Page ${number.format(page)}` : `Page ${number.format(page)} of ${number.format(knownPages)}`}
        </span>
        <div className="flex items-center gap-1">
          <PageButton label="First page" link={links.first} onNavigate={onNavigate} icon={<ChevronsLeftIcon aria-hidden />} />
          <PageButton label="Previous page" link={links.previous} onNavigate={onNavigate} icon={<ChevronLeftIcon aria-hidden />} />
          <PageButton label="Next page" link={links.next} onNavigate={onNavigate} icon={<ChevronRightIcon aria-hidden />} />
          {!totalIsCapped && <PageButton label="Last page" link={links.last} onNavigate={onNavigate} icon={<ChevronsRightIcon aria-hidden />} />}
        </div>
      </div>
    </nav>
  );
}

function PageButton<Link>({ label, link, onNavigate, icon }: { label: string; link: Link | null; onNavigate: (link: Link) => void; icon: ReactNode }) {
  return (
    <Button variant="outline" size="icon-sm" aria-label={label} disabled={link === null} onClick={() => link !== null && onNavigate(link)}>
      {icon}
    </Button>
  );
}
