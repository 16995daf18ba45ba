// Either end of a move, spoken to with its driver directly (better-sqlite3, pg) like the backup does: copying a
// whole database table by table is not what the data layer's door is for. Both ends answer the same few questions
// (which tables, columns, keys and references; rows after a key; run a statement in a transaction).
import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { libpqUrl } from "@/lib/ops/backup/database";
import { redact } from "@/lib/ops/backup/tools";
import { searchExternalTables } from "@/lib/search/database-objects";
import { MoveError, postgresKind, sqliteKind, type Engine, type Kind } from "./values";

/** The move's own bookkeeping table in the target (removed when the move finishes). */
export const STATE_TABLE = "_breakingon_move";
const MIGRATIONS_TABLE = "_prisma_migrations";

export interface ColumnInfo {
  name: string;
  kind: Kind;
  nullable: boolean;
}

export interface TableInfo {
  name: string;
  /** Stored (not generated) columns, by name. */
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Foreign keys: this table's columns and the table they point at. */
  references: { columns: string[]; table: string }[];
}

export type Value = unknown;

export interface Endpoint {
  engine: Engine;
  /** For messages: the file, or the server and database (no password). */
  shown: string;
  /** Placeholder for the i-th parameter (from 1). */
  ph(i: number): string;
  /** Rows as arrays, values as the driver returns them (integers as bigint on SQLite, most types as text on PostgreSQL). */
  all(sql: string, params?: Value[]): Promise<Value[][]>;
  run(sql: string, params?: Value[]): Promise<void>;
  transaction<T>(body: () => Promise<T>): Promise<T>;
  /** The content tables: neither the migrations table, nor the search index's, nor this tool's. */
  tables(): Promise<TableInfo[]>;
  /** Names of every table, the excluded ones included. */
  allTableNames(): Promise<string[]>;
  /** Applied migrations (finished, not rolled back); null when there is no migrations table. */
  migrations(): Promise<string[] | null>;
  close(): Promise<void>;
}

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function excluded(engine: Engine, url: string): Set<string> {
  const target = engine === "sqlite" ? ({ engine, url, file: "" } as const) : ({ engine, url } as const);
  return new Set([MIGRATIONS_TABLE, STATE_TABLE, ...searchExternalTables(target).map((name) => name.split(".").pop()!)]);
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

export function sqliteExists(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

export function openSqlite(file: string, url: string, options: { readonly: boolean }): Endpoint {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly, fileMustExist: options.readonly, timeout: 5000 });
    db.prepare("select count(*) from sqlite_master").get();
  } catch (error) {
    throw new MoveError(`cannot open the SQLite database ${file} (${(error as Error).message})`);
  }
  if (!options.readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
  }
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const skip = excluded("sqlite", url);
  const names = () => (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]).map((r) => r.name);
  return {
    engine: "sqlite",
    shown: file,
    ph: () => "?",
    async all(sql, params = []) {
      return prepare(sql).raw(true).safeIntegers(true).all(...(params as unknown[])) as Value[][];
    },
    async run(sql, params = []) {
      if (params.length === 0 && !sql.trim().toLowerCase().startsWith("insert")) db.exec(sql);
      else prepare(sql).run(...(params as unknown[]));
    },
    async transaction(body) {
      db.exec("begin immediate");
      try {
        const result = await body();
        db.exec("commit");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("rollback");
        throw error;
      }
    },
    async allTableNames() {
      return names();
    },
    async tables() {
      const virtual = new Set((db.prepare(`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL%'`).all() as { name: string }[]).map((r) => r.name));
      return names()
        .filter((name) => !skip.has(name) && !virtual.has(name))
        .map((name) => {
          const info = db.prepare(`select name, type, "notnull" as nn, pk, hidden from pragma_table_xinfo(?)`).all(name) as { name: string; type: string; nn: number; pk: number; hidden: number }[];
          const stored = info.filter((c) => c.hidden === 0);
          const fks = db.prepare(`select id, "table", "from" from pragma_foreign_key_list(?) order by id, seq`).all(name) as { id: number; table: string; from: string }[];
          const grouped = new Map<number, { columns: string[]; table: string }>();
          for (const fk of fks) {
            const entry = grouped.get(fk.id) ?? { columns: [], table: fk.table };
            entry.columns.push(fk.from);
            grouped.set(fk.id, entry);
          }
          return {
            name,
            columns: stored.map((c) => ({ name: c.name, kind: sqliteKind(c.type), nullable: c.nn === 0 && c.pk === 0 })),
            primaryKey: stored.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
            references: [...grouped.values()],
          };
        });
    },
    async migrations() {
      if (!names().includes(MIGRATIONS_TABLE)) return null;
      return (db.prepare(`select migration_name as name from ${MIGRATIONS_TABLE} where finished_at is not null and rolled_back_at is null order by migration_name`).all() as { name: string }[]).map((r) => r.name);
    },
    async close() {
      db.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

// Dates, 64-bit integers, numerics and JSON come back as the server's text: no local-time reading of a UTC
// timestamp, no precision lost, and JSON as stored.
const AS_TEXT = new Set([20, 114, 1082, 1114, 1184, 1700, 3802]);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    AS_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function postgresShown(url: string): string {
  const parsed = new URL(url);
  return redact(`${parsed.hostname}:${parsed.port || 5432}/${decodeURIComponent(parsed.pathname.slice(1))}`);
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Connects to the database at `url`. One that does not exist is created first when `create` is set (as createdb
 * would), and otherwise answered with null.
 */
export async function openPostgres(url: string, options: { create: boolean; onCreate?: () => void }): Promise<Endpoint | null> {
  const schema = new URL(url).searchParams.get("schema") || "public";
  const connect = async () => {
    const client = new pg.Client({ connectionString: libpqUrl(url), connectionTimeoutMillis: 10_000, types });
    client.on("error", () => {});
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  };
  let client: pg.Client;
  try {
    client = await connect();
  } catch (error) {
    const missing = (error as { code?: string }).code === "3D000";
    if (missing && !options.create) return null;
    if (!missing) {
      throw new MoveError(`cannot reach the PostgreSQL database ${postgresShown(url)} (${reason(error)})`);
    }
    const server = new URL(libpqUrl(url));
    server.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 10_000 });
    try {
      await admin.connect();
      await admin.query(`create database ${q(decodeURIComponent(new URL(url).pathname.slice(1)))}`);
    } catch (createError) {
      throw new MoveError(`the PostgreSQL database ${postgresShown(url)} does not exist and could not be created (${reason(createError)}); create it (createdb) and run again`);
    } finally {
      await admin.end().catch(() => {});
    }
    options.onCreate?.();
    client = await connect();
  }
  await client.query(`set search_path to ${q(schema)}`);
  const skip = excluded("postgresql", url);
  const names = async () =>
    (await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1`, [schema])).rows.map((r) => r.name);
  return {
    engine: "postgresql",
    shown: postgresShown(url),
    ph: (i) => `$${i}`,
    async all(sql, params = []) {
      return (await client.query({ text: sql, values: params as unknown[], rowMode: "array" })).rows as Value[][];
    },
    async run(sql, params = []) {
      await client.query(sql, params as unknown[]);
    },
    async transaction(body) {
      await client.query("begin");
      try {
        const result = await body();
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
    },
    allTableNames: names,
    async tables() {
      const tables = (await names()).filter((name) => !skip.has(name));
      const columns = await client.query<{ table: string; name: string; type: string; nullable: string; generated: string }>(
        `select table_name as "table", column_name as name, data_type as type, is_nullable as nullable, is_generated as generated
         from information_schema.columns where table_schema = $1 order by ordinal_position`,
        [schema],
      );
      const keys = await client.query<{ table: string; columns: string[] }>(
        `select c.relname as "table", array_agg(a.attname::text order by k.ord) as columns
         from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
         cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where i.indisprimary and n.nspname = $1 group by c.relname`,
        [schema],
      );
      const fks = await client.query<{ table: string; target: string; columns: string[] }>(
        `select c.relname as "table", t.relname as target, array_agg(a.attname::text order by k.ord) as columns
         from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class t on t.oid = f.confrelid
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral unnest(f.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
         where f.contype = 'f' and n.nspname = $1 group by f.oid, c.relname, t.relname`,
        [schema],
      );
      return tables.map((name) => ({
        name,
        columns: columns.rows
          .filter((c) => c.table === name && c.generated !== "ALWAYS")
          .map((c) => ({ name: c.name, kind: postgresKind(c.type), nullable: c.nullable === "YES" })),
        primaryKey: keys.rows.find((k) => k.table === name)?.columns ?? [],
        references: fks.rows.filter((f) => f.table === name).map((f) => ({ columns: f.columns, table: f.target })),
      }));
    },
    async migrations() {
      if (!(await names()).includes(MIGRATIONS_TABLE)) return null;
      return (await client.query<{ name: string }>(`select migration_name as name from ${MIGRATIONS_TABLE} where finished_at is not null and rolled_back_at is null order by migration_name`)).rows.map((r) => r.name);
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
