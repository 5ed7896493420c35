"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Only this POST redeems the token, and only a person's click sends it: mail
 * scanners open links in real browsers, run their script and follow whatever
 * the page does by itself, so the page does nothing by itself. The form
 * carries the page proof its GET issued; the server refuses a proof younger
 * than a second (as only a machine would send it), so a click that quick is
 * held until then rather than bounced. Without script the button is a plain
 * form submit. A second submission while the first is on its way is held back,
 * since its proof would be spent already.
 */
export function ContinueForm({ t, proof, redirect, label, minAgeMs }: { t: string; proof: string; redirect?: string; label: string; minAgeMs: number }) {
  const form = useRef<HTMLFormElement>(null);
  const shownAt = useRef(0);
  const sent = useRef(false);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    shownAt.current = Date.now();
    // Marks the form as live (its click is held, not bounced, in the first second); tests wait for it.
    form.current?.setAttribute("data-ready", "");
  }, []);

  return (
    <form
      ref={form}
      method="post"
      action="/login/token/redeem"
      onSubmit={(event) => {
        if (sent.current) return event.preventDefault();
        const wait = shownAt.current + minAgeMs - Date.now();
        sent.current = true;
        setSubmitting(true);
        if (wait > 0) {
          event.preventDefault();
          setTimeout(() => form.current?.submit(), wait);
        }
      }}
    >
      <input type="hidden" name="t" value={t} />
      <input type="hidden" name="proof" value={proof} />
      {redirect && <input type="hidden" name="redirect" value={redirect} />}
      <Button type="submit" size="lg" className="w-full bg-emerald-700 hover:bg-emerald-800" disabled={submitting}>
        {submitting ? "Signing you in…" : label}
      </Button>
      <p aria-live="polite" className="sr-only">
        {submitting && "One moment, you are being signed in."}
      </p>
    </form>
  );
}
