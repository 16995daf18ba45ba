import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { requestPasswordReset } from "@/lib/mail";
import { requestAddress } from "./session";

// "Forgot password?" requests: at most 3 an hour for one typed address (so nobody can flood a colleague's inbox) and
// 20 an hour from one network address. Keys come from what was typed, never from whether the account exists, and a
// throttled request gets the same answer as any other: nothing tells the visitor whether the email was sent.

export const RESET_LIMITS = { perEmail: 3, perAddress: 20, windowSeconds: 60 * 60 } as const;

function limiter(prefix: string, points: number) {
  return new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimiterFlexible", clearExpiredByTimeout: false, keyPrefix: prefix, points, duration: RESET_LIMITS.windowSeconds });
}

/** Counts one request; true when it may go ahead. */
export async function allowResetRequest(email: string, ip: string): Promise<boolean> {
  const results = await Promise.allSettled([
    limiter("reset_email", RESET_LIMITS.perEmail).consume(email.trim().toLowerCase()),
    limiter("reset_ip", RESET_LIMITS.perAddress).consume(ip),
  ]);
  return results.every((result) => result.status === "fulfilled");
}

/**
 * "Forgot password?": counts the request and, within the limits, queues the job that looks the address up and
 * emails a link. Whatever the address, the caller learns nothing, and the time taken does not depend on it.
 */
export async function askForPasswordReset(email: string): Promise<void> {
  const ip = await requestAddress();
  if (!(await allowResetRequest(email, ip))) {
    console.log(`mail: a password reset request was throttled (${ip})`);
    return;
  }
  await requestPasswordReset(email);
}
