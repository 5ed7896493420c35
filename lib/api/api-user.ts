import type { TokenUser } from "@/lib/login-tokens/users";

/** A token's user as the API shows it. */
export const apiUser = (user: Pick<TokenUser, "type" | "id" | "name" | "email"> | null) =>
  user ? { type: user.type, id: user.id, name: user.name, email: user.email } : null;
