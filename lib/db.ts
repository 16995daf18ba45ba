// The one door to the database: the only module that imports the generated Prisma clients. Only lib/dal/**, the
// seed and tests import this file (an ESLint rule keeps it so).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { resolveDatabaseUrl, type DatabaseTarget } from "./database-url";

// Both clients come from the same models (prisma/models.prisma), so one type describes either.
export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client";
export { ArticleStatus, NoteKind, Role } from "./generated/sqlite/enums";

const SQLITE_BUSY_TIMEOUT_MS = 5000;
const pools = new WeakMap<Db, pg.Pool>();

/** Builds a Prisma client for a database URL, choosing the driver adapter from the URL's scheme. */
export function createDb(url?: string): Db {
  const target: DatabaseTarget = resolveDatabaseUrl(url);
  if (target.engine === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    // WAL lets readers carry on while a writer commits; it is a property of the file, so setting it once sticks.
    const setup = new Database(target.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    setup.pragma("journal_mode = WAL");
    setup.close();
    const adapter = new PrismaBetterSqlite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return new SqliteClient({ adapter });
  }
  // No JIT compilation: every query here is short and indexed, and a plan whose row estimates are off (a queue table
  // just emptied, statistics not yet refreshed by autovacuum) spent 130–270 ms compiling a 3 ms query.
  // Our own pool (closed with the client), so its use can be reported (/api/metrics: databasePoolStats).
  const pool = new pg.Pool({ connectionString: target.url, options: "-c jit=off" });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PostgresClient({ adapter }) as unknown as Db;
  pools.set(db, pool);
  return db;
}

/** Connections in a PostgreSQL client's pool (open, idle, queries waiting for one); null on SQLite. */
export function databasePoolStats(db: Db): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

const globalForDb = globalThis as unknown as { breakingOnDb?: { url: string | undefined; db: Db } };

/** The process-wide client for DATABASE_URL, kept across hot reloads in development (and rebuilt if the URL changes). */
export class BuildReadsNoDatabaseError extends Error {
  override name = "BuildReadsNoDatabaseError";
  constructor() {
    super("The build reads no database: a page or route that needs data must be rendered on request (see next.config.ts).");
  }
}

export function getDb(): Db {
  // One build serves any database (and is made where there is none), so reaching for it while building is a bug.
  if (process.env.NEXT_PHASE === "phase-production-build") throw new BuildReadsNoDatabaseError();
  const url = process.env.DATABASE_URL;
  let cached = globalForDb.breakingOnDb;
  if (!cached || cached.url !== url) cached = globalForDb.breakingOnDb = { url, db: createDb(url) };
  return cached.db;
}
