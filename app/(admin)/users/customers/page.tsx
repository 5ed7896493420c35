import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { PeoplePage } from "@/app/(admin)/users/_components/people-page";

export const metadata: Metadata = { title: "Customers" };

export default function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <PeoplePage kind="customer" searchParams={searchParams} />;
}
