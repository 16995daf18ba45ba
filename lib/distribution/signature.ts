import { createHmac, timingSafeEqual } from "node:crypto";

// How a webhook is signed, and how a receiver checks it (no server-only guard: the e2e receiver verifies with it).

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the scheme Stripe documents). */
export const SIGNATURE_HEADER = "X-BreakingOn-Signature";
export const EVENT_HEADER = "X-BreakingOn-Event";
export const DELIVERY_HEADER = "X-BreakingOn-Delivery";
/** Receivers should refuse a signature older than this (replay); verifySignature does. */
export const SIGNATURE_TOLERANCE_S = 300;

export function signPayload(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver does: checks the header against the raw body, in constant time, within the tolerance. */
export function verifySignature(secret: string, body: string, header: string | null | undefined, nowS = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S || !/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = signPayload(secret, body, t).split("v1=")[1];
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(expected, "hex"));
}

