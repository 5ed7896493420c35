import { UserRoundIcon } from "lucide-react";
import { AdminLink } from "@/app/(admin)/_components/admin-link";
import { SignOutButton } from "@/app/(admin)/_components/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { StaffPrincipal } from "@/lib/auth/permissions";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.[0]?.toUpperCase() ?? "").join("") || "?";
}

/** What a viewer's read-only badge says on hover, here and in the phone's top bar. */
export const READ_ONLY_TITLE = "You can look at everything you have access to, but not change it.";

/** Who is signed in, whether they may change anything, and the way out. */
export function StaffMenu({ staff }: { staff: StaffPrincipal }) {
  return (
    <section aria-label="Signed in as" className="border-t border-sidebar-border p-3">
      <div className="flex items-center gap-2.5 px-1">
        <span
          aria-hidden
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary ring-1 ring-primary/15"
        >
          {initials(staff.name)}
        </span>
        <div className="min-w-0 flex-1 leading-tight">
          <p className="truncate text-sm font-medium text-foreground" title={staff.name}>
            {staff.name}
          </p>
          <p className="truncate text-xs text-muted-foreground" title={staff.email}>
            {staff.email}
          </p>
        </div>
      </div>
      {staff.viewer && (
        <Badge variant="warning" className="mt-2.5 ml-1" title={READ_ONLY_TITLE}>
          Viewer · read-only
        </Badge>
      )}
      <Button asChild variant="ghost" size="sm" className="mt-2 w-full justify-start text-muted-foreground hover:text-foreground">
        <AdminLink href="/account">
          <UserRoundIcon aria-hidden />
          My account
        </AdminLink>
      </Button>
      <SignOutButton />
    </section>
  );
}
