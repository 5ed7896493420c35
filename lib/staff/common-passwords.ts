import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "@/lib/errors";
import { PASSWORD_MIN_LENGTH } from "@/lib/staff/schemas";

// Only the entries long enough to pass the length rule can matter.
let common: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].filter((entry) => entry.length >= PASSWORD_MIN_LENGTH));
  return common.has(password.toLowerCase());
}

/** Refuses a common password at the field it was typed in. */
export function refuseCommonPassword(password: string) {
  if (isCommonPassword(password)) throw new DomainError("This password is on a list of common passwords. Choose another.", "COMMON_PASSWORD", "password");
}
