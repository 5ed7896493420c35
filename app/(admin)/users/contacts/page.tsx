import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { PeoplePage } from "@/app/(admin)/users/_components/people-page";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <PeoplePage kind="contact" searchParams={searchParams} />;
}
