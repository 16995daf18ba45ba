import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { deliverAccountLink } from "@/lib/mail";
import { unusablePasswordHash } from "./account-tokens";
import { ensureBylineForUser } from "./bylines-auto";
import type { Role } from "@/lib/auth/permissions";
import type { NewPerson } from "@/lib/validation/people";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { refuse, requestAddress, requirePermission, type SessionUser } from "./session";

// People management for admins: staff accounts, their roles, and the two switches that end sessions (disable,
// reset two-factor). Two guards keep the newsroom governable: nobody changes or disables their own account here,
// and the last enabled admin cannot be demoted or disabled.
//
// Creating a person does not create a byline: a byline is a public author profile, and not every account writes
// (admins link bylines to accounts on the Bylines page).

export interface PersonView {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  twoFactorEnabled: boolean;
  lastLoginAt: Date | null;
  /** When the invitation was sent, while it is open (the person has not chosen a password yet). */
  invitedAt: Date | null;
  createdAt: Date;
  /** The admin looking at the list. */
  isYou: boolean;
}

const personSelect = { id: true, name: true, email: true, role: true, disabled: true, totpEnabledAt: true, lastLoginAt: true, invitedAt: true, createdAt: true } as const;

function toView(row: Prisma.UserGetPayload<{ select: typeof personSelect }>, viewer: SessionUser): PersonView {
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, twoFactorEnabled: totpEnabledAt !== null, isYou: row.id === viewer.id };
}

const LAST_ADMIN = "This is the last enabled admin. Make someone else an admin first.";

export async function listPeople(): Promise<PersonView[]> {
  const admin = await requirePermission("people.manage", { entityType: "User" });
  const rows = await getDb().user.findMany({ select: personSelect, orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }] });
  return rows.map((row) => toView(row, admin));
}

/** Creates a staff account with the initial password the admin chose (validated with newPersonSchema). */
export async function createPerson(person: NewPerson): Promise<PersonView> {
  const admin = await requirePermission("people.manage", { entityType: "User" });
  const taken = () => new ValidationError("Check the highlighted field.", { email: ["Someone already has an account with this email address."] });
  const db = getDb();
  if (await db.user.findUnique({ where: { email: person.email }, select: { id: true } })) throw taken();
  const passwordHash = await hashPassword(person.password);
  const ip = await requestAddress();
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: person.name, email: person.email, role: person.role, passwordHash }, select: personSelect });
      await ensureBylineForUser(tx, created.id);
      await recordAudit({ actorId: admin.id, action: "person.created", entityType: "User", entityId: created.id, details: { email: created.email, role: created.role }, ip }, tx);
      return created;
    });
    return toView(row, admin);
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}

type Guarded<T> = { kind: "done"; value: T } | { kind: "missing" } | { kind: "last-admin" };

interface Target {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  totpSecret: string | null;
}

interface ChangeContext {
  admin: SessionUser;
  ip: string;
  /** Enabled admins other than the target. */
  otherEnabledAdmins: () => Promise<number>;
}

/**
 * Runs a change to someone else's account in one serializable transaction that also checks the last-admin rule,
 * so two admins demoting each other at the same moment cannot leave the newsroom without one. Refusals are
 * audited after the transaction (SQLite allows one writer at a time).
 */
async function changeSomeoneElse<T>(
  action: string,
  userId: string,
  change: (tx: Prisma.TransactionClient, target: Target, context: ChangeContext) => Promise<Guarded<T>>,
): Promise<T> {
  const entity = { entityType: "User", entityId: userId };
  const admin = await requirePermission("people.manage", entity);
  if (userId === admin.id) {
    await refuse(admin, action, entity, "You cannot change your own account here. Ask another admin, or use your security page.");
  }
  const ip = await requestAddress();
  const outcome = await getDb()
    .$transaction(
      async (tx) => {
        const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, disabled: true, totpSecret: true } });
        if (!target) return { kind: "missing" } as const;
        const otherEnabledAdmins = () => tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: userId } } });
        return change(tx, target, { admin, ip, otherEnabledAdmins });
      },
      { isolationLevel: "Serializable" },
    )
    .catch((error: unknown) => {
      // PostgreSQL aborts the loser of two overlapping serializable changes; nothing of it was written.
      if (isWriteConflict(error)) throw new ValidationError("Someone changed this account at the same moment. Reload the page and try again.");
      throw error;
    });
  if (outcome.kind === "missing") throw new NotFoundError("That person no longer exists.");
  if (outcome.kind === "last-admin") return refuse(admin, action, entity, LAST_ADMIN);
  return outcome.value;
}

/** Prisma reports a serialization failure as P2034, or, when it surfaces at commit, as the adapter's own error. */
function isWriteConflict(error: unknown): boolean {
  const { code, cause } = error as { code?: string; cause?: { kind?: string; originalCode?: string } };
  return code === "P2034" || cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40001";
}

export interface PersonChange {
  changed: boolean;
  name: string;
}

/** Changes someone's role. */
export async function changeRole(userId: string, role: Role): Promise<PersonChange> {
  return changeSomeoneElse<PersonChange>("people.changeRole", userId, async (tx, target, { admin, ip, otherEnabledAdmins }) => {
    if (target.role === role) return { kind: "done", value: { changed: false, name: target.name } };
    if (target.role === "ADMIN" && !target.disabled && (await otherEnabledAdmins()) === 0) return { kind: "last-admin" };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit({ actorId: admin.id, action: "person.role.changed", entityType: "User", entityId: userId, details: { from: target.role, to: role }, ip }, tx);
    return { kind: "done", value: { changed: true, name: target.name } };
  });
}

/** Disables an account (ending every session at once) or enables it again. */
export async function setDisabled(userId: string, disabled: boolean): Promise<PersonChange> {
  return changeSomeoneElse<PersonChange>(disabled ? "people.disable" : "people.enable", userId, async (tx, target, { admin, ip, otherEnabledAdmins }) => {
    if (target.disabled === disabled) return { kind: "done", value: { changed: false, name: target.name } };
    if (disabled && target.role === "ADMIN" && (await otherEnabledAdmins()) === 0) return { kind: "last-admin" };
    await tx.user.update({ where: { id: userId }, data: { disabled, ...(disabled && { sessionVersion: { increment: 1 } }) } });
    await recordAudit({ actorId: admin.id, action: disabled ? "person.disabled" : "person.enabled", entityType: "User", entityId: userId, ip }, tx);
    return { kind: "done", value: { changed: true, name: target.name } };
  });
}

/**
 * For someone who lost their authenticator and their recovery codes: turns two-factor sign-in off (secret, last
 * step and recovery codes gone) and ends their sessions. They sign in with their password and enrol again.
 */
export async function resetTwoFactor(userId: string): Promise<PersonChange> {
  return changeSomeoneElse<PersonChange>("people.resetTwoFactor", userId, async (tx, target, { admin, ip }) => {
    if (!target.totpSecret) return { kind: "done", value: { changed: false, name: target.name } };
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit({ actorId: admin.id, action: "person.two-factor.reset", entityType: "User", entityId: userId, ip }, tx);
    return { kind: "done", value: { changed: true, name: target.name } };
  });
}

// ——— Invitations and resets by email ———

export interface SentLink {
  person: PersonView;
  /** Without SMTP, the link for the admin to pass on (shown once); null when it was emailed. */
  link: string | null;
}

/**
 * Invites someone: an account with no usable password and an open invitation, and a one-time link (7 days) to choose
 * their password, emailed from a job (or, without SMTP, returned to this admin and written to the server log).
 */
export async function invitePerson(person: Omit<NewPerson, "password">): Promise<SentLink> {
  const admin = await requirePermission("people.manage", { entityType: "User" });
  const taken = () => new ValidationError("Check the highlighted field.", { email: ["Someone already has an account with this email address."] });
  const db = getDb();
  if (await db.user.findUnique({ where: { email: person.email }, select: { id: true } })) throw taken();
  const passwordHash = await unusablePasswordHash();
  const ip = await requestAddress();
  let row;
  try {
    row = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { name: person.name, email: person.email, role: person.role, passwordHash, invitedAt: new Date() }, select: personSelect });
      await ensureBylineForUser(tx, created.id);
      await recordAudit({ actorId: admin.id, action: "person.invited", entityType: "User", entityId: created.id, details: { email: created.email, role: created.role }, ip }, tx);
      return created;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
  const { link } = await deliverAccountLink(row.id, "invite", admin.id);
  return { person: toView(row, admin), link };
}

async function pendingOrRefuse(userId: string, action: string, wantInvited: boolean) {
  const entity = { entityType: "User", entityId: userId };
  const admin = await requirePermission("people.manage", entity);
  if (userId === admin.id) await refuse(admin, action, entity, "You cannot do this for your own account here. Use your account page.");
  const row = await getDb().user.findUnique({ where: { id: userId }, select: personSelect });
  if (!row) throw new NotFoundError("That person no longer exists.");
  if (wantInvited && row.invitedAt === null) throw new ValidationError(`${row.name} has already accepted their invitation.`);
  if (!wantInvited && row.invitedAt !== null) throw new ValidationError(`${row.name} has not accepted their invitation yet: resend the invitation instead.`);
  if (row.disabled) throw new ValidationError(`${row.name}'s account is disabled. Enable it first.`);
  return { admin, row, ip: await requestAddress() };
}

/** Sends a pending invitation again: a new link, and the old one stops working. */
export async function resendInvitation(userId: string): Promise<SentLink> {
  const { admin, row, ip } = await pendingOrRefuse(userId, "people.invite.resend", true);
  await getDb().user.update({ where: { id: userId }, data: { invitedAt: new Date() } });
  await recordAudit({ actorId: admin.id, action: "person.invitation.resent", entityType: "User", entityId: userId, ip });
  const { link } = await deliverAccountLink(userId, "invite", admin.id);
  return { person: toView(row, admin), link };
}

/** Cancels a pending invitation: the account (and the byline made for it, which no story carries yet) is removed. */
export async function cancelInvitation(userId: string): Promise<PersonChange> {
  const { admin, row, ip } = await pendingOrRefuse(userId, "people.invite.cancel", true);
  await getDb().$transaction(async (tx) => {
    await tx.byline.deleteMany({ where: { userId, articles: { none: {} } } });
    const { count } = await tx.user.deleteMany({ where: { id: userId, invitedAt: { not: null } } });
    if (count === 1) await recordAudit({ actorId: admin.id, action: "person.invitation.cancelled", entityType: "User", entityId: userId, details: { email: row.email }, ip }, tx);
  });
  return { changed: true, name: row.name };
}

/** Sends a colleague a password reset link (1 hour). Their password and sessions stay until they use it. */
export async function sendPasswordReset(userId: string): Promise<SentLink> {
  const { admin, row, ip } = await pendingOrRefuse(userId, "people.reset.send", false);
  await recordAudit({ actorId: admin.id, action: "person.password-reset.sent", entityType: "User", entityId: userId, ip });
  const { link } = await deliverAccountLink(userId, "reset", admin.id);
  return { person: toView(row, admin), link };
}
