"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/sonner";

/** What a guarded action answers, as far as a row action's toast is concerned. */
export type ActionResult = { data?: unknown; serverError?: { message: string } } | undefined;

/**
 * Says how a row action went: a success toast and a fresh page, or an error
 * toast with the server's reason. Answers whether it succeeded, so that a
 * confirm dialog stays open on failure.
 */
export function useAnswered(): (result: ActionResult, done: string, failed: string) => boolean {
  const router = useRouter();
  return (result, done, failed) => {
    if (!result?.data) {
      toast.error(failed, { description: result?.serverError?.message ?? "Please try again." });
      return false;
    }
    toast.success(done);
    router.refresh();
    return true;
  };
}
