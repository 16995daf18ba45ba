import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { clientAddress } from "@/lib/auth/client-address";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { isPastAbsoluteLifetime, SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-policy";
import { recordAudit, type AuditEntry } from "./audit";
import { noteRequestUser } from "@/lib/observability/request-context";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  twoFactorEnabled: boolean;
  /** An admin requires two-factor sign-in and this user has not enrolled yet: only the security page is open. */
  mustEnrolTwoFactor: boolean;
}

export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
  constructor() {
    super("Sign in to continue.");
  }
}

export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  /** The audit entry for this refusal, written once (after any transaction it happened in has rolled back). */
  audit?: AuditEntry;
  logged = false;
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/**
 * The signed-in user for this request, or null. The JWT names the user and the session version it was issued
 * with; the database decides: a disabled user, a changed password or "sign out everywhere" (each bumps the
 * version), a session signed out of (its id is revoked) and a session past its absolute lifetime all read as
 * signed out. Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.claims;
  if (!claims || isPastAbsoluteLifetime(claims.authTime)) return null;
  const db = getDb();
  const [user, settings, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.userId },
      select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, totpEnabledAt: true },
    }),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { requireTwoFactor: true } }),
    claims.sessionId ? db.revokedSession.findUnique({ where: { id: claims.sessionId }, select: { id: true } }) : null,
  ]);
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion || revoked) return null;
  const twoFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    twoFactorEnabled,
    mustEnrolTwoFactor: !!settings?.requireTwoFactor && !twoFactorEnabled,
  };
});

/**
 * Ends one session for good (signing out): its id is refused from now on, whatever copy of the cookie comes back.
 * Called with the id from the session's own verified token, so it needs no other check. A row is kept until no
 * cookie of that session could be valid anyway (its absolute lifetime), and expired rows are swept here.
 */
export async function revokeSession(sessionId: string, authTime?: number): Promise<void> {
  const db = getDb();
  const start = authTime ?? Math.floor(Date.now() / 1000);
  const expiresAt = new Date((start + SESSION_ABSOLUTE_SECONDS + 60) * 1000);
  await db.revokedSession.upsert({ where: { id: sessionId }, create: { id: sessionId, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/** The signed-in user, or UnauthorizedError. Every data-layer function that writes or reads unpublished content starts here. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    // Pages send anonymous visitors to sign in before any of this runs, so reaching here without a session is an
    // expired session or a request made by hand: refused, and recorded (within limits).
    await recordAnonymousRefusal();
    throw new UnauthorizedError();
  }
  // The request's log line names who acted (lib/observability/request-log.ts).
  noteRequestUser(user.id);
  return user;
}

/** Anonymous refusals recorded one by one per address and minute; past that, one summary row, then silence. */
export const ANONYMOUS_REFUSALS_RECORDED = 10;
const ANONYMOUS_REFUSAL_WINDOW_SECONDS = 60;
// In-process and in memory on purpose: it bounds the rows anyone can make us write without signing in, and
// costs no database write itself.
const anonymousRefusals = new RateLimiterMemory({ keyPrefix: "anonymous_refusal", points: ANONYMOUS_REFUSALS_RECORDED, duration: ANONYMOUS_REFUSAL_WINDOW_SECONDS });

async function recordAnonymousRefusal(): Promise<void> {
  const ip = await requestAddress().catch(() => null);
  let count: number;
  try {
    count = (await anonymousRefusals.consume(ip ?? "unknown")).consumedPoints;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    count = rejection.consumedPoints;
  }
  if (count <= ANONYMOUS_REFUSALS_RECORDED) {
    await recordAudit({ actorId: null, action: "permission.denied", entityType: "Newsroom", details: { reason: "not signed in" }, ip });
  } else if (count === ANONYMOUS_REFUSALS_RECORDED + 1) {
    await recordAudit({
      actorId: null,
      action: "permission.denied",
      entityType: "Newsroom",
      details: {
        reason: "not signed in",
        summary: `More than ${ANONYMOUS_REFUSALS_RECORDED} refusals from this address within ${ANONYMOUS_REFUSAL_WINDOW_SECONDS} seconds; the rest of that time's refusals are not recorded one by one.`,
      },
      ip,
    });
  }
}

/** The request's address, for the audit log. */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers(), env.TRUST_PROXY_HOPS);
}

/**
 * The signed-in user if they hold the permission. A refusal is written to the audit log (who tried what, on which
 * record) and thrown as ForbiddenError; nothing else happens.
 */
export async function requirePermission(permission: Permission, target?: { entityType: string; entityId?: string | null }): Promise<SessionUser> {
  const user = await requireUser();
  if (user.mustEnrolTwoFactor) throw new ForbiddenError("Set up two-factor sign-in first: an administrator requires it.");
  if (!can(user.role, permission)) await refuse(user, permission, target);
  return user;
}

/**
 * A refusal decided by the caller (for example, a writer touching someone else's story), not yet logged: throw it
 * inside a transaction and let `transaction()` (lib/dal/transaction.ts) log it after the rollback.
 */
export function refusal(user: SessionUser, action: string, target?: { entityType: string; entityId?: string | null }, message?: string): ForbiddenError {
  const error = new ForbiddenError(message);
  error.audit = {
    actorId: user.id,
    action: "permission.denied",
    entityType: target?.entityType ?? "Newsroom",
    entityId: target?.entityId ?? null,
    details: { attempted: action, role: user.role },
  };
  return error;
}

/** Writes a refusal's audit entry once. */
export async function logRefusal(error: ForbiddenError): Promise<void> {
  if (error.logged || !error.audit) return;
  error.logged = true;
  await recordAudit({ ...error.audit, ip: await requestAddress().catch(() => null) });
}

/** Logs and throws a refusal, outside any transaction. */
export async function refuse(user: SessionUser, action: string, target?: { entityType: string; entityId?: string | null }, message?: string): Promise<never> {
  const error = refusal(user, action, target, message);
  await logRefusal(error);
  throw error;
}
