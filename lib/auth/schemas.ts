import { secondFactorCodeSchema } from "@/lib/staff/schemas";
import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
  /** Asked for only after the password, when the staff member has a second factor. */
  code: secondFactorCodeSchema.optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
