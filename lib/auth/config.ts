import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
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
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeStaff(credentials, requestMetaFrom(new Headers(req.headers as Record<string, string>))),
    }),
  ],
  callbacks: {
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
