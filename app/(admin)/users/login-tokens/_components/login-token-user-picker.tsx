"use client";

import { BuildingIcon, CheckIcon, ChevronsUpDownIcon, UserIcon, XIcon } from "lucide-react";
import { useEffect, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandLoading } from "@/components/ui/command";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { searchTokenUsersAction } from "@/lib/login-tokens/actions";
import type { UserTypeValue } from "@/lib/login-tokens/schemas";
import { cn } from "@/lib/utils";

/** A picked contact or customer, with what it takes to tell them apart from others of the same name. */
export interface PickedUser {
  type: UserTypeValue;
  id: number;
  name: string;
  email?: string;
  company?: string | null;
}

interface Found extends PickedUser {
  email: string;
  company: string | null;
}

const TYPE_LABELS = { CONTACT: "Contact", CUSTOMER: "Customer" } as const;

const keyOf = (user: PickedUser) => `${user.type}:${user.id}`;

/** "Contact · lukas@… · Fischer GmbH": what tells two people of one name apart. */
export const userDetailsLabel = (user: PickedUser) => [TYPE_LABELS[user.type], user.email, user.company].filter(Boolean).join(" · ");

/** Waits for typing to pause, then asks the server for matches among contacts and customers. */
function useUserSearch(query: string, enabled: boolean) {
  const [results, setResults] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await searchTokenUsersAction({ query });
      if (cancelled) return;
      setResults(result?.data ?? []);
      setError(result?.data ? null : (result?.serverError?.message ?? "The search failed."));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, enabled]);
  return { results, error };
}

/**
 * A searchable picker over contacts and customers (by name or email); the
 * search runs on the server, cmdk only draws the list and its keyboard
 * handling. Props other than these go to the trigger, so a form label and
 * error state reach the control.
 */
export function LoginTokenUserPicker({
  value,
  onChange,
  emptyLabel,
  className,
  ...props
}: Omit<ComponentProps<typeof Button>, "value" | "onChange"> & { value: PickedUser | null; onChange: (user: PickedUser | null) => void; emptyLabel: string }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const { results, error } = useUserSearch(query, open);
  // The first result is highlighted whenever the results change, so Enter right after typing picks it.
  const [highlight, setHighlight] = useState<{ results: Found[] | null; key: string }>({ results: null, key: "" });
  const highlighted = highlight.results === results ? highlight.key : results?.[0] ? keyOf(results[0]) : "";

  return (
    <div className="flex items-center gap-1">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button
            variant="outline"
            role="combobox"
            aria-expanded={open}
            className={cn("min-w-0 flex-1 justify-between font-normal", !value && "text-muted-foreground", className)}
            {...props}
          >
            <span className="flex min-w-0 items-center gap-1.5">
              {value && (value.type === "CONTACT" ? <BuildingIcon aria-hidden /> : <UserIcon aria-hidden />)}
              {value ? (
                <span className="truncate">
                  {value.name} <span className="text-muted-foreground">· {userDetailsLabel(value)}</span>
                </span>
              ) : (
                <span className="truncate">{emptyLabel}</span>
              )}
            </span>
            <ChevronsUpDownIcon className="text-muted-foreground" aria-hidden />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="w-(--radix-popover-trigger-width) min-w-80 p-0">
          <Command shouldFilter={false} value={highlighted} onValueChange={(key) => setHighlight({ results, key })}>
            <CommandInput value={query} onValueChange={setQuery} placeholder="Search by name or email…" aria-label="Search contacts and customers" />
            <CommandList>
              {results === null ? (
                <CommandLoading>Searching…</CommandLoading>
              ) : (
                <>
                  <CommandEmpty>{error ?? "No contact or customer matches."}</CommandEmpty>
                  <CommandGroup>
                    {results.map((user) => {
                      const selected = value?.type === user.type && value.id === user.id;
                      return (
                        <CommandItem
                          key={keyOf(user)}
                          value={keyOf(user)}
                          onSelect={() => {
                            onChange(user);
                            setOpen(false);
                          }}
                        >
                          {user.type === "CONTACT" ? <BuildingIcon aria-hidden /> : <UserIcon aria-hidden />}
                          <span className="min-w-0 flex-1">
                            <span className="block truncate">{user.name}</span>
                            <span className="block truncate text-xs text-muted-foreground">{userDetailsLabel(user)}</span>
                          </span>
                          {selected && <CheckIcon aria-hidden />}
                        </CommandItem>
                      );
                    })}
                  </CommandGroup>
                </>
              )}
            </CommandList>
          </Command>
        </PopoverContent>
      </Popover>
      {value && (
        <Button variant="ghost" size="icon" aria-label={`Clear ${value.name}`} onClick={() => onChange(null)} disabled={props.disabled}>
          <XIcon aria-hidden />
        </Button>
      )}
    </div>
  );
}
