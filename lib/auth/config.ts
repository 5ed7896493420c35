import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { requestMetaFrom } from "@/lib/request-meta";

const EIGHT_HOURS = 8 * 60 * 60;

// next-auth reads NEXTAUTH_SECRET itself, so importing this module (as
// `next build` does) needs no configuration. The JWT carries only the staff id; roles and the viewer flag are read from
// the database on every request (lib/auth/session.ts), so a demotion takes
// effect at once.
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeStaff(credentials, requestMetaFrom(new Headers(req.headers as Record<string, string>))),
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
