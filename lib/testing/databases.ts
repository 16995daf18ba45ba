// Integration tests run against both engines from the same file: a fresh SQLite file and a fresh PostgreSQL
// database per suite, each built from that engine's committed migrations. Without a reachable PostgreSQL the
// PostgreSQL runs are skipped with a printed reason (REQUIRE_POSTGRES=1, as CI sets, turns that into a failure).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDb, type Db } from "../db";

export type Engine = "sqlite" | "postgresql";
export const ENGINES: Engine[] = ["sqlite", "postgresql"];

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  engine: Engine;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export function migrationScripts(engine: Engine): string[] {
  const dir = path.join(process.cwd(), "prisma", engine, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export async function postgresUnavailableReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `no PostgreSQL at ${new URL(POSTGRES_ADMIN_URL).host} (${(error as Error).message || (error as NodeJS.ErrnoException).code})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs one statement on the PostgreSQL server (the admin database unless another URL is given): CREATE/DROP DATABASE. */
export async function onServer(sql: string, url = POSTGRES_ADMIN_URL): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function opened(engine: Engine, url: string, removeStore: () => Promise<void>): TestDatabase {
  const db = createDb(url);
  return {
    engine,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await removeStore();
    },
  };
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "breakingon-test-"));
    const file = path.join(dir, "test.db");
    const sqlite = new Database(file);
    for (const sql of migrationScripts("sqlite")) sqlite.exec(sql);
    sqlite.close();
    return opened(engine, `file:${file}`, async () => rmSync(dir, { recursive: true, force: true }));
  }
  const name = `breakingon_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const target = new URL(POSTGRES_ADMIN_URL);
  target.pathname = `/${name}`;
  const url = target.toString();
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  for (const sql of migrationScripts("postgresql")) await setup.query(sql);
  await setup.end();
  return opened(engine, url, () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const postgresReason = await postgresUnavailableReason();
if (postgresReason && process.env.REQUIRE_POSTGRES === "1") {
  throw new Error(`REQUIRE_POSTGRES=1 but ${postgresReason}. Start PostgreSQL or set TEST_POSTGRES_URL.`);
}

/**
 * Declares the suite once per engine. The callback gets a getter for that engine's fresh database, which is also
 * made the process's DATABASE_URL so the data layer (lib/dal) talks to it.
 */
export function describeEachEngine(title: string, body: (database: () => TestDatabase) => void, engines: readonly Engine[] = ENGINES): void {
  for (const engine of engines) {
    const skipReason = engine === "postgresql" ? postgresReason : null;
    if (skipReason) console.warn(`[skipped] "${title}" on PostgreSQL: ${skipReason}`);
    describe.skipIf(skipReason !== null)(`${title} [${engine}]`, () => {
      let current: TestDatabase | undefined;
      const previousUrl = process.env.DATABASE_URL;
      beforeAll(async () => {
        current = await createTestDatabase(engine);
        process.env.DATABASE_URL = current.url;
      });
      afterAll(async () => {
        process.env.DATABASE_URL = previousUrl;
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error("test database not ready");
        return current;
      });
    });
  }
}
