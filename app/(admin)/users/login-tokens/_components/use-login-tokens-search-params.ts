"use client";

import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { loginTokensSearchParams } from "@/lib/login-tokens/search-params";

/**
 * The table's URL state on the client. Every change asks the server page for
 * fresh rows (`shallow: false`) inside a transition, so the current rows stay
 * on screen, dimmed, until the new ones arrive; each change is a history
 * entry, so Back undoes it.
 */
export function useLoginTokensSearchParams() {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(loginTokensSearchParams, { shallow: false, history: "push", startTransition });
  return { params, setParams, isPending };
}

export type LoginTokensSearchParamsState = ReturnType<typeof useLoginTokensSearchParams>;
