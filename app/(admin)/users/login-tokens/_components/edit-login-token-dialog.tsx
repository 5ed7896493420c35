"use client";

import { useRouter } from "next/navigation";
import { useQueryState } from "nuqs";
import { use, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Separator } from "@/components/ui/separator";
import { useLoginTokenCreate } from "@/app/(admin)/users/login-tokens/_components/login-token-create-context";
import { lazyDialogPart, LoginTokenDialogSkeleton, usePreloadDialogParts } from "@/app/(admin)/users/login-tokens/_components/login-token-lazy";
import { LoginTokenActivity } from "@/app/(admin)/users/login-tokens/_components/login-token-activity";
import { LoginTokenHistoryDetails, LoginTokenSettingsDetails } from "@/app/(admin)/users/login-tokens/_components/login-token-read-only-details";
import { LoginTokenLockNotice } from "@/app/(admin)/users/login-tokens/_components/login-token-lock-notice";
import { LoginTokenSecret } from "@/app/(admin)/users/login-tokens/_components/login-token-secret";
import { useShowSavedLoginTokenRow } from "@/app/(admin)/users/login-tokens/_components/login-token-saved-rows";
import type { LoginTokenDetails, LoginTokenRow } from "@/lib/login-tokens/list-types";
import type { UpdateLoginTokenInput } from "@/lib/login-tokens/schemas";
import { loginTokensSearchParams } from "@/lib/login-tokens/search-params";

const EditLoginTokenForm = lazyDialogPart(() => import("@/app/(admin)/users/login-tokens/_components/edit-login-token-form").then((m) => m.EditLoginTokenForm));

/**
 * The dialog of one token, open while the URL names it (`?token=<id>`), so a
 * link opens it and Back closes it. The server loads the token for that URL;
 * until it has answered for this id the dialog shows a placeholder.
 */
export function EditLoginTokenDialog({
  detailsPromise,
  canWrite,
}: {
  detailsPromise: Promise<{ id: string; details: LoginTokenDetails | null } | null>;
  canWrite: boolean;
}) {
  const loaded = use(detailsPromise);
  // This dialog is on the page for every staff member, so it starts the fetch of the page's dialog code.
  usePreloadDialogParts();
  const [, startTransition] = useTransition();
  const [tokenId, setTokenId] = useQueryState("token", loginTokensSearchParams.token.withOptions({ shallow: false, history: "push", startTransition }));
  const { openCreate } = useLoginTokenCreate();
  // An edit refused because someone else saved first: what this editor had typed, kept across the reload of their version.
  const [conflict, setConflict] = useState<UpdateLoginTokenInput | null>(null);
  // Closing unsaved asks the server for nothing: the table is already current, and no token's details are needed.
  // What was loaded for this opening is set aside, so that opening the token again waits for fresh details
  // instead of showing the old ones and swapping the form under the editor's fingers when the new ones arrive.
  const [closedWith, setClosedWith] = useState<typeof loaded>(null);
  const close = () => {
    setConflict(null);
    setClosedWith(loaded);
    void setTokenId(null, { shallow: true });
  };
  const showSaved = useShowSavedLoginTokenRow();
  const router = useRouter();
  // The saved row shows at once. The page is read again behind it (a row can move in the sort), once
  // the dialog has gone: a refresh started earlier would hold up the closing until the page had come.
  const refreshOnceClosed = useRef(false);
  const closeSaved = (row: LoginTokenRow | null) => {
    if (row) showSaved(row);
    refreshOnceClosed.current = true;
    close();
  };
  // Opened by the URL rather than by a trigger, the dialog would drop focus on the page when it
  // closes; it goes back to what had it (the row's button), so keyboard users keep their place.
  const returnFocus = useRef<HTMLElement | null>(null);
  const details = loaded && loaded !== closedWith && loaded.id === tokenId ? loaded.details : undefined;
  const who = details?.user ? details.user.name : "Anonymous";
  // A used one-time token is listed for the record only: it can no longer change or be revealed.
  const editable = canWrite && details?.status !== "USED";

  return (
    <Dialog open={tokenId !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent
        className={editable ? "sm:max-w-4xl" : "sm:max-w-2xl"}
        onOpenAutoFocus={() => {
          returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          if (refreshOnceClosed.current) {
            refreshOnceClosed.current = false;
            router.refresh();
          }
          if (!returnFocus.current?.isConnected) return;
          event.preventDefault();
          returnFocus.current.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>
            {details === undefined ? "Login token" : details === null ? "Token not found" : `${editable ? "Edit login token" : "Login token"} · ${who}`}
          </DialogTitle>
          <DialogDescription>
            {details === null
              ? "This token no longer exists; it may have been deleted."
              : editable
                ? "Change when and how the link works. The token itself, and whom it signs in, cannot change."
                : canWrite
                  ? "This token has been used up; its details are kept for the record."
                  : "Your access is read-only: you can see this token's details but not change, show or copy it."}
          </DialogDescription>
        </DialogHeader>
        {details === undefined ? (
          <LoginTokenDialogSkeleton />
        ) : details === null ? (
          <DialogFooter>
            <Button onClick={close}>Close</Button>
          </DialogFooter>
        ) : editable ? (
          <EditLoginTokenForm
            key={`${details.id}:${details.updatedAt.toISOString()}`}
            details={details}
            conflict={conflict?.id === details.id ? conflict : null}
            onConflict={setConflict}
            onSaved={closeSaved}
            onDuplicate={() => {
              const { expiresAt, oneTimeUse, maxUses, useWindowMinutes, extra, referrer, redirectPath } = details;
              close();
              openCreate({ expiresAt, oneTimeUse, maxUses, useWindowMinutes, extra, referrer, redirectPath });
            }}
            aside={
              <>
                {details.status === "LOCKED" && <LoginTokenLockNotice id={details.id} failedAttempts={details.failedAttempts} canUnlock />}
                <LoginTokenSecret id={details.id} />
                <Separator />
                <LoginTokenHistoryDetails details={details} columns={2} />
                <Separator />
                <LoginTokenActivity tokenId={details.id} canWrite={canWrite} />
              </>
            }
          />
        ) : (
          <>
            {details.status === "LOCKED" && <LoginTokenLockNotice id={details.id} failedAttempts={details.failedAttempts} canUnlock={false} />}
            <LoginTokenSettingsDetails details={details} />
            <Separator />
            <LoginTokenHistoryDetails details={details} columns={4} />
            <Separator />
            <LoginTokenActivity tokenId={details.id} canWrite={canWrite} />
            <DialogFooter>
              <Button onClick={close}>Close</Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
