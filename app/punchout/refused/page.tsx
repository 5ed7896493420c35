import { ShoppingCartIcon } from "lucide-react";
import type { Metadata } from "next";
import { VisitorRefusal } from "@/app/_components/visitor-page";

export const metadata: Metadata = { title: "Punch-out not possible", referrer: "no-referrer" };

/** The one answer to every refused OCI login (unknown user, wrong password, foreign HOOK_URL), so it tells a guesser nothing. */
export default function PunchoutRefusedPage() {
  return (
    <VisitorRefusal
      icon={<ShoppingCartIcon aria-hidden />}
      title="The webshop could not be opened"
      description="Your procurement system's sign-in to the webshop was not accepted. Please try again from your procurement system, or ask its administrator to check the catalogue settings."
    />
  );
}
