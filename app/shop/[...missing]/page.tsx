import { notFound } from "next/navigation";

// Any address under /shop that no page of the shop answers: the shop's own not-found page, not the back-office's.
export default function MissingShopPage() {
  notFound();
}
