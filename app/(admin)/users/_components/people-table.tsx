"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { KeyRoundIcon, MoreHorizontalIcon, PlusIcon, UsersIcon } from "lucide-react";
import { use, useId, useState, type FormEvent, type ReactNode } from "react";
import { LogInAsDialog } from "@/app/(admin)/users/_components/log-in-as-dialog";
import { type DataTableColumnMeta, type DataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTableFilterChips, type FilterChip } from "@/components/data-table/data-table-filter-chips";
import { DataTableNoMatches } from "@/components/data-table/data-table-no-matches";
import { DataTableToolbarOptionFilter } from "@/components/data-table/data-table-option-filter";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ServerPagedTable } from "@/components/data-table/server-paged-table";
import { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { assistanceDenial } from "@/lib/people/assistance-policy";
import type { PeopleKind, PersonRow } from "@/lib/people/queries";
import { PEOPLE_PAGE_SIZES, peopleSearchParams } from "@/lib/people/search-params";
import { muted } from "@/components/data-table/table-cells";

export interface PeoplePageData {
  rows: PersonRow[];
  total: number;
  capped: boolean;
  /** The filtered company's name, for its chip. */
  companyName: string | null;
}

export interface PeopleTableAbilities {
  /** Configuration, not viewer: Log in as and New login token. */
  canLogInAs: boolean;
  canOverride: boolean;
  reasonRequired: boolean;
  logInAsMinutes: number;
}

const STATUS_OPTIONS = { active: "Active", deactivated: "Deactivated" } as const;
const NOUNS = { contact: { one: "contact", many: "contacts" }, customer: { one: "customer", many: "customers" } } as const;
const column = createColumnHelper<DataTableFeatures, PersonRow>();

/** A column of `key`, headed by its label, that draws `cell` for each person. */
const personColumn = (key: keyof PersonRow, id: string, meta: DataTableColumnMeta, cell: (person: PersonRow) => ReactNode) =>
  column.accessor(key, { id, meta, header: meta.label, cell: ({ row }) => cell(row.original) });

function columnsFor(kind: PeopleKind, abilities: PeopleTableAbilities, filterByCompany: (id: number) => void) {
  const type = kind === "contact" ? "CONTACT" : "CUSTOMER";
  return column.columns([
    personColumn("lastName", "name", { label: "Name", className: "max-w-64" }, (person) => (
      <div className="flex min-w-0 flex-col">
        <span className="truncate font-medium">
          {person.firstName} {person.lastName}
        </span>
        <span className="truncate text-xs text-muted-foreground">{person.email}</span>
      </div>
    )),
    ...(kind === "contact"
      ? [
          personColumn("companyName", "company", { label: "Company", className: "max-w-56" }, (person) => (
            <button
              type="button"
              className="block w-full truncate text-left underline-offset-2 hover:underline focus-visible:underline focus-visible:outline-none"
              title={`Only contacts of ${person.companyName}`}
              onClick={() => filterByCompany(person.companyId!)}
            >
              {person.companyName}
            </button>
          )),
        ]
      : []),
    personColumn("id", "id", { label: "Id", className: "tabular-nums text-muted-foreground" }, (person) => person.id),
    personColumn("deactivatedAt", "status", { label: "Status" }, (person) => {
      const denied = assistanceDenial({ kind, ...person });
      return (
        <div className="flex flex-wrap gap-1">
          {person.deactivatedAt ? <Badge variant="secondary">Deactivated</Badge> : <Badge variant="outline">Active</Badge>}
          {denied && (
            <Badge variant="outline" title={denied}>
              No assistance
            </Badge>
          )}
        </div>
      );
    }),
    personColumn("liveTokens", "liveTokens", { label: "Live tokens", className: "text-right tabular-nums" }, (person) => person.liveTokens),
    personColumn("lastUsedAt", "lastUsedAt", { label: "Last login link use", className: "whitespace-nowrap" }, (person) =>
      person.lastUsedAt ? <LocalDateTime value={person.lastUsedAt} /> : muted("Never"),
    ),
    column.display({
      id: "actions",
      meta: { label: "Actions", className: "w-px whitespace-nowrap text-right" },
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const person = row.original;
        const name = `${person.firstName} ${person.lastName}`;
        const ref = `${kind}:${person.id}`;
        const active = person.deactivatedAt === null;
        return (
          <div className="flex items-center justify-end gap-1">
            {abilities.canLogInAs && active && (
              <LogInAsDialog
                user={{ type, id: person.id }}
                name={name}
                reasonRequired={abilities.reasonRequired}
                minutes={abilities.logInAsMinutes}
                denied={assistanceDenial({ kind, ...person })}
                canOverride={abilities.canOverride}
              />
            )}
            {/* Plain links: the Login Tokens page reads its filter and its dialog from the URL as it loads. */}
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon" className="size-7" aria-label={`More for ${name}`}>
                  <MoreHorizontalIcon aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                {abilities.canLogInAs && active && (
                  <DropdownMenuItem asChild>
                    <a href={`/users/login-tokens?newFor=${ref}`}>
                      <PlusIcon aria-hidden />
                      New login token
                    </a>
                  </DropdownMenuItem>
                )}
                <DropdownMenuItem asChild>
                  <a href={`/users/login-tokens?user=${ref}`}>
                    <KeyRoundIcon aria-hidden />
                    Tokens
                  </a>
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        );
      },
    }),
  ]);
}

/**
 * Users > Contacts and Users > Customers: the webshop's people, searched and
 * filtered through the URL, with what staff do for one of them on each row.
 */
export function PeopleTable({ kind, pagePromise, abilities }: { kind: PeopleKind; pagePromise: Promise<PeoplePageData>; abilities: PeopleTableAbilities }) {
  const { rows, total, capped, companyName } = use(pagePromise);
  const urlState = useTableSearchParams(peopleSearchParams);
  const { params, setParams } = urlState;
  const id = useId();
  const [draft, setDraft] = useState(params.q ?? "");

  function search(event: FormEvent) {
    event.preventDefault();
    void setParams({ q: draft.trim() || null, page: 1 });
  }

  const chips: (FilterChip & { id: "q" | "company" | "status" })[] = [];
  if (params.q) chips.push({ id: "q", label: `Search: ${params.q}` });
  if (params.company !== null) chips.push({ id: "company", label: `Company: ${companyName ?? params.company}` });
  if (params.status) chips.push({ id: "status", label: `Status: ${STATUS_OPTIONS[params.status]}` });
  const clear = (ids: (typeof chips)[number]["id"][]) => {
    if (ids.includes("q")) setDraft("");
    void setParams({ page: 1, ...Object.fromEntries(ids.map((chip) => [chip, null])) });
  };
  const noun = NOUNS[kind];

  const empty = (
    <DataTableNoMatches noun={noun.many} chips={chips} onClear={clear}>
      <EmptyState
        icon={<UsersIcon aria-hidden />}
        title={`No ${noun.many} yet`}
        description={`The webshop brings its ${noun.many} in through the sync API (PUT /api/v1/${noun.many}/{id}) or a CSV import.`}
      />
    </DataTableNoMatches>
  );

  return (
    <div>
      <DataTableToolbar className="sm:grid-cols-[1fr_12rem]">
        <form className="grid gap-1.5" onSubmit={search} role="search">
          <Label htmlFor={`${id}-q`}>Search</Label>
          <Input
            id={`${id}-q`}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder={kind === "contact" ? "Start of a name, email or company, then Enter" : "Start of a name or email, then Enter"}
            maxLength={100}
          />
        </form>
        <DataTableToolbarOptionFilter
          label="Status"
          value={params.status}
          options={STATUS_OPTIONS}
          onValueChange={(status) => void setParams({ status, page: 1 })}
        />
      </DataTableToolbar>
      <DataTableFilterChips className="mb-3" chips={chips} onClear={clear} />
      <ServerPagedTable
        columns={columnsFor(kind, abilities, (company) => void setParams({ company, page: 1 }))}
        page={{ rows, total, totalIsCapped: capped }}
        search={urlState}
        pageSizes={PEOPLE_PAGE_SIZES}
        noun={noun}
        label={kind === "contact" ? "Contacts" : "Customers"}
        empty={empty}
        scrollsSideways
      />
    </div>
  );
}
