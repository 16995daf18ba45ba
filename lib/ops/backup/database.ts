// The database half of a backup, per engine, taken while the site keeps serving and saving:
// - SQLite: the online backup API (better-sqlite3's backup()), copied in one step so the copy is one consistent
//   read of the file; WAL mode lets writers carry on meanwhile.
// - PostgreSQL: pg_dump in custom format inside a snapshot this module exports (REPEATABLE READ), so the dump, the
//   counts and the list of media files in the manifest all describe the same moment.
// Like the release step (scripts/lib/prepare.ts) this talks to the database with the drivers directly: it copies
// whole databases, which is not what the data layer's door is for.
import { existsSync } from "node:fs";
import { copyFile, rename, rm, stat } from "node:fs/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { BackupError } from "./manifest";
import { runTool } from "./tools";

export interface DatabaseContents {
  /** Applied migrations (finished, not rolled back), oldest first. */
  migrations: string[];
  /** Rows per table (the migrations table aside). */
  counts: Record<string, number>;
  /** Every stored image: its storage key and the renditions recorded for it. */
  media: { storageKey: string; variants: unknown }[];
}

type Query = <T>(sql: string) => Promise<T[]>;

async function readContents(query: Query, tables: string[]): Promise<DatabaseContents> {
  const counts: Record<string, number> = {};
  for (const table of tables.filter((t) => t !== "_prisma_migrations").sort()) {
    const [row] = await query<{ n: number | string }>(`select count(*) as n from "${table.replace(/"/g, '""')}"`);
    counts[table] = Number(row.n);
  }
  const migrations = tables.includes("_prisma_migrations")
    ? (await query<{ migration_name: string }>(`select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null order by migration_name`)).map((r) => r.migration_name)
    : [];
  const media = tables.includes("Media") ? await query<{ storageKey: string; variants: unknown }>(`select "storageKey", "variants" from "Media" order by "storageKey"`) : [];
  return { migrations, counts, media: media.map((m) => ({ storageKey: m.storageKey, variants: typeof m.variants === "string" ? safeJson(m.variants) : m.variants })) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Copies the SQLite database at `file` to `out` with the online backup API and describes the copy. */
export async function snapshotSqlite(file: string, out: string): Promise<DatabaseContents> {
  if (!existsSync(file)) throw new BackupError(`there is no database at ${file} to back up`);
  const source = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    // One step for every page: the copy is a single read transaction, so a write between steps cannot restart it.
    await source.backup(out, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  return readSqliteCopy(out);
}

async function readSqliteCopy(file: string): Promise<DatabaseContents> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
    return await readContents(async <T>(sql: string) => db.prepare(sql).all() as T[], tables);
  } finally {
    db.close();
  }
}

/** libpq accepts fewer URL parameters than Prisma's URLs may carry (schema, connection_limit…): keep only its own. */
export function libpqUrl(url: string): string {
  const parsed = new URL(url);
  const libpq = new Set(["sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "application_name", "options", "connect_timeout", "target_session_attrs", "host", "port", "user", "password"]);
  for (const key of [...parsed.searchParams.keys()]) if (!libpq.has(key)) parsed.searchParams.delete(key);
  return parsed.toString();
}

async function postgresTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  return rows.map((r) => r.name);
}

/** Dumps the PostgreSQL database at `url` to `out` (pg_dump custom format) and describes the same snapshot. */
export async function snapshotPostgres(url: string, out: string): Promise<DatabaseContents> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect().catch((error: Error) => {
    throw new BackupError(`cannot reach the PostgreSQL database (${(error as NodeJS.ErrnoException).code ?? error.message})`);
  });
  try {
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ snapshot: string }>("select pg_export_snapshot() as snapshot");
    const dump = runTool("pg_dump", ["--format=custom", "--compress=0", `--snapshot=${rows[0].snapshot}`, `--file=${out}`, `--dbname=${libpqUrl(url)}`], "pg_dump");
    const contents = readContents(async <T>(sql: string) => (await client.query(sql)).rows as T[], await postgresTables(client));
    // Both must finish before the snapshot's transaction ends; a failure of either fails the backup.
    const [, described] = await Promise.all([dump, contents]);
    await client.query("commit");
    return described;
  } finally {
    await client.end().catch(() => {});
  }
}

/** What a restore would overwrite: a short description, or null when the target is empty. */
export async function sqliteTargetContents(file: string): Promise<string | null> {
  if (!existsSync(file) || (await stat(file)).size === 0) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number };
    if (tables.n === 0) return null;
    const stories = db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'Article'`).get() as { n: number };
    const count = stories.n ? (db.prepare(`select count(*) as n from "Article"`).get() as { n: number }).n : 0;
    return `${file} already holds a database (${tables.n} tables, ${count} stories)`;
  } finally {
    db.close();
  }
}

/** Puts the SQLite copy at `snapshot` in place of `file` (removing what was there, with its WAL files). */
export async function restoreSqlite(snapshot: string, file: string): Promise<void> {
  const incoming = `${file}.restoring`;
  await copyFile(snapshot, incoming);
  for (const leftover of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) await rm(leftover, { force: true });
  await rename(incoming, file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

async function connectOrCreate(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    if ((error as { code?: string }).code !== "3D000") throw new BackupError(`cannot reach the PostgreSQL database (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // The database does not exist yet: make it, the way an operator would with createdb.
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end().catch(() => {});
  }
  const created = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await created.connect();
  return created;
}

export async function postgresTargetContents(url: string): Promise<string | null> {
  const client = await connectOrCreate(url);
  try {
    const tables = await postgresTables(client);
    if (tables.length === 0) return null;
    const stories = tables.includes("Article") ? Number((await client.query<{ n: string }>(`select count(*) as n from "Article"`)).rows[0].n) : 0;
    return `the database ${new URL(url).pathname.slice(1)} already holds ${tables.length} tables (${stories} stories)`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Loads a pg_dump custom-format file into the database at `url`; `replace` first empties its public schema. */
export async function restorePostgres(dump: string, url: string, replace: boolean): Promise<void> {
  const client = await connectOrCreate(url);
  try {
    if (replace) await client.query(`drop schema public cascade; create schema public`);
  } finally {
    await client.end().catch(() => {});
  }
  // One transaction: a restore that fails part way leaves the (empty) target as it was.
  await runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${libpqUrl(url)}`, dump], "pg_restore");
}

/** Counts of the restored database, to compare with the manifest's. */
export async function restoredCounts(engine: "sqlite" | "postgresql", target: string): Promise<Record<string, number>> {
  if (engine === "sqlite") return (await readSqliteCopy(target)).counts;
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await readContents(async <T>(sql: string) => (await client.query(sql)).rows as T[], await postgresTables(client))).counts;
  } finally {
    await client.end().catch(() => {});
  }
}
