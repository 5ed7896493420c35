import { LogInIcon } from "lucide-react";
import type { Metadata } from "next";
import { FeaturedProducts } from "@/app/shop/_components/featured-products";
import { PunchoutCart } from "@/app/shop/_components/punchout-cart";
import { ShopHeader } from "@/app/shop/_components/shop-header";
import { ShopNotice } from "@/app/shop/_components/shop-notice";
import { StaffNotice } from "@/app/shop/_components/staff-notice";
import { findOpenPunchout } from "@/lib/punchout/shop";
import { currentShopVisitor, type ShopVisitor } from "@/lib/shop/session";

export const metadata: Metadata = { title: "Home" };

const KIND_LABELS: Record<ShopVisitor["kind"], string> = {
  CONTACT: "Business buyer (contact)",
  CUSTOMER: "Customer",
  ANONYMOUS: "Anonymous punch-out session",
};

export default async function ShopPage() {
  const visitor = await currentShopVisitor();
  if (!visitor) return <SignedOut />;

  // A punch-out shops for the buyer's company, also when it signs in no contact.
  const punchout = await findOpenPunchout(visitor.tokenId);
  const company = visitor.company ?? punchout?.companyName ?? null;
  const displayName = visitor.name ?? "Anonymous punch-out session";
  return (
    <>
      <ShopHeader account={company ? `${displayName} · ${company}` : displayName} />
      {visitor.openedByStaff && (
        <StaffNotice
          viewingAs={visitor.name ?? "an anonymous punch-out session"}
          staffName={visitor.openedByStaff}
          reason={visitor.reason}
          minutesLeft={visitor.impersonationMinutesLeft}
        />
      )}
      <main className="mx-auto w-full max-w-5xl px-4 py-8 md:px-6">
        <h1 className="text-2xl font-semibold tracking-tight">{visitor.name ? `Welcome, ${visitor.name}` : "Anonymous punch-out session"}</h1>
        <p className="mt-1 text-stone-600">
          {punchout
            ? `You are shopping for ${punchout.companyName} through ${punchout.buyerName}; transfer the cart to send it back there.`
            : visitor.kind === "ANONYMOUS"
              ? "You are shopping through your procurement system; your basket goes back to it at checkout."
              : "You are signed in to the webshop through a login link."}
        </p>
        {punchout && <PunchoutCart punchout={punchout} />}

        <section aria-labelledby="session" className="mt-6 max-w-xl rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="session" className="text-base font-semibold">
            Your session
          </h2>
          <dl className="mt-3 grid grid-cols-[6.5rem_1fr] gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
            {visitor.name && (
              <>
                <dt className="text-stone-500">Signed in as</dt>
                <dd>{visitor.name}</dd>
              </>
            )}
            <dt className="text-stone-500">Account type</dt>
            <dd>{KIND_LABELS[visitor.kind]}</dd>
            {visitor.email && (
              <>
                <dt className="text-stone-500">Email</dt>
                <dd className="[overflow-wrap:anywhere]">{visitor.email}</dd>
              </>
            )}
            {company && (
              <>
                <dt className="text-stone-500">Company</dt>
                <dd>{company}</dd>
              </>
            )}
            <dt className="text-stone-500">Login token</dt>
            <dd className="font-mono text-xs leading-5 break-all">{visitor.tokenId}</dd>
          </dl>
        </section>

        <FeaturedProducts orderable={punchout !== null} />
      </main>
    </>
  );
}

function SignedOut() {
  return (
    <ShopNotice icon={<LogInIcon aria-hidden />} title="You are not signed in" description="Open the login link you were sent to sign in to the webshop." />
  );
}
