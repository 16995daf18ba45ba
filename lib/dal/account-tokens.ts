import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { recordAudit } from "./audit";
import { ValidationError } from "./errors";

// One-time links for invitations and password resets. Only a SHA-256 hash of the token is stored: someone who reads
// the database (or a backup) cannot use a pending link. A token is spent when it is used, and issuing a new one spends
// the person's older ones of the same kind, so only the latest email works. Nothing here needs a session: holding
// the token is the proof, and every answer for a bad token is the same.

export type AccountTokenKind = "invite" | "reset";

export const TOKEN_LIFETIME_MS: Record<AccountTokenKind, number> = { invite: 7 * 24 * 60 * 60_000, reset: 60 * 60_000 };

export const BAD_LINK = "This link has expired or has already been used. Ask for a new one.";

type Tx = Prisma.TransactionClient;

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** An unusable password hash: the hash of a random secret nobody is told. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}

/** Issues a token (32 random bytes) for the person and returns it; their older unused tokens of this kind are spent. */
export async function issueAccountToken(tx: Tx, input: { userId: string; kind: AccountTokenKind; createdById: string | null; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.updateMany({ where: { userId: input.userId, kind: input.kind, usedAt: null }, data: { usedAt: now } });
  await tx.accountToken.create({
    data: { userId: input.userId, kind: input.kind, tokenHash: hashAccountToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.kind]), createdById: input.createdById },
  });
  return token;
}

function wellFormed(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

const live = (token: string, kind: AccountTokenKind, now: Date) =>
  ({ tokenHash: hashAccountToken(token), kind, usedAt: null, expiresAt: { gt: now }, user: { disabled: false } }) satisfies Prisma.AccountTokenWhereInput;

export interface AccountTokenView {
  kind: AccountTokenKind;
  name: string;
  email: string;
}

/** Who a still-usable link is for (the page greets them by name), or null for any link that cannot be used. */
export async function readAccountToken(token: string, kind: AccountTokenKind, now = new Date()): Promise<AccountTokenView | null> {
  if (!wellFormed(token)) return null;
  const row = await getDb().accountToken.findFirst({ where: live(token, kind, now), select: { user: { select: { name: true, email: true } } } });
  return row ? { kind, ...row.user } : null;
}

/**
 * Uses a link once: sets the person's password (it must pass the policy), ends an open invitation, ends every session
 * of theirs and spends all their other links. Returns the email to sign in with. A link used, expired, for a disabled
 * account or simply wrong gets the same refusal; two tabs using one link at once: one wins, the other is refused.
 */
export async function redeemAccountToken(token: string, kind: AccountTokenKind, password: string, ip: string | null = null, now = new Date()): Promise<{ email: string }> {
  if (!wellFormed(token)) throw new ValidationError(BAD_LINK);
  const db = getDb();
  const found = await db.accountToken.findFirst({ where: live(token, kind, now), select: { id: true, userId: true, user: { select: { email: true, name: true } } } });
  if (!found) throw new ValidationError(BAD_LINK);
  const problem = passwordProblem(password, { email: found.user.email, name: found.user.name });
  if (problem) throw new ValidationError("Choose another password.", { password: [problem] });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.accountToken.updateMany({ where: { id: found.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) throw new ValidationError(BAD_LINK);
    await tx.accountToken.updateMany({ where: { userId: found.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: found.userId }, data: { passwordHash, invitedAt: null, sessionVersion: { increment: 1 } } });
    await recordAudit({ actorId: found.userId, action: kind === "invite" ? "account.invitation.accepted" : "account.password.reset", entityType: "User", entityId: found.userId, ip }, tx);
    return { email: found.user.email };
  });
}

export interface LinkRecipient {
  userId: string;
  email: string;
  name: string;
}

/**
 * For the mail jobs: the person a link of this kind may go to now (an invitation only while it is open, a reset only
 * to an enabled account that has a password), or null.
 */
export async function linkRecipient(where: { userId: string } | { email: string }, kind: AccountTokenKind): Promise<LinkRecipient | null> {
  const user = await getDb().user.findFirst({
    where: { ...("userId" in where ? { id: where.userId } : { email: where.email.trim().toLowerCase() }), disabled: false, invitedAt: kind === "invite" ? { not: null } : null },
    select: { id: true, email: true, name: true },
  });
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
}

/** Issues a link's token for the person in its own transaction. */
export async function issueLinkToken(userId: string, kind: AccountTokenKind, createdById: string | null): Promise<string> {
  return getDb().$transaction((tx) => issueAccountToken(tx, { userId, kind, createdById }));
}
