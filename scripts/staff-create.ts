// `npm run staff:create -- --email … --name … --roles CONFIGURATION[,ORDERS] [--viewer] [--admin]`:
// creates a staff member and prints a set-password link. It never takes a
// password: the person chooses it on the link's page.
import { parseArgs } from "node:util";
import { inviteStaff } from "@/lib/staff/accounts";
import { inviteStaffSchema } from "@/lib/staff/schemas";
import { closePool } from "@/lib/pg";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    roles: { type: "string", default: "" },
    viewer: { type: "boolean", default: false },
    admin: { type: "boolean", default: false },
  },
});

const parsed = inviteStaffSchema.safeParse({
  email: values.email ?? "",
  name: values.name ?? "",
  roles: values.roles ? values.roles.split(",").map((role) => role.trim().toUpperCase()) : [],
  viewer: values.viewer,
  administrator: values.admin,
});

if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path[0] === "administrator" ? "admin" : String(issue.path[0])}: ${issue.message}`);
  process.exitCode = 1;
} else {
  const staff = parsed.data;
  inviteStaff(staff, { actor: { type: "SYSTEM" }, meta: { ip: null, userAgent: "staff:create" } })
    .then(({ link }) => console.log(`${staff.name} <${staff.email}> was created. They choose their password here (valid 72 hours, once):\n\n  ${link}\n`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(closePool);
}
