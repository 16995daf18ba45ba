// What the operator's probes and metrics ask the database (app/api/ready, app/api/metrics): whether it answers,
// whether every migration of this release is applied, how deep the job queue is, how busy the connection pool is.
// No user data: these answer with counts and names of migrations only, and the routes decide who sees even that.
import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { databasePoolStats, getDb, type Db } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";

/** Resolves when the database answers a trivial query; throws otherwise. */
export async function pingDatabase(db: Db = getDb()): Promise<void> {
  await db.$queryRawUnsafe("select 1");
}

export interface MigrationState {
  /** Migration folders of this release not recorded as applied. */
  pending: string[];
  /** Migrations that started and never finished (a failed `prisma migrate deploy`). */
  failed: string[];
}

/** This release's migration folders (prisma/<engine>/migrations) against the database's _prisma_migrations table. */
export async function migrationState(db: Db = getDb(), root: string = process.cwd()): Promise<MigrationState> {
  const { engine } = resolveDatabaseUrl(process.env.DATABASE_URL);
  const entries = await readdir(path.join(root, "prisma", engine, "migrations"), { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
    `select migration_name, finished_at, rolled_back_at from _prisma_migrations`,
  );
  const applied = new Set(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name));
  return {
    pending: folders.filter((name) => !applied.has(name)).sort(),
    failed: rows.filter((row) => !row.finished_at && !row.rolled_back_at).map((row) => row.migration_name),
  };
}

export interface JobQueueDepth {
  /** Waiting to run now (due, not leased). */
  due: number;
  /** Waiting for a later time. */
  scheduled: number;
  /** Held by a runner's unexpired lease. */
  running: number;
  /** Given up after their tries; kept for the record. */
  failed: number;
}

/** How many jobs are in each state, across every instance. */
export async function jobQueueDepth(now: Date = new Date(), db: Db = getDb()): Promise<JobQueueDepth> {
  const open = { doneAt: null, failedAt: null };
  const [running, due, scheduled, failed] = await Promise.all([
    db.job.count({ where: { ...open, lockedUntil: { gt: now } } }),
    db.job.count({ where: { ...open, runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] } }),
    db.job.count({ where: { ...open, runAt: { gt: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] } }),
    db.job.count({ where: { failedAt: { not: null } } }),
  ]);
  return { due, scheduled, running, failed };
}

/** The process's PostgreSQL pool use; null on SQLite (one connection, no pool). */
export function connectionPoolUse(): { total: number; idle: number; waiting: number } | null {
  return databasePoolStats(getDb());
}
