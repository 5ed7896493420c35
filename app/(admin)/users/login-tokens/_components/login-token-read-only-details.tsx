import type { ReactNode } from "react";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { LoginTokenStatusBadge } from "@/app/(admin)/users/login-tokens/_components/login-token-status-badge";
import { USER_TYPE_LABELS } from "@/app/(admin)/users/login-tokens/_components/login-tokens-table-columns";
import type { LoginTokenDetails } from "@/lib/login-tokens/list-types";

const none = <span className="text-muted-foreground">—</span>;

function Item({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-full" : undefined}>
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

/**
 * What a token is and has been through, as text. `editable: false` adds the
 * fields an editor would change in the form (for viewers, who get no form).
 */
export function LoginTokenReadOnlyDetails({ details, editable }: { details: LoginTokenDetails; editable: boolean }) {
  return (
    <dl className={editable ? "grid grid-cols-2 gap-x-4 gap-y-3" : "grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3"}>
      {!editable && (
        <>
          <Item term="Contact or customer" wide>
            {details.user ? `${details.user.name} (${USER_TYPE_LABELS[details.user.type]}, ${details.user.email})` : "Anonymous"}
          </Item>
          <Item term="Expires at">
            <LocalDateTime value={details.expiresAt} empty="Never" />
          </Item>
          <Item term="One time use">{details.oneTimeUse ? "Yes" : "No"}</Item>
          <Item term="Allowed referrer">{details.referrer ?? none}</Item>
          <Item term="Redirect path">{details.redirectPath ?? none}</Item>
          <Item term="Extra" wide>
            {details.extra ? <span className="whitespace-pre-wrap">{details.extra}</span> : none}
          </Item>
        </>
      )}
      <Item term="Status">
        <LoginTokenStatusBadge status={details.status} />
      </Item>
      <Item term="Last accessed at">
        <LocalDateTime value={details.lastAccessedAt} empty="Never" />
      </Item>
      <Item term="Successful attempts">{details.successfulAttempts}</Item>
      <Item term="Failed attempts">{details.failedAttempts}</Item>
      <Item term="Date created">
        <LocalDateTime value={details.createdAt} />
      </Item>
      <Item term="Date updated">
        <LocalDateTime value={details.updatedAt} />
      </Item>
      <Item term="Created by">{details.createdBy ?? none}</Item>
      <Item term="Reason" wide>
        {details.reason ?? none}
      </Item>
    </dl>
  );
}
