// Vitest global setup: each engine's committed migrations are applied once per run, to a template (a SQLite file and
// a PostgreSQL database), and every test database is a copy of it (lib/testing/databases.ts). Running the thirteen
// migrations for each of the ~60 PostgreSQL test databases took about a second each on CI's loaded two cores; a copy
// of the template takes a quarter of that. Nothing is shared between tests: each still gets its own database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createMigratedPostgres, migrateSqliteFile, onServer, postgresUnavailableReason } from "./database-server";

export interface DatabaseTemplates {
  /** A SQLite file holding the migrated schema, copied for each test database. */
  sqlite: string;
  /** A PostgreSQL database holding the migrated schema (nobody connects to it), or null without PostgreSQL. */
  postgresql: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-template-"));
  const sqlite = path.join(dir, "template.db");
  migrateSqliteFile(sqlite);

  let postgresql: string | null = null;
  if ((await postgresUnavailableReason()) === null) {
    postgresql = `breakingon_template_${randomBytes(6).toString("hex")}`;
    await createMigratedPostgres(postgresql);
  }
  project.provide("databaseTemplates", { sqlite, postgresql });

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgresql) await onServer(`DROP DATABASE IF EXISTS "${postgresql}" WITH (FORCE)`);
  };
}
