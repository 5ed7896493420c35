import { LinkIcon } from "lucide-react";
import { VisitorRefusal } from "@/app/_components/visitor-page";

/**
 * The one answer for every refused link (unknown, malformed, expired, used,
 * deleted, locked, wrong origin), so the page tells an attacker nothing.
 */
export function InvalidLoginLink() {
  return (
    <VisitorRefusal
      icon={<LinkIcon aria-hidden />}
      title="This login link is invalid or has expired"
      description="Ask the person who sent it for a new link. Login links can stop working after a while or after their first use."
    />
  );
}
