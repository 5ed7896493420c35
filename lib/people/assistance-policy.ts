/** Why staff may not sign in as a person, or null when they may: the person's own setting first, then the company's. */
export function assistanceDenial(person: {
  kind: "contact" | "customer";
  assistanceAllowed: boolean;
  companyName?: string | null;
  companyAssistanceAllowed?: boolean | null;
}): string | null {
  if (!person.assistanceAllowed) return `This ${person.kind} does not allow staff to sign in as them.`;
  if (person.companyAssistanceAllowed === false) return `${person.companyName ?? "Their company"} does not allow staff to sign in as its contacts.`;
  return null;
}
