// Integration tests run against both engines from the same file: a fresh SQLite file and a fresh PostgreSQL
// database per suite, each built from that engine's committed migrations. Without a reachable PostgreSQL the
// PostgreSQL runs are skipped with a printed reason (REQUIRE_POSTGRES=1, as CI sets, turns that into a failure).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db } from "../db";
import { createMigratedPostgres, migrateSqliteFile, onServer, postgresDatabaseUrl, postgresUnavailableReason, restoreEnv, type Engine } from "./database-server";

export { migrationScripts, onServer, POSTGRES_ADMIN_URL, postgresUnavailableReason, restoreEnv, type Engine } from "./database-server";

export const ENGINES: Engine[] = ["sqlite", "postgresql"];

export interface TestDatabase {
  engine: Engine;
  url: string;
  db: Db;
  drop(): Promise<void>;
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

/** The run's migrated templates, where Vitest's global setup made them (not when a file runs outside `vitest run`). */
function templates() {
  try {
    return inject("databaseTemplates");
  } catch {
    return undefined;
  }
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "breakingon-test-"));
    const file = path.join(dir, "test.db");
    // A copy of the run's migrated template (lib/testing/database-templates.ts), or the migrations run here.
    const template = templates()?.sqlite;
    if (template) copyFileSync(template, file);
    else migrateSqliteFile(file);
    return opened(engine, `file:${file}`, async () => rmSync(dir, { recursive: true, force: true }));
  }
  const name = `breakingon_test_${randomBytes(6).toString("hex")}`;
  const template = templates()?.postgresql;
  let url: string;
  if (template) {
    await onServer(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    url = postgresDatabaseUrl(name);
  } else url = await createMigratedPostgres(name);
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
        restoreEnv("DATABASE_URL", previousUrl);
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error("test database not ready");
        return current;
      });
    });
  }
}
