import { KeyRoundIcon } from "lucide-react";
import { AdminLink } from "@/app/(admin)/_components/admin-link";
import { SidebarDisclosure } from "@/app/(admin)/_components/sidebar-disclosure";
import { SidebarNavLink, type SidebarIcon } from "@/app/(admin)/_components/sidebar-nav-link";
import { READ_ONLY_TITLE, StaffMenu } from "@/app/(admin)/_components/staff-menu";
import { Badge } from "@/components/ui/badge";
import { can, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";

const SECTIONS = ["Users", "Settings"] as const;

interface NavPage {
  section: (typeof SECTIONS)[number];
  label: string;
  href: string;
  icon: SidebarIcon;
  permission: Permission;
}

/** The sidebar's pages in their order, each with the permission the page itself checks. */
const PAGES: NavPage[] = [
  { section: "Users", label: "Login Tokens", href: "/users/login-tokens", icon: "login-tokens", permission: "loginTokens.read" },
  { section: "Users", label: "Contacts", href: "/users/contacts", icon: "contacts", permission: "people.read" },
  { section: "Users", label: "Customers", href: "/users/customers", icon: "customers", permission: "people.read" },
  { section: "Users", label: "Audit log", href: "/users/audit-log", icon: "audit-log", permission: "auditLog.read" },
  { section: "Settings", label: "API keys", href: "/settings/api-keys", icon: "api-keys", permission: "apiKeys.manage" },
  { section: "Settings", label: "API reference", href: "/settings/api-reference", icon: "api-reference", permission: "loginTokens.read" },
  { section: "Settings", label: "Staff", href: "/settings/staff", icon: "staff", permission: "staff.manage" },
  { section: "Settings", label: "Punch-out buyers", href: "/settings/punchout-buyers", icon: "punchout-buyers", permission: "punchoutBuyers.manage" },
];

/**
 * Shows only what this person may open, so nobody is offered a 403. The
 * pages check again on their own: a hidden link is a courtesy, not the check.
 */
export function AppSidebar({ staff }: { staff: StaffPrincipal }) {
  const open = PAGES.filter((page) => can(staff, page.permission));
  const sections = SECTIONS.map((label) => ({ label, pages: open.filter((page) => page.section === label) })).filter(({ pages }) => pages.length > 0);

  return (
    // The outer column carries the background and border down the whole page
    // while the inner panel stays in view as the content scrolls.
    <div className="shrink-0 border-b border-sidebar-border bg-sidebar text-sidebar-foreground md:w-60 md:border-r md:border-b-0">
      <SidebarDisclosure
        brand={
          <div className="flex min-w-0 items-center gap-2">
            <AdminLink
              href="/"
              className="-mx-1.5 flex items-center gap-2 rounded-md px-1.5 py-1 text-[15px] font-semibold tracking-tight text-foreground outline-none focus-visible:ring-[3px] focus-visible:ring-ring/40"
            >
              <span className="flex size-6 items-center justify-center rounded-md bg-primary text-primary-foreground shadow-xs">
                <KeyRoundIcon className="size-3.5" strokeWidth={2.5} aria-hidden />
              </span>
              Latchkey
            </AdminLink>
            {/* The staff menu says it too, folded away on a phone. */}
            {staff.viewer && (
              <Badge variant="warning" className="md:hidden" title={READ_ONLY_TITLE}>
                Read-only
              </Badge>
            )}
          </div>
        }
      >
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 pt-1 pb-3">
          {sections.length === 0 ? (
            <p className="px-2 py-1.5 text-xs text-muted-foreground">No pages available for your roles.</p>
          ) : (
            sections.map((section) => {
              const headingId = `nav-${section.label.toLowerCase()}`;
              return (
                <div key={section.label} className="mb-4 last:mb-0">
                  <div id={headingId} className="px-2 pb-1 text-xs font-medium text-muted-foreground">
                    {section.label}
                  </div>
                  <ul aria-labelledby={headingId} className="grid gap-px">
                    {section.pages.map((page) => (
                      <li key={page.href}>
                        <SidebarNavLink href={page.href} icon={page.icon}>
                          {page.label}
                        </SidebarNavLink>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </nav>

        <StaffMenu staff={staff} />
      </SidebarDisclosure>
    </div>
  );
}
