"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Only this POST redeems the token, so link previewers and mail scanners that
 * fetch the link cannot use it up. With script the form sends itself; without,
 * the button does. A second submission (a click while the first is on its way)
 * would count as a failed attempt on a one-time token, so it is held back.
 */
export function ContinueForm({ t, proof, redirect }: { t: string; proof?: string; redirect?: string }) {
  const form = useRef<HTMLFormElement>(null);
  const sent = useRef(false);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    // Back from the shop to this page must not spend the link again (a one-time
    // link would count a failure): then the visitor decides with the button.
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    if (navigation?.type !== "back_forward") form.current?.requestSubmit();
  }, []);

  return (
    <form
      ref={form}
      method="post"
      action="/login/token/redeem"
      onSubmit={(event) => {
        if (sent.current) return event.preventDefault();
        sent.current = true;
        setSubmitting(true);
      }}
    >
      <input type="hidden" name="t" value={t} />
      {proof && <input type="hidden" name="proof" value={proof} />}
      {redirect && <input type="hidden" name="redirect" value={redirect} />}
      <Button type="submit" size="lg" className="w-full bg-emerald-700 hover:bg-emerald-800" disabled={submitting}>
        {submitting ? "Signing you in…" : "Continue to the webshop"}
      </Button>
      <p aria-live="polite" className="sr-only">
        {submitting && "One moment, you are being signed in."}
      </p>
    </form>
  );
}
