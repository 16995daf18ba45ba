import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { metrics } from "@/lib/observability/metrics.mjs";
import { FAILURE_MEMORY_SECONDS, KNOWN_ADDRESS_SECONDS, SCOPES, throttleKeys, waitAfterFailures } from "@/lib/auth/throttle-policy";

type ScopeName = keyof typeof SCOPES;
const SCOPE_NAMES = Object.keys(SCOPES) as ScopeName[];
type Keys = ReturnType<typeof throttleKeys>;

/** How long one password check may hold a scope's turn; longer than any check, short enough if a server dies mid-way. */
const TURN_SECONDS = 60;

// Counters live in the database (the RateLimiterFlexible model), so they survive restarts and are shared by every
// server process. Limiters are cheap; building them per call follows DATABASE_URL (tests switch databases).
// `failures` counts failed (and in-flight) attempts; `block` is the wait, and past the free failures also the turn:
// a one-point limiter whose single point only one attempt at a time can take.
function limiters(scope: ScopeName) {
  const storeClient = getDb();
  const { prefix } = SCOPES[scope];
  const common = { storeClient, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false } as const;
  return {
    failures: new RateLimiterPrisma({ ...common, keyPrefix: `${prefix}_fail`, points: 1_000_000, duration: FAILURE_MEMORY_SECONDS }),
    block: new RateLimiterPrisma({ ...common, keyPrefix: `${prefix}_block`, points: 1, duration: TURN_SECONDS }),
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
async function scopesFor(keys: Keys): Promise<ScopeName[]> {
  const known = await knownAddresses().get(keys.accountAndAddress);
  return known && known.msBeforeNext > 0 ? SCOPE_NAMES.filter((scope) => scope !== "account") : SCOPE_NAMES;
}

/**
 * Gives back a counted attempt. Only ever lowers an existing, positive count: a refund arriving after a success
 * cleared the counter must not create a negative one (that would be a free extra guess).
 */
async function refund(scope: ScopeName, key: string): Promise<void> {
  await getDb().rateLimiterFlexible.updateMany({
    where: { key: `${SCOPES[scope].prefix}_fail:${key}`, points: { gt: 0 } },
    data: { points: { decrement: 1 } },
  });
}

interface Ticket {
  scope: ScopeName;
  /** This attempt's number among the scope's counted attempts. */
  number: number;
  /** Whether this attempt holds the scope's turn (every attempt past the free ones must). */
  turn: boolean;
  waitSeconds: number;
}

async function takeTicket(scope: ScopeName, key: string): Promise<Ticket> {
  const { failures, block } = limiters(scope);
  // Counted before the password is checked, in one atomic increment: simultaneous attempts get distinct numbers.
  const { consumedPoints: number } = await failures.penalty(key, 1);
  if (number < SCOPES[scope].freeFailures) return { scope, number, turn: false, waitSeconds: 0 };
  try {
    await block.consume(key);
    return { scope, number, turn: true, waitSeconds: 0 };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { scope, number, turn: false, waitSeconds: Math.max(rejection.msBeforeNext, 1) / 1000 };
  }
}

async function giveBack(tickets: Ticket[], keys: Keys): Promise<void> {
  await Promise.all(
    tickets.map(async ({ scope, turn }) => {
      await refund(scope, keys[scope]);
      if (turn) await limiters(scope).block.delete(keys[scope]);
    }),
  );
}

export type LoginAttempt =
  | { allowed: false; waitSeconds: number }
  | {
      allowed: true;
      /** The password (and second factor) were right: forgets the account's failures. */
      succeeded(): Promise<void>;
      /** A wrong password or code: stays counted; answers the wait it brings (0: none yet). */
      failed(): Promise<number>;
      /** Neither (the second factor is still to come): the attempt is given back. */
      abandoned(): Promise<void>;
    };

/**
 * Reserves one password check for this email at this address, before anything is checked. Within the free failures
 * every attempt gets through; past them, one attempt at a time, and only once the wait is over. So however many
 * attempts arrive at once, no more passwords are checked than the throttle allows.
 */
export async function beginLoginAttempt(email: string, ip: string): Promise<LoginAttempt> {
  const keys = throttleKeys(email, ip);
  const holding = await scopesFor(keys);
  const tickets = await Promise.all(holding.map((scope) => takeTicket(scope, keys[scope])));
  const waitSeconds = Math.max(0, ...tickets.map((ticket) => ticket.waitSeconds));
  if (waitSeconds > 0) {
    await giveBack(tickets, keys);
    metrics().loginThrottled.inc();
    return { allowed: false, waitSeconds };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await Promise.all([
        ...(["accountAndAddress", "account"] as const).flatMap((scope) => {
          const { failures, block } = limiters(scope);
          return [failures.delete(keys[scope]), block.delete(keys[scope])];
        }),
        // The address's count is kept (against spraying), less this attempt, which was no failure.
        giveBack(tickets.filter((ticket) => ticket.scope === "address"), keys),
        knownAddresses().set(keys.accountAndAddress, 1, KNOWN_ADDRESS_SECONDS),
      ]);
    },
    failed: async () => {
      metrics().loginFailures.inc();
      const waits = await Promise.all(
        SCOPE_NAMES.map(async (scope) => {
          const ticket = tickets.find((candidate) => candidate.scope === scope);
          const { failures, block } = limiters(scope);
          const number = ticket ? ticket.number : (await failures.penalty(keys[scope], 1)).consumedPoints;
          const wait = waitAfterFailures(number, SCOPES[scope].freeFailures);
          if (wait > 0) await block.block(keys[scope], wait);
          return ticket ? wait : 0;
        }),
      );
      await pruneExpired();
      return Math.max(0, ...waits);
    },
    abandoned: () => giveBack(tickets, keys),
  };
}

async function pruneExpired(): Promise<void> {
  await getDb().rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3_600_000) } } });
}
