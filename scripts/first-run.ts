// Run by `npm start` after the migrations: on an installation without an
// active administrator, prints a one-time set-up link for the first one.
import { firstRunSetUpLink } from "@/lib/staff/first-run";
import { closePool } from "@/lib/pg";

async function main() {
  const link = await firstRunSetUpLink();
  if (link) {
    console.log(
      [
        ``,
        `  No administrator exists yet. Open this link within 1 hour to choose your`,
        `  name and password and become Latchkey's first administrator (it works once):`,
        ``,
        `    ${link}`,
        ``,
      ].join("\n"),
    );
  }
}

main().finally(closePool);
