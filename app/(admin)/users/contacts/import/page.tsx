import type { Metadata } from "next";
import { PeopleImportPage } from "@/app/(admin)/users/_components/people-import-page";

export const metadata: Metadata = { title: "Import contacts" };

export default function ImportContactsPage() {
  return <PeopleImportPage kind="contact" />;
}
