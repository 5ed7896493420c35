import { FileQuestionIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 p-6">
      <EmptyState
        headingLevel={1}
        icon={<FileQuestionIcon aria-hidden />}
        title="This page does not exist"
        description="The address may be mistyped, or the page has moved."
      >
        <Button asChild variant="outline">
          <Link href="/">Go to the start page</Link>
        </Button>
      </EmptyState>
    </main>
  );
}
