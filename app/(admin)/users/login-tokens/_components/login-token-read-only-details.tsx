import type { ReactNode } from "react";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { LoginTokenStatusBadge } from "@/app/(admin)/users/login-tokens/_components/login-token-status-badge";
import { USER_TYPE_LABELS } from "@/app/(admin)/users/login-tokens/_components/login-tokens-table-columns";
import type { LoginTokenDetails } from "@/lib/login-tokens/list-types";
import { cn } from "@/lib/utils";

const none = <span className="text-muted-foreground">—</span>;

function Item({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-full" : undefined}>
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

const grid = (columns: 2 | 4) => cn("grid gap-x-5 gap-y-3", columns === 2 ? "grid-cols-2" : "grid-cols-2 sm:grid-cols-4");

/** How the token works, as text: what an editor changes in the form, for those who get no form. */
export function LoginTokenSettingsDetails({ details }: { details: LoginTokenDetails }) {
  return (
    <dl className={grid(4)}>
      <Item term="Contact or customer" wide>
        {details.user ? `${details.user.name} (${USER_TYPE_LABELS[details.user.type]}, ${details.user.email})` : "Anonymous"}
      </Item>
      <Item term="Expires at">
        <LocalDateTime value={details.expiresAt} empty="Never" zone />
      </Item>
      <Item term="One time use">{details.oneTimeUse ? "Yes" : "No"}</Item>
      <Item term="Max uses">{details.oneTimeUse ? "Once" : (details.maxUses ?? "Unlimited")}</Item>
      <Item term="After first use">{details.useWindowMinutes ? `Valid for ${details.useWindowMinutes} min` : "Until it expires"}</Item>
      <Item term="Allowed referrer">{details.referrer ?? none}</Item>
      <Item term="Redirect path">{details.redirectPath ?? none}</Item>
      <Item term="Extra" wide>
        {details.extra ? <span className="whitespace-pre-wrap">{details.extra}</span> : none}
      </Item>
    </dl>
  );
}

/** What the token has been through and who made it: never editable. */
export function LoginTokenHistoryDetails({ details, columns }: { details: LoginTokenDetails; columns: 2 | 4 }) {
  return (
    <dl className={grid(columns)}>
      <Item term="Status">
        <LoginTokenStatusBadge status={details.status} />
      </Item>
      <Item term="Last accessed at">
        <LocalDateTime value={details.lastAccessedAt} empty="Never" zone />
      </Item>
      <Item term="Successful attempts">{details.successfulAttempts}</Item>
      <Item term="Failed attempts">{details.failedAttempts}</Item>
      <Item term="Date created">
        <LocalDateTime value={details.createdAt} zone />
      </Item>
      <Item term="Date updated">
        <LocalDateTime value={details.updatedAt} zone />
      </Item>
      <Item term="Created by" wide={columns === 2}>
        {details.createdBy ?? none}
      </Item>
      <Item term="Reason" wide>
        {details.reason ?? none}
      </Item>
    </dl>
  );
}
