import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string };
  }
  /** What `authorize` returns at sign-in. */
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version at sign-in (see lib/auth/session-token.ts). */
    sv?: number;
  }
}
