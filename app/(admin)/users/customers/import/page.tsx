import type { Metadata } from "next";
import { PeopleImportPage } from "@/app/(admin)/users/_components/people-import-page";

export const metadata: Metadata = { title: "Import customers" };

export default function ImportCustomersPage() {
  return <PeopleImportPage kind="customer" />;
}
