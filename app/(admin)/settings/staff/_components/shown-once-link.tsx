"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";

/** A set-password link, shown once: Latchkey keeps only its hash. */
export function ShownOnceLink({ link }: { link: string }) {
  return (
    <>
      <ShownOnceWarning title="This is the only time the link is shown">
        It works once, for 72 hours. Send it to the person in a channel only they read.
      </ShownOnceWarning>
      <SecretValue id="set-password-link" label="Set-password link" value={link} rows={3}>
        <div className="flex justify-end">
          <CopyButton value={link} label="Copy link" />
        </div>
      </SecretValue>
    </>
  );
}
