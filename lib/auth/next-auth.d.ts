import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Who signed in, with which session version, and when (seconds since the epoch). Checked against the database per request. */
    claims?: { userId: string; sessionVersion: number; authTime: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    authTime?: number;
  }
}
