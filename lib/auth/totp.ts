// Two-factor sign-in with an authenticator app (TOTP, RFC 6238, the defaults every app understands) and one-time
// recovery codes. Secrets are stored encrypted with a key derived from the server's secret, so a copy of the
// database alone cannot mint codes; recovery codes are stored only as hashes.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "BreakingOn";
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string, issuer: string = TOTP_ISSUER): string {
  return generateURI({ issuer, label: account, secret });
}

/** The current code for a secret (tests and the e2e sign-in use it; the server only verifies). */
export function currentTotp(secret: string, epoch?: number): Promise<string> {
  return generate({ secret, ...(epoch !== undefined && { epoch }) });
}

/**
 * Checks a code, allowing one step of clock drift either way. Returns the accepted time step, or null. A step at or
 * before `lastStep` is refused, so a code cannot be used twice.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null = null): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  // otplib throws when afterTimeStep lies beyond the window (the clock stepped back after a code was accepted):
  // then no code in the window is newer, which is a plain refusal.
  if (lastStep !== null && lastStep >= Math.floor(Date.now() / 1000 / 30) + 1) return null;
  const result = await verify({ secret, token, epochTolerance: 30, ...(lastStep !== null && { afterTimeStep: lastStep }) });
  // The functional API types the union of HOTP and TOTP results; a TOTP match carries its time step.
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

function keyFrom(serverSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "breakingon", "totp-secret-encryption", 32));
}

/** AES-256-GCM; the stored form is "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptSecret(secret: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(serverSecret), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string, serverSecret: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unreadable two-factor secret.");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(serverSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

// Ten groups of base32-ish characters without look-alikes: "k7dq-m2xp-9fzt".
const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Recovery codes carry about 59 bits of randomness, so a fast hash is enough (no password-style stretching). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

export function recoveryCodeMatches(code: string, codeHash: string): boolean {
  const a = Buffer.from(hashRecoveryCode(code), "hex");
  const b = Buffer.from(codeHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether what was typed looks like a recovery code rather than a six-digit authenticator code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 12;
}
