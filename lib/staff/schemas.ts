import { z } from "zod";

// Shared by the forms, the actions and the command line: the bounds are stated once here.

export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters.`).max(256, "At most 256 characters.");

export const staffNameSchema = z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters.");
export const staffEmailSchema = z.string().trim().toLowerCase().email("Enter an email address.").max(254, "At most 254 characters.");

const passwordPair = {
  password: newPasswordSchema,
  confirm: z.string().max(256),
};

const samePasswords = (value: { password: string; confirm: string }) => value.password === value.confirm;
const notSame = { message: "The two passwords differ.", path: ["confirm"] };

/** The set-password page: an invited or reset staff member chooses a password. */
export const setPasswordSchema = z.object({ secret: z.string().max(100), ...passwordPair }).refine(samePasswords, notSame);

/** The first-run set-up link: the first administrator also says who they are. */
export const setUpSchema = z
  .object({ secret: z.string().max(100), email: staffEmailSchema, name: staffNameSchema, ...passwordPair })
  .refine(samePasswords, notSame);

const ROLES = ["CONFIGURATION", "ORDERS", "CATALOG"] as const;
type Role = (typeof ROLES)[number];
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const STAFF_ROLE_LABELS: Record<Role, string> = { CONFIGURATION: "Configuration", ORDERS: "Orders", CATALOG: "Catalog" };

const access = {
  // Checked as a whole, so that the message lands at the field rather than at one item of it.
  roles: z
    .array(z.string())
    .max(ROLES.length, "Each role once.")
    .refine((roles) => roles.every(isRole), "Pick roles from the list.")
    .refine((roles) => new Set(roles).size === roles.length, "Each role once.")
    .transform((roles) => roles as Role[]),
  viewer: z.boolean(),
  administrator: z.boolean(),
};

export const inviteStaffSchema = z.object({ email: staffEmailSchema, name: staffNameSchema, ...access });
export const updateStaffSchema = z.object({ id: z.uuid("Not a staff member."), name: staffNameSchema, ...access });
export const staffIdSchema = z.object({ id: z.uuid("Not a staff member.") });

export type InviteStaffInput = z.input<typeof inviteStaffSchema>;
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

/** My account: the current password proves it is still the same person at the keyboard. */
export const changePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password.").max(1024), ...passwordPair })
  .refine(samePasswords, notSame);
export const sessionIdSchema = z.object({ id: z.uuid("Not a session.") });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export type SetPasswordInput = z.input<typeof setPasswordSchema>;
export type SetUpInput = z.input<typeof setUpSchema>;

/** A code from the authenticator app, or one of the recovery codes; which one is told by its form. */
export const secondFactorCodeSchema = z.string().trim().min(1, "Enter the code.").max(64, "At most 64 characters.");
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** Setting up the authenticator: `pending` is the sealed secret the set-up step handed out. */
export const confirmTotpSchema = z.object({
  pending: z.string().max(1024),
  code: secondFactorCodeSchema.regex(TOTP_CODE_PATTERN, "Enter the 6-digit code your app shows."),
});
/** Removing the second factor: a current code from the app, or the password. */
export const removeTotpSchema = z.object({ proof: z.string().min(1, "Enter a code from your app or your password.").max(1024) });

export type ConfirmTotpInput = z.input<typeof confirmTotpSchema>;
export type RemoveTotpInput = z.input<typeof removeTotpSchema>;
