import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { OIDC_PROVIDER_ID, oidcProvider, signInWithIdentityProvider, type OidcProfile } from "@/lib/auth/single-sign-on";
import { currentRequestMeta } from "@/lib/current-request-meta";
import { env } from "@/lib/env";
import { requestMetaFrom } from "@/lib/request-meta";
import { endStaffSession } from "@/lib/staff/sessions";

// The cookie outlives no session: the row decides (STAFF_SESSION_MAX_HOURS),
// this only bounds how long a browser keeps a cookie that names a dead one.
const COOKIE_DAYS = 30 * 24 * 60 * 60;

// next-auth reads NEXTAUTH_SECRET itself, so importing this module (as
// `next build` does) needs no configuration. The JWT carries only the id of a
// staff session row; the row, the roles and the viewer flag are read from the
// database on every request (lib/auth/session.ts), so ending a session or a
// demotion takes effect at once, on every instance.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: COOKIE_DAYS },
  pages: { signIn: "/login", error: "/login" },
  // A getter, read by next-auth at each request: the providers depend on the
  // configuration (PASSWORD_SIGNIN, OIDC_*), which `next build` does not have.
  // Without the credentials provider, a password sign-in is refused by next-auth itself.
  get providers() {
    const sso = oidcProvider();
    return [
      ...(env().PASSWORD_SIGNIN
        ? [
            CredentialsProvider({
              name: "Email and password",
              credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
              authorize: (credentials, req) => authorizeStaff(credentials, requestMetaFrom(new Headers(req.headers as Record<string, string>))),
            }),
          ]
        : []),
      ...(sso ? [sso] : []),
    ];
  },
  callbacks: {
    // A sign-in through the identity provider becomes the staff member it
    // names, with a session row; a refusal is thrown and shown on /login.
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const staff = await signInWithIdentityProvider(profile as OidcProfile, await currentRequestMeta());
      Object.assign(user, staff);
      return true;
    },
    jwt({ token, user }) {
      if (user?.sessionId) token.sessionId = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sessionId = token.sessionId;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sessionId) await endStaffSession(token.sessionId);
    },
  },
};
