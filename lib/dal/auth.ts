import "server-only";
import { getDb } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { decryptSecret, looksLikeRecoveryCode, recoveryCodeMatches, verifyTotp } from "@/lib/auth/totp";
import { beginLoginAttempt, type LoginAttempt } from "./login-throttle";
import { recordAudit } from "./audit";

export type SignInOutcome =
  | { ok: true; user: { id: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "two-factor-required" | "two-factor-invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number };

export interface SignInAttempt {
  email: string;
  password: string;
  /** A six-digit authenticator code or a recovery code, on the second step of a two-factor sign-in. */
  code?: string;
}

// Verifying against a real hash when the email is unknown keeps the timing of both answers alike.
let dummyHash: Promise<string> | undefined;
const timingDecoy = () => (dummyHash ??= hashPassword("timing decoy for unknown accounts"));

/**
 * Checks a sign-in: throttling first (the attempt is counted before any password is checked, so simultaneous
 * guesses cannot slip past the limit), then the password, then (when enrolled) the second factor. Every failure
 * reads the same whether or not the email exists, counts towards the throttles and is written to the audit log.
 */
export async function verifySignIn(attempt: SignInAttempt, ip: string): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const turn = await beginLoginAttempt(email, ip);
  if (!turn.allowed) return { ok: false, reason: "throttled", waitSeconds: turn.waitSeconds };
  // An unexpected error leaves the attempt counted: a failure nobody can retry for free.

  const db = getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabled: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const passwordOk = user ? await verifyPassword(user.passwordHash, attempt.password) : (await verifyPassword(await timingDecoy(), attempt.password), false);
  if (!user || !passwordOk || user.disabled) {
    return fail(turn, email, ip, user?.id ?? null, "invalid");
  }

  if (user.totpEnabledAt && user.totpSecret) {
    const code = attempt.code?.trim();
    if (!code) {
      await turn.abandoned();
      return { ok: false, reason: "two-factor-required" };
    }
    const accepted = looksLikeRecoveryCode(code) ? await redeemRecoveryCode(user.id, code) : await acceptTotp(user.id, user.totpSecret, code, user.totpLastStep);
    if (!accepted) return fail(turn, email, ip, user.id, "two-factor-invalid");
  }

  await turn.succeeded();
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actorId: user.id, action: "auth.signin", entityType: "User", entityId: user.id, ip });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}

async function fail(turn: Extract<LoginAttempt, { allowed: true }>, email: string, ip: string, userId: string | null, reason: "invalid" | "two-factor-invalid"): Promise<SignInOutcome> {
  const waitSeconds = await turn.failed();
  await recordAudit({ actorId: userId, action: "auth.signin.failed", entityType: "User", entityId: userId, details: { email, reason }, ip });
  return waitSeconds > 0 ? { ok: false, reason: "throttled", waitSeconds } : { ok: false, reason };
}

async function acceptTotp(userId: string, storedSecret: string, code: string, lastStep: number | null): Promise<boolean> {
  const step = await verifyTotp(decryptSecret(storedSecret, authSecret()), code, lastStep);
  if (step === null) return false;
  // Conditional update: of two simultaneous sign-ins with the same code, only one moves the step forward.
  const { count } = await getDb().user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

async function redeemRecoveryCode(userId: string, code: string): Promise<boolean> {
  const db = getDb();
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const match = unused.find((candidate) => recoveryCodeMatches(code, candidate.codeHash));
  if (!match) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count === 1) await recordAudit({ actorId: userId, action: "auth.recovery-code.used", entityType: "User", entityId: userId });
  return count === 1;
}
