import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";
import { beginLoginAttempt } from "./login-throttle";
import { refuse, requestAddress, requireUser, type SessionUser } from "./session";

// The signed-in user's own security settings. Every function acts on the caller and nobody else; none needs a
// permission beyond being signed in (a user whom an admin requires to enrol may use all of them).

export interface TwoFactorSetup {
  /** The new secret in base32, for typing into an app that cannot scan. */
  secret: string;
  otpauthUri: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** A started, unconfirmed enrolment (only its owner ever sees this). */
  pending: TwoFactorSetup | null;
  recoveryCodesLeft: number;
  requiredBySite: boolean;
}

export async function getTwoFactorStatus(): Promise<TwoFactorStatus> {
  const user = await requireUser();
  const db = getDb();
  const [row, recoveryCodesLeft, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { requireTwoFactor: true } }),
  ]);
  const pendingSecret = !row.totpEnabledAt && row.totpSecret ? readableSecret(row.totpSecret) : null;
  return {
    enabled: row.totpEnabledAt !== null,
    enabledAt: row.totpEnabledAt,
    pending: pendingSecret ? { secret: pendingSecret, otpauthUri: totpUri(pendingSecret, user.email) } : null,
    recoveryCodesLeft: row.totpEnabledAt ? recoveryCodesLeft : 0,
    requiredBySite: !!settings?.requireTwoFactor,
  };
}

/** Starts (or restarts) enrolling an authenticator app: a new secret is stored, inactive until confirmed. */
export async function startTotpEnrolment(): Promise<TwoFactorSetup> {
  const user = await requireUser();
  const secret = newTotpSecret();
  const { count } = await getDb().user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: encryptSecret(secret, authSecret()), totpLastStep: null },
  });
  if (count !== 1) throw new ValidationError("Two-factor sign-in is already on. Turn it off first to move to a new app.");
  await recordAudit({ actorId: user.id, action: "account.two-factor.enrolment-started", entityType: "User", entityId: user.id, ip: await requestAddress() });
  return { secret, otpauthUri: totpUri(secret, user.email) };
}

/**
 * Confirms the pending enrolment with a code from the app, turns two-factor sign-in on and issues a fresh set of
 * recovery codes. The plain codes are returned this once; only their hashes are kept.
 */
export async function confirmTotpEnrolment(code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await requireUser();
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new ValidationError("Two-factor sign-in is already on.");
  const secret = row.totpSecret ? readableSecret(row.totpSecret) : null;
  if (!row.totpSecret || !secret) throw new ValidationError("Start setting up two-factor sign-in first.");
  const step = await verifyTotp(secret, code);
  if (step === null) {
    throw new ValidationError("That code did not work.", { code: ["That code did not match. Enter the newest code your app shows, and check your phone’s clock."] });
  }
  const recoveryCodes = newRecoveryCodes();
  const ip = await requestAddress();
  await db.$transaction(async (tx) => {
    // Conditional on the secret just checked: a restart in another tab meanwhile must not be switched on unseen.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: row.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (count !== 1) throw new ValidationError("The set-up changed in another window. Reload the page and start again.");
    await replaceRecoveryCodes(tx, user.id, recoveryCodes);
    await recordAudit({ actorId: user.id, action: "account.two-factor.enabled", entityType: "User", entityId: user.id, ip }, tx);
  });
  return { recoveryCodes };
}

/** Replaces the recovery codes (all old ones stop working) after checking the password. */
export async function regenerateRecoveryCodes(password: string): Promise<{ recoveryCodes: string[] }> {
  const user = await requireUser();
  await confirmPassword(user, password, "password");
  const db = getDb();
  const recoveryCodes = newRecoveryCodes();
  const ip = await requestAddress();
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.count({ where: { id: user.id, totpEnabledAt: { not: null } } });
    if (!enabled) throw new ValidationError("Turn on two-factor sign-in first.");
    await replaceRecoveryCodes(tx, user.id, recoveryCodes);
    await recordAudit({ actorId: user.id, action: "account.two-factor.recovery-codes-replaced", entityType: "User", entityId: user.id, ip }, tx);
  });
  return { recoveryCodes };
}

/** Turns two-factor sign-in off after checking the password; refused while an admin requires it for all staff. */
export async function disableTwoFactor(password: string): Promise<void> {
  const user = await requireUser();
  const db = getDb();
  const settings = await db.siteSettings.findUnique({ where: { id: 1 }, select: { requireTwoFactor: true } });
  if (settings?.requireTwoFactor) {
    await refuse(user, "account.two-factor.disable", { entityType: "User", entityId: user.id }, "An administrator requires two-factor sign-in for all staff, so it cannot be turned off.");
  }
  await confirmPassword(user, password, "password");
  const ip = await requestAddress();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (count !== 1) throw new ValidationError("Two-factor sign-in is already off.");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit({ actorId: user.id, action: "account.two-factor.disabled", entityType: "User", entityId: user.id, ip }, tx);
  });
}

/**
 * Changes the password (the new one already passed the policy in lib/validation/account.ts) and ends every session
 * of this user, this one included: the caller sends them to sign in again.
 */
export async function changePassword(current: string, next: string): Promise<void> {
  const user = await requireUser();
  const personal = passwordProblem(next, { email: user.email, name: user.name });
  if (personal) throw new ValidationError("Choose another password.", { newPassword: [personal] });
  await confirmPassword(user, current, "currentPassword");
  const passwordHash = await hashPassword(next);
  const ip = await requestAddress();
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit({ actorId: user.id, action: "account.password.changed", entityType: "User", entityId: user.id, ip }, tx);
  });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUser();
  const ip = await requestAddress();
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit({ actorId: user.id, action: "account.signed-out-everywhere", entityType: "User", entityId: user.id, ip }, tx);
  });
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
}

/** A stored secret the current server secret cannot read (it was rotated) is treated as absent. */
function readableSecret(stored: string): string | null {
  try {
    return decryptSecret(stored, authSecret());
  } catch {
    return null;
  }
}

/**
 * Checks the signed-in user's password before a sensitive change. Wrong guesses count towards the sign-in
 * throttle, so a borrowed session cannot be used to try passwords at speed.
 */
async function confirmPassword(user: SessionUser, password: string, field: string): Promise<void> {
  const ip = await requestAddress();
  const tooMany = (seconds: number) => new ValidationError(describeSignInError(`throttled:${Math.ceil(seconds)}`).message);
  // Counted before the check, like a sign-in: simultaneous guesses get no more checks than the throttle allows.
  const turn = await beginLoginAttempt(user.email, ip);
  if (!turn.allowed) throw tooMany(turn.waitSeconds);
  const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (await verifyPassword(row.passwordHash, password)) return turn.succeeded();
  const wait = await turn.failed();
  await recordAudit({ actorId: user.id, action: "account.password-check.failed", entityType: "User", entityId: user.id, ip });
  if (wait > 0) throw tooMany(wait);
  throw new ValidationError("Check the highlighted field.", { [field]: ["That is not your current password."] });
}
