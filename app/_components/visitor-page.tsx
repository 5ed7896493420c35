import { StoreIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The frame of the visitor-facing login link pages: the webshop's mark, one message, one action. */
const TONES = { brand: "bg-emerald-50 text-emerald-700", warning: "bg-amber-50 text-amber-700" };

export function LoginLinkShell({
  title,
  description,
  icon,
  tone = "brand",
  children,
}: {
  title: string;
  description: ReactNode;
  icon?: ReactNode;
  /** Warning for a link that does not work, so the mark does not promise success. */
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
