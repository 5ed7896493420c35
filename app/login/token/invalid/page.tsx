import type { Metadata } from "next";
import { InvalidLoginLink } from "@/app/login/token/_components/invalid-login-link";

export const metadata: Metadata = { title: "Login link not valid", referrer: "no-referrer" };

/** Where a refused redemption lands (POST, then redirect), so a reload posts nothing again. */
export default function InvalidLoginLinkPage() {
  return <InvalidLoginLink />;
}
