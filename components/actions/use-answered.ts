"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/sonner";

/** What a guarded action answers, as far as a toast is concerned. */
export type ActionResult<Data = unknown> = { data?: Data; serverError?: { message: string } } | undefined;

/** The action's data, or null once an error toast headed `failed` has said why it did nothing (the server's reason, when it gave one). */
export function actionData<Data>(result: ActionResult<Data>, failed: string): Data | null {
  if (result?.data) return result.data;
  toast.error(failed, { description: result?.serverError?.message ?? "Please try again." });
  return null;
}

/**
 * Says how a row action went: a success toast and a fresh page, or an error
 * toast with the server's reason. Answers whether it succeeded, so that a
 * confirm dialog stays open on failure.
 */
export function useAnswered(): (result: ActionResult, done: string, failed: string) => boolean {
  const router = useRouter();
  return (result, done, failed) => {
    if (!actionData(result, failed)) return false;
    toast.success(done);
    router.refresh();
    return true;
  };
}
