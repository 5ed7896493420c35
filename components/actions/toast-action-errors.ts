"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "@/components/ui/sonner";
import { applyActionErrors, type ActionFailure } from "@/lib/actions/action-form-errors";

/** Puts a refused action's errors at the fields they concern, and says what concerns no field in an error toast headed `failed`. */
export function toastActionErrors<T extends FieldValues>(
  result: ActionFailure | undefined,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  failed: string,
) {
  const message = applyActionErrors(result, setError, fields);
  if (message) toast.error(failed, { description: message });
}
