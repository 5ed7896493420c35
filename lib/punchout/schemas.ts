import { z } from "zod";

export const PUNCHOUT_PROTOCOLS = ["OCI", "CXML"] as const;
export type PunchoutProtocolValue = (typeof PUNCHOUT_PROTOCOLS)[number];
export const PROTOCOL_LABELS: Record<PunchoutProtocolValue, string> = { OCI: "SAP OCI", CXML: "cXML" };

export const BUYER_NAME_MAX_LENGTH = 100;
export const RETURN_ORIGINS_MAX = 10;

/** The fields an OCI login form carries for itself; a buyer's own credential fields may not take their names. */
export const OCI_RESERVED_FIELDS = ["HOOK_URL", "~TARGET", "~OkCode", "~CALLER", "returntarget"] as const;

const LOCALHOST_ORIGIN = /^http:\/\/localhost(?::\d{1,5})?$/;

/**
 * An exact origin a cart may return to: https, or http://localhost:<port>
 * (allowed only where PUNCHOUT_ALLOW_INSECURE_RETURN is set; the service checks that).
 */
export const returnOriginSchema = z
  .string()
  .trim()
  .max(255, "An origin can be at most 255 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      const exact = url.origin === value.replace(/\/$/, "");
      return exact && (url.protocol === "https:" || LOCALHOST_ORIGIN.test(url.origin));
    } catch {
      return false;
    }
  }, "Enter exact origins such as https://srm.buyer.example (https, no path), one per line.")
  .transform((value) => new URL(value).origin);

export const isInsecureOrigin = (origin: string) => origin.startsWith("http:");

const fieldName = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label} field's name.`)
    .max(64, `The ${label} field's name can be at most 64 characters.`)
    .regex(/^[A-Za-z0-9_.-]+$/, "Letters, digits, _ . and - only, as in USERNAME.")
    .refine((value) => !OCI_RESERVED_FIELDS.some((reserved) => reserved.toLowerCase() === value.toLowerCase()), "That name is one OCI itself uses.");

const credentialText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} can be at most ${max} characters.`)
    .regex(/^[\x21-\x7e]+$/, `The ${label} is printable ASCII without spaces.`);

const common = {
  name: z
    .string()
    .trim()
    .min(1, "Name the procurement system, e.g. “Acme SAP SRM”.")
    .max(BUYER_NAME_MAX_LENGTH, `The name can be at most ${BUYER_NAME_MAX_LENGTH} characters.`),
  companyId: z.number({ error: "Pick the customer company." }).int().positive().max(2_147_483_647),
  contactId: z.number().int().positive().max(2_147_483_647).nullable(),
  // One origin per line in the form; split, checked and deduplicated here, with
  // every message at the field itself (a message at one line of it would reach no control).
  returnOrigins: z.string().transform((text, ctx) => {
    const lines = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
    if (lines.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one origin the procurement system receives carts on." });
    if (lines.length > RETURN_ORIGINS_MAX) ctx.addIssue({ code: "custom", message: `At most ${RETURN_ORIGINS_MAX} origins.` });
    const origins: string[] = [];
    for (const line of lines) {
      const parsed = returnOriginSchema.safeParse(line);
      if (parsed.success) origins.push(parsed.data);
      else ctx.addIssue({ code: "custom", message: `${line.slice(0, 80)}: ${parsed.error.issues[0]?.message ?? "not an origin"}` });
    }
    return [...new Set(origins)];
  }),
};

/** The Settings > Punch-out buyers dialog and its action share this schema. */
export const createPunchoutBuyerSchema = z.discriminatedUnion("protocol", [
  z
    .object({
      protocol: z.literal("OCI"),
      ...common,
      ociUsername: credentialText("username", 100),
      ociUsernameField: fieldName("username"),
      ociPasswordField: fieldName("password"),
    })
    .refine((value) => value.ociUsernameField.toLowerCase() !== value.ociPasswordField.toLowerCase(), {
      message: "The password field needs a name of its own.",
      path: ["ociPasswordField"],
    }),
  z.object({
    protocol: z.literal("CXML"),
    ...common,
    // cXML compares credential domains case-insensitively (NetworkID, NetworkId).
    cxmlDomain: credentialText("domain", 100).transform((value) => value.toLowerCase()),
    cxmlIdentity: credentialText("identity", 200),
  }),
]);
export type CreatePunchoutBuyerInput = z.input<typeof createPunchoutBuyerSchema>;
export type NewPunchoutBuyer = z.output<typeof createPunchoutBuyerSchema>;

/** Disabling, enabling and deleting a buyer name it by its id alone. */
export const punchoutBuyerIdSchema = z.object({ id: z.uuid() });

export const CART_MAX_QUANTITY = 9999;

/** The shop's cart forms: add one of a product, set a line's quantity, or remove it. */
export const cartChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), sku: z.string().min(1).max(40) }),
  z.object({
    intent: z.literal("set"),
    sku: z.string().min(1).max(40),
    quantity: z.coerce.number().int().min(0).max(CART_MAX_QUANTITY),
  }),
  z.object({ intent: z.literal("remove"), sku: z.string().min(1).max(40) }),
]);
export type CartChange = z.output<typeof cartChangeSchema>;
