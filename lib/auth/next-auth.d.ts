import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /**
     * Who signed in, with which session version, and when (seconds since the epoch); the session's own id, which
     * signing out revokes. Checked against the database per request.
     */
    claims?: { userId: string; sessionVersion: number; authTime: number; sessionId?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    authTime?: number;
    /** This session's id: the same in every cookie re-issued for it (next-auth's own jti changes each time). */
    sid?: string;
  }
}
