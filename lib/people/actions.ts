"use server";

import { pageChangeAction } from "@/lib/actions/guarded-action";
import { can } from "@/lib/auth/permissions";
import { logInAs } from "@/lib/people/log-in-as";
import { logInAsSchema } from "@/lib/people/log-in-as-schema";

export const logInAsAction = pageChangeAction(
  { name: "people.logInAs", permission: "loginTokens.write" },
  logInAsSchema,
  ({ user }) => (user.type === "CONTACT" ? "/users/contacts" : "/users/customers"),
  (input, { staff, by }) => logInAs(input, by, can(staff, "impersonation.override")),
);
