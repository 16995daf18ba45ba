import { env } from "@/lib/env";

// Production refuses to start without a real NEXTAUTH_SECRET (lib/env-schema.ts); `npm start` writes one for
// development. Only a bare `next dev` without either falls back to this fixed, public value.
const DEVELOPMENT_ONLY_SECRET = "breakingon-development-secret-not-for-production";

export function authSecret(): string {
  return env.NEXTAUTH_SECRET ?? DEVELOPMENT_ONLY_SECRET;
}
