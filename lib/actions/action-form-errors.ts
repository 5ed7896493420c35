import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionServerError } from "@/lib/errors";

/** What a guarded server action answers when it did not do the work. */
export interface ActionFailure {
  serverError?: ActionServerError;
  validationErrors?: { formErrors: string[]; fieldErrors: Partial<Record<string, string[]>> };
}

/**
 * Puts a refused action's errors where the person looks: at the field they
 * concern (zod's field errors, or a domain error naming its field), and
 * returns the message that concerns no field, for a toast or an alert.
 */
export function applyActionErrors<T extends FieldValues>(
  result: ActionFailure | undefined,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(result?.validationErrors?.fieldErrors ?? {})) {
    if (!messages?.[0]) continue;
    if (fields.includes(field as Path<T>)) setError(field as Path<T>, { message: messages[0] });
    else unplaced.push(messages[0]);
  }
  const server = result?.serverError;
  if (server?.field && fields.includes(server.field as Path<T>)) {
    setError(server.field as Path<T>, { message: server.message });
    return null;
  }
  if (server) return server.message;
  const other = result?.validationErrors?.formErrors[0] ?? unplaced[0];
  if (other) return other;
  return result?.validationErrors ? null : "Nothing was saved. Please try again.";
}
