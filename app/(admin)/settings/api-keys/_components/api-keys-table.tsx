import { Badge } from "@/components/ui/badge";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { ListTable } from "@/components/data-table/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { RevokeApiKeyButton } from "@/app/(admin)/settings/api-keys/_components/revoke-api-key-button";
import type { ApiKeyListItem } from "@/lib/api-keys/queries";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/utils";

export function ApiKeysTable({ keys }: { keys: ApiKeyListItem[] }) {
  return (
    <ListTable label="API keys" columns={["Name", "Key", "Status", "Created by", "Created at", "Last used at"]} rows={keys}>
      {(key) => (
        <TableRow key={key.id} className={cn(key.revokedAt && "text-muted-foreground")}>
          <TableCell className="max-w-72 truncate font-medium" title={key.name}>
            {key.name}
          </TableCell>
          <TableCell>
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{key.prefix}…</code>
          </TableCell>
          <TableCell>
            {key.revokedAt ? (
              <Badge variant="muted" title={`Revoked ${formatDateTime(key.revokedAt, { locale: "en-GB", timeZone: "UTC", zone: true })}`}>
                Revoked
              </Badge>
            ) : (
              <Badge variant="success">Active</Badge>
            )}
          </TableCell>
          <TableCell>{key.createdByName ?? <span className="text-muted-foreground">—</span>}</TableCell>
          <TableCell>
            <LocalDateTime value={key.createdAt} empty="—" />
          </TableCell>
          <TableCell>
            <LocalDateTime value={key.lastUsedAt} empty="Never" />
          </TableCell>
          <TableCell className="w-px text-right">
            {key.revokedAt ? (
              <span className="text-xs">
                Revoked <LocalDateTime value={key.revokedAt} />
              </span>
            ) : (
              <RevokeApiKeyButton id={key.id} name={key.name} prefix={key.prefix} />
            )}
          </TableCell>
        </TableRow>
      )}
    </ListTable>
  );
}
