import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth/session";
import { listNewestLoginTokens } from "@/lib/login-tokens/queries";
import { STATUS_LABELS, type LoginTokenStatus } from "@/lib/login-tokens/status";

export const metadata: Metadata = { title: "Login Tokens" };

const STATUS_VARIANTS: Record<LoginTokenStatus, BadgeProps["variant"]> = {
  ACTIVE: "success",
  EXPIRED: "muted",
  USED: "secondary",
  LOCKED: "destructive",
  DELETED: "muted",
};

const TYPE_LABELS = { CONTACT: "Contact", CUSTOMER: "Customer" } as const;

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

function DateCell({ value, empty }: { value: Date | null; empty: string }) {
  if (!value) return <span className="text-muted-foreground">{empty}</span>;
  return <time dateTime={value.toISOString()}>{dateTime.format(value)}</time>;
}

export default async function LoginTokensPage() {
  await requirePagePermission("loginTokens.read", "/users/login-tokens");
  const tokens = await listNewestLoginTokens(25);

  return (
    <>
      <PageHeader title="Login Tokens" description="Secret links that sign a contact or customer into the webshop without a password." />

      <div className="overflow-hidden rounded-lg border bg-card">
        {tokens.length === 0 ? (
          <EmptyState
            icon={<KeyRoundIcon aria-hidden />}
            title="No login tokens yet"
            description="Tokens created here or through the API will be listed on this page."
          />
        ) : (
          <Table aria-label="Newest login tokens">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Expires At</TableHead>
                <TableHead>Last Accessed At</TableHead>
                <TableHead className="text-right">Successful Attempts</TableHead>
                <TableHead className="text-right">Failed Attempts</TableHead>
                <TableHead>One Time Use</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id}>
                  <TableCell className="max-w-64 truncate font-medium">
                    {token.userName ?? <span className="font-normal text-muted-foreground italic">Anonymous</span>}
                  </TableCell>
                  <TableCell>{token.userType ? TYPE_LABELS[token.userType] : <span className="text-muted-foreground">—</span>}</TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANTS[token.status]}>{STATUS_LABELS[token.status]}</Badge>
                  </TableCell>
                  <TableCell>
                    <DateCell value={token.expiresAt} empty="Never" />
                  </TableCell>
                  <TableCell>
                    <DateCell value={token.lastAccessedAt} empty="Never" />
                  </TableCell>
                  <TableCell className="text-right">{token.successfulAttempts}</TableCell>
                  <TableCell className={token.failedAttempts > 0 ? "text-right text-destructive" : "text-right"}>{token.failedAttempts}</TableCell>
                  <TableCell>{token.oneTimeUse ? "Yes" : "No"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {tokens.length > 0 && <p className="mt-2.5 text-xs text-muted-foreground">Showing the {tokens.length} newest tokens.</p>}
    </>
  );
}
