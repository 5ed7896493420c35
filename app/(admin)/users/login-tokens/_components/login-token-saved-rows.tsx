"use client";

import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LoginTokenRow } from "@/lib/login-tokens/list-types";

interface SavedRows {
  saved: ReadonlyMap<string, LoginTokenRow>;
  showSaved: (row: LoginTokenRow) => void;
  forgetSaved: () => void;
}

const NONE: ReadonlyMap<string, LoginTokenRow> = new Map();
const SavedRowsContext = createContext<SavedRows | null>(null);

/**
 * Rows the token dialog has just saved, as the server answered the save: the
 * table shows them in place of what its page had, until the page comes again.
 */
export function LoginTokenSavedRowsProvider({ children }: { children: ReactNode }) {
  const [saved, setSaved] = useState(NONE);
  const showSaved = useCallback((row: LoginTokenRow) => setSaved((current) => new Map(current).set(row.id, row)), []);
  // Stable, so that the table forgets saved rows only when its page changes.
  const forgetSaved = useCallback(() => setSaved(NONE), []);
  const value = useMemo<SavedRows>(() => ({ saved, showSaved, forgetSaved }), [saved, showSaved, forgetSaved]);
  return <SavedRowsContext value={value}>{children}</SavedRowsContext>;
}

function useSavedRows(): SavedRows {
  const state = use(SavedRowsContext);
  if (!state) throw new Error("The Login Tokens table and dialog need a LoginTokenSavedRowsProvider around them.");
  return state;
}

export const useShowSavedLoginTokenRow = (): SavedRows["showSaved"] => useSavedRows().showSaved;

/** `rows` with the saved ones in their places; a page the server sends anew is as fresh as any save before it. */
export function useRowsWithSaved(rows: LoginTokenRow[]): LoginTokenRow[] {
  const { saved, forgetSaved } = useSavedRows();
  useEffect(() => forgetSaved(), [rows, forgetSaved]);
  return useMemo(() => (saved.size === 0 ? rows : rows.map((row) => saved.get(row.id) ?? row)), [rows, saved]);
}
