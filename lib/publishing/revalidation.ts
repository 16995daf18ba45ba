import { createHmac, timingSafeEqual } from "node:crypto";

// The scheduler runs outside any request, where Next.js cannot expire cache tags, so it asks its own server to do
// it through an internal route. The route accepts only this token, derived from the session secret.
export function revalidationToken(secret: string): string {
  return createHmac("sha256", secret).update("breakingon:internal-revalidate").digest("base64url");
}

export function isValidRevalidationToken(given: string | null, secret: string): boolean {
  if (!given) return false;
  const expected = Buffer.from(revalidationToken(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The secret both sides use: the session secret, or a fixed one in development where none is configured. */
export function internalSecret(sessionSecret: string | undefined): string {
  return sessionSecret ?? "breakingon-development-only";
}

export const REVALIDATE_PATH = "/api/internal/revalidate";

export async function requestRevalidation(tags: string[], options: { baseUrl: string; secret: string }): Promise<void> {
  const response = await fetch(`${options.baseUrl}${REVALIDATE_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${revalidationToken(options.secret)}` },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`revalidation request answered ${response.status}`);
}
