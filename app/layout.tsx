import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Latchkey", default: "Latchkey" },
  description: "Back-office for the webshop's login tokens.",
  applicationName: "Latchkey",
  // A back-office: nothing here belongs in a search engine.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#ffffff", colorScheme: "light" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page policy (proxy.ts) allows scripts only with a nonce
  // made per response, and Next.js adds it only while rendering a request:
  // a page prerendered at build time would ship scripts the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-svh">
        {/* The URL-state tables (nuqs) need this adapter above them. */}
        <NuqsAdapter>{children}</NuqsAdapter>
        <Toaster />
      </body>
    </html>
  );
}
