import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { FAILURE_MEMORY_SECONDS, KNOWN_ADDRESS_SECONDS, SCOPES, throttleKeys, waitAfterFailures } from "@/lib/auth/throttle-policy";

type ScopeName = keyof typeof SCOPES;
const SCOPE_NAMES = Object.keys(SCOPES) as ScopeName[];

// Counters live in the database (the RateLimiterFlexible model), so they survive restarts and are shared by every
// server process. Limiters are cheap; building them per call follows DATABASE_URL (tests switch databases).
function limiters(scope: ScopeName) {
  const storeClient = getDb();
  const { prefix } = SCOPES[scope];
  const common = { storeClient, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false } as const;
  return {
    failures: new RateLimiterPrisma({ ...common, keyPrefix: `${prefix}_fail`, points: 1_000_000, duration: FAILURE_MEMORY_SECONDS }),
    block: new RateLimiterPrisma({ ...common, keyPrefix: `${prefix}_block`, points: 1, duration: 1 }),
  };
}

/** Addresses each account has signed in from (key: the account-and-address key). */
function knownAddresses() {
  return new RateLimiterPrisma({
    storeClient: getDb(),
    tableName: "rateLimiterFlexible",
    clearExpiredByTimeout: false,
    keyPrefix: "login_known",
    points: 1,
    duration: KNOWN_ADDRESS_SECONDS,
  });
}

/**
 * The scopes that hold this email at this address. A distributed guess holds the account everywhere except at the
 * addresses its owner signed in from before, so an attacker can slow the owner down but never shut them out.
 */
async function scopesFor(keys: ReturnType<typeof throttleKeys>): Promise<ScopeName[]> {
  const known = await knownAddresses().get(keys.accountAndAddress);
  return known && known.msBeforeNext > 0 ? SCOPE_NAMES.filter((scope) => scope !== "account") : SCOPE_NAMES;
}

/** Seconds the visitor must wait before trying to sign in again as this email from this address (0: go ahead). */
export async function loginWaitSeconds(email: string, ip: string): Promise<number> {
  const keys = throttleKeys(email, ip);
  const scopes = await scopesFor(keys);
  const waits = await Promise.all(
    scopes.map(async (scope) => {
      const res = await limiters(scope).block.get(keys[scope]);
      return res && res.consumedPoints > 1 && res.msBeforeNext > 0 ? res.msBeforeNext / 1000 : 0;
    }),
  );
  return Math.max(0, ...waits);
}

/** Counts a failed sign-in in every scope and starts (or lengthens) the wait where a scope is past its free tries. */
export async function recordLoginFailure(email: string, ip: string): Promise<number> {
  const keys = throttleKeys(email, ip);
  const holding = await scopesFor(keys);
  const waits = await Promise.all(
    SCOPE_NAMES.map(async (scope) => {
      const { failures, block } = limiters(scope);
      const { consumedPoints } = await failures.penalty(keys[scope], 1);
      const wait = waitAfterFailures(consumedPoints, SCOPES[scope].freeFailures);
      if (wait > 0) await block.block(keys[scope], wait);
      return holding.includes(scope) ? wait : 0;
    }),
  );
  await getDb().rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3_600_000) } } });
  return Math.max(0, ...waits);
}

/**
 * A successful sign-in forgets this account's failures (the address's count stays, against spraying) and
 * remembers the address as one the owner uses.
 */
export async function clearLoginFailures(email: string, ip: string): Promise<void> {
  const keys = throttleKeys(email, ip);
  await Promise.all([
    ...(["accountAndAddress", "account"] as const).flatMap((scope) => {
      const { failures, block } = limiters(scope);
      return [failures.delete(keys[scope]), block.delete(keys[scope])];
    }),
    knownAddresses().set(keys.accountAndAddress, 1, KNOWN_ADDRESS_SECONDS),
  ]);
}
