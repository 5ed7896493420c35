"use client";

import { createContext, use, useState, type ReactNode } from "react";
import type { PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import type { LoginTokenSettings } from "@/lib/login-tokens/list-types";

/** The New Login Token dialog's opening: fresh, or with another token's settings to start from ("Duplicate"). */
export interface CreateRequest {
  /** A new number for each opening, so the form starts over (and its defaults are taken at that moment). */
  key: number;
  from: LoginTokenSettings | null;
  /** The person chosen already (a people page's "New login token"). */
  user: PickedUser | null;
}

interface CreateState {
  request: CreateRequest | null;
  openCreate: (from?: LoginTokenSettings | null) => void;
  closeCreate: () => void;
}

const CreateContext = createContext<CreateState | null>(null);

/**
 * Lets the token dialog open the New Login Token dialog with its settings, for
 * another person; `initialUser` opens it at once with that person chosen.
 */
export function LoginTokenCreateProvider({ children, initialUser = null }: { children: ReactNode; initialUser?: PickedUser | null }) {
  const [request, setRequest] = useState<CreateRequest | null>(initialUser ? { key: 1, from: null, user: initialUser } : null);
  const value: CreateState = {
    request,
    openCreate: (from = null) => setRequest((current) => ({ key: (current?.key ?? 0) + 1, from, user: null })),
    closeCreate: () => setRequest(null),
  };
  return <CreateContext value={value}>{children}</CreateContext>;
}

export function useLoginTokenCreate(): CreateState {
  const state = use(CreateContext);
  if (!state) throw new Error("useLoginTokenCreate needs a LoginTokenCreateProvider around it.");
  return state;
}
