"use client";

import { TriangleAlertIcon } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** A set-password link, shown once: Latchkey keeps only its hash. */
export function ShownOnceLink({ link }: { link: string }) {
  return (
    <>
      <Alert variant="warning">
        <TriangleAlertIcon aria-hidden />
        <AlertTitle>This is the only time the link is shown</AlertTitle>
        <AlertDescription>It works once, for 72 hours. Send it to the person in a channel only they read.</AlertDescription>
      </Alert>
      <div className="grid gap-1.5">
        <Label htmlFor="set-password-link">Set-password link</Label>
        <Textarea
          id="set-password-link"
          readOnly
          rows={3}
          value={link}
          spellCheck={false}
          autoComplete="off"
          className="min-h-0 resize-none font-mono text-[13px] leading-5 break-all"
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="flex justify-end">
          <CopyButton value={link} label="Copy link" />
        </div>
      </div>
    </>
  );
}
