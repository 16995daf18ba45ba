import "server-only";
import { getDb, Role } from "@/lib/db";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { hashPassword } from "@/lib/auth/password";
import { ensureBylineForUser } from "./bylines-auto";
import { ValidationError } from "./errors";
import type { NewAccount } from "@/lib/validation/users";

export class SetupClosedError extends Error {
  override name = "SetupClosedError";
  constructor() {
    super("The newsroom already has an owner; first-run setup is closed.");
  }
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "EDITOR" | "WRITER";
}

const viewSelect = { id: true, email: true, name: true, role: true } as const;

/** Whether first-run setup is still open: no user exists yet. */
export async function isSetupOpen(): Promise<boolean> {
  return (await getDb().user.count()) === 0;
}

/** Setup attempts each address may make (each costs a password hash) before it must wait. */
export const SETUP_ATTEMPTS = 5;
const SETUP_WINDOW_SECONDS = 10 * 60;
// In-process: setup is a one-off, and this only has to stop one visitor from making the server hash in a loop.
const setupAttempts = new RateLimiterMemory({ keyPrefix: "setup", points: SETUP_ATTEMPTS, duration: SETUP_WINDOW_SECONDS });

/**
 * First run: creates the owner (an ADMIN) when, and only when, no user exists. Setup must still be open (a cheap
 * count) and the address within its attempts before the password is hashed, so a closed setup costs nobody a hash.
 * The check and the insert share one serializable transaction, so two simultaneous setups cannot both succeed.
 * Input is validated by the caller with newAccountSchema.
 */
export async function createOwner(account: NewAccount, meta: { ip?: string } = {}): Promise<UserView> {
  if (!(await isSetupOpen())) throw new SetupClosedError();
  try {
    await setupAttempts.consume(meta.ip ?? "unknown");
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw new ValidationError(`Too many setup attempts from this address. Try again in ${Math.ceil(rejection.msBeforeNext / 60_000)} minutes.`);
  }
  const passwordHash = await hashPassword(account.password);
  return getDb().$transaction(
    async (tx) => {
      if ((await tx.user.count()) > 0) throw new SetupClosedError();
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, passwordHash, role: Role.ADMIN },
        select: viewSelect,
      });
      await tx.auditLog.create({
        data: { actorId: user.id, action: "user.setup.owner", entityType: "User", entityId: user.id, ip: meta.ip },
      });
      await ensureBylineForUser(tx, user.id);
      return user;
    },
    { isolationLevel: "Serializable" },
  );
}

/**
 * For operators who are locked out (the `npm run admin` command): creates an ADMIN, or resets an existing
 * account's password, makes it an enabled ADMIN and ends all its sessions. Returns whether it was created.
 */
export async function createOrResetAdmin(account: NewAccount): Promise<{ user: UserView; created: boolean }> {
  const passwordHash = await hashPassword(account.password);
  return getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } });
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { passwordHash, role: Role.ADMIN, disabled: false, sessionVersion: { increment: 1 } },
          select: viewSelect,
        })
      : await tx.user.create({ data: { email: account.email, name: account.name, passwordHash, role: Role.ADMIN }, select: viewSelect });
    if (!existing) await ensureBylineForUser(tx, user.id);
    await tx.auditLog.create({
      data: { action: existing ? "user.admin.reset" : "user.admin.create", entityType: "User", entityId: user.id, details: { via: "command line" } },
    });
    return { user, created: !existing };
  });
}
