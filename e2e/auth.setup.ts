import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, demoStaff, storageStateFor, type DemoStaff } from "./fixtures/staff";

// Signs each demo staff member in once through next-auth's own endpoints and
// saves the cookies; the tests start signed in instead of typing the form.
for (const who of ["editor", "viewer", "orders", "admin"] as DemoStaff[]) {
  setup(`sign in as ${who}`, async ({ request }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: demoStaff(who).email, password: DEMO_PASSWORD, csrfToken, json: "true" },
    });
    expect(response.ok()).toBeTruthy();
    const session = await (await request.get("/api/auth/session")).json();
    expect(session.user.email).toBe(demoStaff(who).email);
    await request.storageState({ path: storageStateFor(who) });
  });
}
