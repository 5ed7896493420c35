import { KeyRoundIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The sign-in pages' frame: Latchkey's mark, the page's title and lead, then the page's own content. */
export function AuthFrame({ title, lead, className, children }: { title: string; lead?: string; className?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-muted/50 px-4 py-12">
      <div className={cn("w-full", className)}>
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-xl bg-primary text-primary-foreground shadow-sm">
            <KeyRoundIcon className="size-5" strokeWidth={2.25} aria-hidden />
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            {lead && <p className="mt-1 text-sm text-muted-foreground">{lead}</p>}
          </div>
        </div>
        {children}
      </div>
    </main>
  );
}
