import { KeySquareIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ApiKeysTable } from "@/app/(admin)/settings/api-keys/_components/api-keys-table";
import { CreateApiKeyDialog } from "@/app/(admin)/settings/api-keys/_components/create-api-key-dialog";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePagePermission("apiKeys.manage", "/settings/api-keys");
  const keys = await listApiKeys();
  const live = keys.filter((key) => !key.revokedAt).length;

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for systems that use the{" "}
            <Link href="/settings/api-reference" className="font-medium text-primary underline-offset-4 hover:underline">
              REST API
            </Link>
            . Give each integration its own key, so one can be revoked without the others.
          </>
        }
        actions={<CreateApiKeyDialog />}
      />

      <div className="overflow-hidden rounded-lg border bg-card">
        {keys.length === 0 ? (
          <EmptyState
            icon={<KeySquareIcon aria-hidden />}
            title="No API keys yet"
            description="Create a key for each integration, such as the webshop front end or a procurement system. A key is shown once, when it is created."
          >
            <CreateApiKeyDialog variant="outline" />
          </EmptyState>
        ) : (
          <ApiKeysTable keys={keys} />
        )}
      </div>
      {keys.length > 0 && (
        <p className="mt-2.5 text-xs text-muted-foreground">
          {live === 1 ? "1 active key" : `${live} active keys`}
          {keys.length > live && ` · ${keys.length - live} revoked`}. Last used is updated at most once a minute.
        </p>
      )}
    </>
  );
}
