"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toastActionErrors } from "@/components/actions/toast-action-errors";
import type { ActionFailure } from "@/lib/actions/action-form-errors";

/**
 * A form's submit handler that sends its values to a guarded action: the
 * action's data goes to `onDone`; a refusal is put at the `fields` it
 * concerns, and what concerns none in an error toast headed `failed`.
 */
export function submitToAction<Values extends FieldValues, Data>(
  form: { setError: UseFormSetError<Values> },
  action: (values: Values) => Promise<(ActionFailure & { data?: Data }) | undefined>,
  fields: readonly Path<Values>[],
  failed: string,
  onDone: (data: Data) => void,
): (values: Values) => Promise<void> {
  return async (values) => {
    const result = await action(values);
    if (result?.data) return onDone(result.data);
    toastActionErrors(result, form.setError, fields, failed);
  };
}
