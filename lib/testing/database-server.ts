// The PostgreSQL server and the committed migrations, as the test databases use them (lib/testing/databases.ts) and
// the Vitest global setup that makes their templates (lib/testing/database-templates.ts), which must not load Vitest's
// test API.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type Engine = "sqlite" | "postgresql";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

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

/** The URL of a database on the test PostgreSQL server. */
export function postgresDatabaseUrl(name: string): string {
  const target = new URL(POSTGRES_ADMIN_URL);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Creates a SQLite file holding the committed schema. */
export function migrateSqliteFile(file: string): void {
  const sqlite = new Database(file);
  try {
    for (const sql of migrationScripts("sqlite")) sqlite.exec(sql);
  } finally {
    sqlite.close();
  }
}

/** Creates a PostgreSQL database holding the committed schema; returns its URL. */
export async function createMigratedPostgres(name: string): Promise<string> {
  await onServer(`CREATE DATABASE "${name}"`);
  const url = postgresDatabaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of migrationScripts("postgresql")) await client.query(sql);
  } finally {
    await client.end();
  }
  return url;
}

/** Puts an environment variable back as it was (assigning undefined would store the string "undefined"). */
export function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
