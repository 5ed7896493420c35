"use client";

import { useQueryStates, type UseQueryStatesKeysMap } from "nuqs";
import { useTransition } from "react";

/**
 * A server-driven table's URL state on the client. Every change asks the
 * server page for fresh rows (`shallow: false`) inside a transition, so the
 * current rows stay on screen, dimmed, until the new ones arrive; each change
 * is a history entry, so Back undoes it.
 */
export function useTableSearchParams<Parsers extends UseQueryStatesKeysMap>(parsers: Parsers) {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: "push", startTransition });
  return { params, setParams, isPending };
}
