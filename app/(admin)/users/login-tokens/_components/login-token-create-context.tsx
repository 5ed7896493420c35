"use client";

import { createContext, use, useState, type ReactNode } from "react";
import type { LoginTokenSettings } from "@/lib/login-tokens/list-types";

/** The New Login Token dialog's opening: fresh, or with another token's settings to start from ("Duplicate"). */
export interface CreateRequest {
  /** A new number for each opening, so the form starts over (and its defaults are taken at that moment). */
  key: number;
  from: LoginTokenSettings | null;
}

interface CreateState {
  request: CreateRequest | null;
  openCreate: (from?: LoginTokenSettings | null) => void;
  closeCreate: () => void;
}

const CreateContext = createContext<CreateState | null>(null);

/** Lets the token dialog open the New Login Token dialog with its settings, for another person. */
export function LoginTokenCreateProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<CreateRequest | null>(null);
  const value: CreateState = {
    request,
    openCreate: (from = null) => setRequest((current) => ({ key: (current?.key ?? 0) + 1, from })),
    closeCreate: () => setRequest(null),
  };
  return <CreateContext value={value}>{children}</CreateContext>;
}

export function useLoginTokenCreate(): CreateState {
  const state = use(CreateContext);
  if (!state) throw new Error("useLoginTokenCreate needs a LoginTokenCreateProvider around it.");
  return state;
}
