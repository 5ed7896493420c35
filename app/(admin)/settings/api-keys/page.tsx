import { KeySquareIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SettingsListPage } from "@/app/(admin)/settings/_components/settings-list-page";
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
    <SettingsListPage
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
      create={(variant) => <CreateApiKeyDialog variant={variant} />}
      empty={keys.length === 0}
      emptyState={{
        icon: <KeySquareIcon aria-hidden />,
        title: "No API keys yet",
        description: "Create a key for each integration, such as the webshop front end or a procurement system. A key is shown once, when it is created.",
      }}
      footnote={
        <>
          {live === 1 ? "1 active key" : `${live} active keys`}
          {keys.length > live && ` · ${keys.length - live} revoked`}. Last used is updated at most once a minute.
        </>
      }
    >
      <ApiKeysTable keys={keys} />
    </SettingsListPage>
  );
}
