import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
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
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const staff = await db.staffUser.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const valid = await verifyPassword(staff?.passwordHash ?? null, parsed.data.password);
        if (!staff || !valid) return null;
        const meta = requestMetaFrom(new Headers(req.headers as Record<string, string>));
        await recordAudit({ action: "staff.signin", actor: { type: "STAFF", id: staff.id, name: staff.name }, meta });
        return { id: staff.id, email: staff.email, name: staff.name };
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
