import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Db, type Prisma } from "@/lib/db";
import { STORED_DATE_MIN } from "@/lib/validation/dates";
import { isPostgres, type DbClient } from "./claims";

// The Job table's reads and writes for lib/jobs (the runner and `enqueue`). Background work acts for nobody, so there
// is no user check here; lib/jobs validates what goes in. Every state change after the claim is conditional on the
// claim's token still being the row's `lockedBy`, so a runner that lost its lease (it stalled, another runner took
// the job over) changes nothing.

export type JobDb = Db;

export interface NewJob {
  name: string;
  payload: Prisma.InputJsonValue;
  runAt: Date;
  key: string | null;
  maxAttempts: number;
}

/** A job this runner holds: `token` names the claim, and every later write is conditional on it. */
export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  token: string;
}

/**
 * Adds a job, unless one with the same key exists (then returns that one, `created: false`). A single INSERT … ON
 * CONFLICT DO NOTHING on both engines, so it never fails on a duplicate and is safe inside a caller's transaction
 * (pass `tx` to enqueue together with the write that calls for it: the job exists exactly when that write commits).
 */
export async function insertJob(job: NewJob, client: DbClient = getDb()): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const now = new Date();
  const values = [id, job.name, JSON.stringify(job.payload), job.key, job.runAt, job.maxAttempts, now];
  const sql = isPostgres()
    ? `INSERT INTO "Job" ("id", "name", "payload", "key", "runAt", "maxAttempts", "createdAt") VALUES ($1, $2, $3::jsonb, $4, $5::timestamp(3), $6, $7::timestamp(3)) ON CONFLICT ("key") DO NOTHING`
    : `INSERT INTO "Job" ("id", "name", "payload", "key", "runAt", "maxAttempts", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING`;
  if ((await client.$executeRawUnsafe(sql, ...values)) === 1) return { id, created: true };
  const existing = job.key ? await client.job.findUnique({ where: { key: job.key }, select: { id: true } }) : null;
  if (!existing) throw new Error(`job ${job.name} was neither added nor found under key ${job.key}`);
  return { id: existing.id, created: false };
}

function claimable(names: string[], now: Date) {
  return {
    name: { in: names },
    doneAt: null,
    failedAt: null,
    runAt: { gte: STORED_DATE_MIN, lte: now },
    OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
  } satisfies Prisma.JobWhereInput;
}

const claimedSelect = { id: true, name: true, payload: true, attempts: true, maxAttempts: true, lastError: true } as const;

/**
 * Claims the next due job among `names` (oldest due first) for `leaseMs`: a job nobody holds, or whose holder's
 * lease has lapsed (its worker died or stalled). On PostgreSQL the candidate is locked with SKIP LOCKED, so runners
 * never queue behind one another; on SQLite the claim is a compare-and-set on the row as read, inside a transaction.
 */
export async function claimNextJob(names: string[], owner: string, leaseMs: number, now: Date, db: Db = getDb()): Promise<ClaimedJob | null> {
  if (names.length === 0) return null;
  const token = `${owner}/${randomUUID()}`;
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const where = claimable(names, now);
  return db.$transaction(async (tx) => {
    let candidate: { id: string; attempts: number } | undefined;
    if (isPostgres()) {
      [candidate] = await tx.$queryRawUnsafe<{ id: string; attempts: number }[]>(
        `SELECT "id", "attempts" FROM "Job" WHERE "name" = ANY($1::text[]) AND "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= $2::timestamp(3) AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2::timestamp(3)) ORDER BY "runAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`,
        names,
        now,
      );
    } else {
      candidate = (await tx.job.findFirst({ where, orderBy: [{ runAt: "asc" }, { id: "asc" }], select: { id: true, attempts: true } })) ?? undefined;
    }
    if (!candidate) return null;
    const { count } = await tx.job.updateMany({
      where: { ...where, id: candidate.id, attempts: candidate.attempts },
      data: { lockedBy: token, lockedUntil, attempts: { increment: 1 } },
    });
    if (count === 0) return null;
    const row = await tx.job.findUniqueOrThrow({ where: { id: candidate.id }, select: claimedSelect });
    return { ...row, token };
  });
}

/** Extends the lease while the job runs; false when the claim is no longer this runner's. */
export async function renewJobLease(job: ClaimedJob, until: Date, db: Db = getDb()): Promise<boolean> {
  const { count } = await db.job.updateMany({ where: { id: job.id, lockedBy: job.token, doneAt: null }, data: { lockedUntil: until } });
  return count === 1;
}

/** Marks the job done; false (and no change) when this runner no longer holds it. */
export async function completeJob(job: ClaimedJob, now: Date, db: Db = getDb()): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, lockedBy: job.token, doneAt: null },
    data: { doneAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
  return count === 1;
}

/** Releases the job to run again at `runAt` (backoff), or gives up on it when `runAt` is null. */
export async function failJob(job: ClaimedJob, reason: string, runAt: Date | null, now: Date, db: Db = getDb()): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, lockedBy: job.token, doneAt: null },
    data: { lastError: reason.slice(0, 2000), lockedBy: null, lockedUntil: null, ...(runAt ? { runAt } : { failedAt: now }) },
  });
  return count === 1;
}

/** When the next of these jobs can be claimed (its run time, or when its current lease lapses); null when none is pending. */
export async function nextJobAt(names: string[], db: Db = getDb()): Promise<Date | null> {
  if (names.length === 0) return null;
  const pending = { name: { in: names }, doneAt: null, failedAt: null, runAt: { gte: STORED_DATE_MIN } };
  const [free, held] = await Promise.all([
    db.job.findFirst({ where: { ...pending, lockedUntil: null }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
    db.job.findFirst({ where: { ...pending, lockedUntil: { gte: STORED_DATE_MIN } }, orderBy: { lockedUntil: "asc" }, select: { runAt: true, lockedUntil: true } }),
  ]);
  const times = [free?.runAt, held && held.lockedUntil && new Date(Math.max(held.runAt.getTime(), held.lockedUntil.getTime()))].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** Deletes jobs finished before `before` (which frees their keys); failed jobs stay for the record. */
export async function pruneDoneJobs(before: Date, db: Db = getDb()): Promise<number> {
  const { count } = await db.job.deleteMany({ where: { doneAt: { gte: STORED_DATE_MIN, lt: before } } });
  return count;
}

/** A job's stored state, for tests and the operator's view. */
export async function findJob(id: string, db: Db = getDb()) {
  return db.job.findUnique({ where: { id } });
}
