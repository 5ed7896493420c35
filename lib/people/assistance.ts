import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { assistanceDenial } from "@/lib/people/assistance-policy";
import type { UserRef } from "@/lib/login-tokens/schemas";

/** Whether staff may sign in as a person now, and if not, why. */
export interface AssistancePolicy {
  deactivated: boolean;
  /** Null: allowed. Otherwise a sentence for the dialog, Log in as and the API. */
  denied: string | null;
}

export async function assistancePolicyOf(user: UserRef): Promise<AssistancePolicy | null> {
  if (user.type === "CONTACT") {
    const contact = await db.contact.findUnique({
      where: { id: user.id },
      select: { assistanceAllowed: true, deactivatedAt: true, company: { select: { name: true, assistanceAllowed: true } } },
    });
    if (!contact) return null;
    const denied = assistanceDenial({
      kind: "contact",
      assistanceAllowed: contact.assistanceAllowed,
      companyName: contact.company.name,
      companyAssistanceAllowed: contact.company.assistanceAllowed,
    });
    return { deactivated: contact.deactivatedAt !== null, denied };
  }
  const customer = await db.customer.findUnique({ where: { id: user.id }, select: { assistanceAllowed: true, deactivatedAt: true } });
  if (!customer) return null;
  return { deactivated: customer.deactivatedAt !== null, denied: assistanceDenial({ kind: "customer", assistanceAllowed: customer.assistanceAllowed }) };
}

/**
 * Refuses a token for a deactivated person, and for a person who denies
 * assistance unless `override` (the staff member holds impersonation.override).
 * Returns whether the override was used, for the audit event.
 */
export async function checkAssistance(user: UserRef, override: boolean): Promise<{ overridden: boolean }> {
  const policy = await assistancePolicyOf(user);
  if (!policy) return { overridden: false };
  if (policy.deactivated)
    throw new DomainError("This person is deactivated: their tokens would not work. The webshop reactivates them.", "PERSON_DEACTIVATED", "user");
  if (!policy.denied) return { overridden: false };
  if (!override) throw new DomainError(`${policy.denied} Only an administrator can override this.`, "ASSISTANCE_DENIED", "user");
  return { overridden: true };
}
