import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { authenticate } from "./accounts";
import { signInSchema } from "./schemas";
import { checkSessionClaims, claimsAtSignIn, SessionEndedError } from "./session-token";
import { currentSessionVersion, endSessions } from "./session-version";
import { logger } from "@/lib/log";
import { lockedErrorCode } from "./sign-in-errors";

function firstHeader(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  // Bounded: it is stored with every attempt and anyone can send it.
  return v?.split(",")[0]?.trim().slice(0, 100) || null;
}

export function authOptions(): NextAuthOptions {
  const config = env();
  // next-auth v4 builds its absolute URLs from NEXTAUTH_URL; ours is APP_URL.
  process.env.NEXTAUTH_URL ??= config.APP_URL;
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const ip = firstHeader(req?.headers?.["x-forwarded-for"]) ?? firstHeader(req?.headers?.["x-real-ip"]);
          const result = await authenticate(await getDb(), { ...parsed.data, ip });
          if (result.ok) return { ...result.user, sessionVersion: result.sessionVersion };
          // next-auth passes a thrown message through as the `error` code; the page maps it to a sentence.
          if (result.reason === "locked") throw new Error(lockedErrorCode(result.retryAfterSeconds));
          return null;
        },
      }),
    ],
    callbacks: {
      // Runs at sign-in (with `user`) and on every later read of the session cookie.
      async jwt({ token, user }) {
        if (user) return claimsAtSignIn(token, user);
        const db = await getDb();
        return checkSessionClaims(token, (userId) => currentSessionVersion(db, userId));
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // Ends this session and the user's others: the cookie alone would stay valid for its 7 days.
      async signOut({ token }) {
        if (token?.sub && typeof token.sv === "number") await endSessions(await getDb(), token.sub, token.sv);
      },
    },
    logger: {
      error(code, metadata) {
        // A signed-out token presented again is expected, not an error worth a stack trace.
        const error = metadata instanceof Error ? metadata : metadata?.error;
        if (error instanceof SessionEndedError) return;
        logger().error(`next-auth ${code}`, { error: metadata });
      },
      warn(code) {
        logger().warn(`next-auth ${code}`);
      },
      debug() {},
    },
  };
}
