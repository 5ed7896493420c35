import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link between back-office pages, never prefetched. Every one of these
 * pages is rendered per request for its staff member, so a prefetch is a
 * server render (session, roles and the page's own queries) for each link on
 * screen, repeated whenever a page loads or an action revalidates, and it
 * runs on the same cores as the render the click asked for.
 */
export function AdminLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
