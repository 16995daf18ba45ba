import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { verifySignIn } from "@/lib/dal/auth";
import { revokeSession } from "@/lib/dal/session";
import { createAuthLogger } from "./auth-logger";
import { sameSiteRedirect } from "./callback-url";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";
import { SESSION_IDLE_SECONDS } from "./session-policy";
import { SIGN_IN_ERRORS } from "./sign-in-errors";

// next-auth v4 builds its callback URLs from NEXTAUTH_URL; the site's own address is the right default.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

const credentialsSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
  code: z.string().trim().max(32).optional(),
});

// next-auth v4 with JWT sessions. The token carries only who signed in, when, and the session version at that
// moment; lib/dal/session.ts compares it with the database on every request, so revocation is immediate.
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/admin/login", error: "/admin/login" },
  logger: createAuthLogger(),
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
        const outcome = await verifySignIn(parsed.data, clientAddress(request?.headers, env.TRUST_PROXY_HOPS));
        if (outcome.ok) return { id: outcome.user.id, sessionVersion: outcome.user.sessionVersion };
        // next-auth hands the thrown message to the sign-in form; each is written so it never says whether the email exists.
        throw new Error(outcome.reason === "throttled" ? `${SIGN_IN_ERRORS.throttled}:${Math.ceil(outcome.waitSeconds)}` : SIGN_IN_ERRORS[outcome.reason]);
      },
    }),
  ],
  callbacks: {
    // next-auth's default parses whatever callbackUrl the client sent and throws (a 500) on nonsense.
    redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authTime = Math.floor(Date.now() / 1000);
        token.sid = randomUUID();
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      // Sessions begun before sessions had ids get one at their next refresh, so signing out can end them too.
      token.sid ??= randomUUID();
      return token;
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        claims: token.sub
          ? { userId: token.sub, sessionVersion: Number(token.sessionVersion ?? -1), authTime: Number(token.authTime), sessionId: token.sid }
          : undefined,
      };
    },
  },
  events: {
    // Signing out ends this session on the server, not only in this browser: a copy of the cookie is refused too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid, Number(token.authTime) || undefined);
    },
  },
};
