import { StoreIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const TONES = { brand: "bg-emerald-50 text-emerald-700", warning: "bg-amber-50 text-amber-700" };

/** The frame of the visitor-facing pages (the login link, punch-out): the webshop's mark, one message, one action. */
export function VisitorPage({
  title,
  description,
  icon,
  tone = "brand",
  children,
}: {
  title: string;
  description: ReactNode;
  icon?: ReactNode;
  /** Warning for a request that does not work, so the mark does not promise success. */
  tone?: keyof typeof TONES;
  children?: ReactNode;
}) {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-stone-100 px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl border border-stone-200 bg-white p-8 text-center shadow-sm">
        <span className={cn("mx-auto mb-5 flex size-12 items-center justify-center rounded-full [&_svg]:size-6", TONES[tone])}>
          {icon ?? <StoreIcon aria-hidden />}
        </span>
        <h1 className="text-xl font-semibold tracking-tight text-stone-900">{title}</h1>
        <div className="mt-2 text-sm text-balance text-stone-600">{description}</div>
        {children && <div className="mt-6">{children}</div>}
      </div>
      <p className="mt-6 text-xs text-stone-500">Webshop · secure sign-in link</p>
    </main>
  );
}

/**
 * A refusal that gives no reason: a warning mark, what did not work and what
 * the visitor can do about it, and nothing to press. Each caller shows one for
 * every reason it refuses, so the page tells a guesser nothing.
 */
export function VisitorRefusal({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
  return <VisitorPage icon={icon} tone="warning" title={title} description={description} />;
}
