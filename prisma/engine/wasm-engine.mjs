// The Prisma schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the same driver
// adapters the app uses at run time. schema-engine.mjs wraps this in the native engine's command line and JSON-RPC.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** @typedef {import("@prisma/schema-engine-wasm").SchemaEngine} WasmSchemaEngine */
/** @typedef {import("@prisma/driver-adapter-utils").SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {{ url?: string, shadowDatabaseUrl?: string }} Datasource */
/** @typedef {{ kind: "sqlite", file: string } | { kind: "postgres", url: string, schema?: string }} Target */
/** A user-facing error in the shape the Prisma CLI prints (`error_code` + `message`, like the native engine). */
export class EngineError extends Error {
  /** @param {string} code @param {string} message @param {Record<string, unknown>} [meta] */
  constructor(code, message, meta = {}) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.meta = meta;
  }
}

/** @type {typeof import("@prisma/schema-engine-wasm") | undefined} */
let wasmModule;
let lastPanicMessage = "";

/** Loads the wasm engine once. Node 20 cannot `import` a .wasm file without a flag, so instantiate it by hand. */
export async function loadWasm() {
  if (wasmModule) return wasmModule;
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const bytes = fs.readFileSync(path.join(path.dirname(fileURLToPath(bgUrl)), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  // The engine's panic hook reports the Rust panic message here; otherwise a panic is only "unreachable".
  /** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (/** @type {string} */ message) => (lastPanicMessage = message),
  };
  wasmModule = bg;
  return bg;
}

/** The wasm engine's git hash, what `schema-engine --version` reports. */
export async function engineVersion() {
  return (await loadWasm()).version();
}

// Prisma-only URL options that node-postgres would not understand.
const PRISMA_ONLY_URL_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size"];

/**
 * Reads a datasource URL the way Prisma does: `file:` is SQLite (relative to `cwd`, which the CLI sets to the
 * project root), `postgres://`/`postgresql://` is PostgreSQL. Anything else is refused in words.
 * @param {string | undefined} url @param {string} cwd @returns {Target}
 */
export function parseTarget(url, cwd) {
  if (!url) throw new Error("No datasource URL was given (set datasource.url in prisma.config.ts).");
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).split("?")[0];
    const file = rest.startsWith("//") ? new URL(url).pathname : rest;
    return { kind: "sqlite", file: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    for (const key of PRISMA_ONLY_URL_PARAMS) parsed.searchParams.delete(key);
    return { kind: "postgres", url: parsed.toString(), schema };
  }
  throw new EngineError(
    "P1013",
    `The wasm schema engine supports only SQLite (file:) and PostgreSQL (postgresql://) URLs, got "${url.split(":")[0]}:".`,
  );
}

/**
 * The migrate-aware driver adapter factory the wasm engine connects through.
 * `hooks.migrationsTableMissing` is raised when the SQLite workaround below answered for a missing table;
 * `hooks.main` is the engine's SQLite connection (it holds an exclusive lock, so repairs must go through it).
 * @param {Target} target @param {{ shadowDatabaseUrl?: string, cwd: string }} options
 */
export async function createAdapterFactory(target, { shadowDatabaseUrl, cwd }) {
  /** @type {{ tolerateMissingMigrationsTable: boolean, migrationsTableMissing: boolean, main?: SqlDriverAdapter }} */
  const hooks = { tolerateMissingMigrationsTable: false, migrationsTableMissing: false };
  /** @type {Array<() => Promise<void>>} */
  const cleanups = [];
  /** @type {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} */
  let factory;
  if (target.kind === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    const main = new PrismaBetterSqlite3({ url: `file:${target.file}` });
    const shadowFile = shadowDatabaseUrl?.startsWith("file:") ? parseTarget(shadowDatabaseUrl, cwd) : undefined;
    if (shadowFile?.kind === "sqlite" && shadowFile.file === target.file) throw sameDatabaseError();
    // Default shadow database: a throwaway in-memory SQLite database, like the native engine.
    const shadowUrl = shadowFile?.kind === "sqlite" ? `file:${shadowFile.file}` : ":memory:";
    const shadow = new PrismaBetterSqlite3({ url: shadowUrl });
    /** @param {SqlDriverAdapter} adapter */
    const closeOnExit = (adapter) => {
      // Close the file when the shim exits, so SQLite removes its journal (the engine holds an exclusive lock).
      cleanups.push(() => adapter.dispose().catch(() => {}));
      return adapter;
    };
    factory = {
      provider: "sqlite",
      adapterName: main.adapterName,
      connect: async () => {
        hooks.main = closeOnExit(allowScripts(tolerateMissingMigrationsTable(await main.connect(), hooks)));
        return hooks.main;
      },
      connectToShadowDb: async () => closeOnExit(allowScripts(await shadow.connect())),
    };
  } else {
    factory = await postgresFactory(target, shadowDatabaseUrl, cleanups);
  }
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  return { factory: bindMigrationAwareSqlAdapterFactory(factory), hooks, cleanups };
}

/**
 * The wasm engine's SQLite connector only recognises "no such table: _prisma_migrations" from the native driver, so
 * with an adapter a fresh database fails status checks with P1014. While `hooks.tolerateMissingMigrationsTable` is
 * set, answer that one query with "no rows" and record that the table is missing (the native engine's view).
 * @param {SqlDriverAdapter} adapter
 * @param {{ tolerateMissingMigrationsTable: boolean, migrationsTableMissing: boolean }} hooks
 */
function tolerateMissingMigrationsTable(adapter, hooks) {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      const cause = /** @type {any} */ (error)?.cause;
      if (!hooks.tolerateMissingMigrationsTable || cause?.kind !== "TableDoesNotExist") throw error;
      if (!/\bFROM\s+[`"]?_prisma_migrations[`"]?\s/i.test(query.sql)) throw error;
      hooks.migrationsTableMissing = true;
      const columnNames = ["id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at"];
      columnNames.push("applied_steps_count");
      return { columnNames, columnTypes: columnNames.map(() => 7 /* Text */), rows: [] };
    }
  };
  return adapter;
}

/**
 * The engine replays each migration into the shadow database as one "raw" statement, which better-sqlite3 refuses
 * when the file holds several statements; run those as a script instead. @param {SqlDriverAdapter} adapter
 */
function allowScripts(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const message = String(/** @type {any} */ (error)?.message);
      if (query.args.length > 0 || !/more than one statement/.test(message)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

/**
 * PostgreSQL through @prisma/adapter-pg, with two repairs: catalog columns of type "char" are relabelled as text
 * (the adapter cannot decode them, the engine reads them when describing a schema), and the temporary shadow
 * database is really connected to (the stock connectToShadowDb(), given a connection string, creates the shadow
 * database but then connects to the main one: pg lets the URL's database override the `database` option).
 * @param {Extract<Target, { kind: "postgres" }>} target @param {string | undefined} shadowDatabaseUrl
 * @param {Array<() => Promise<void>>} cleanups
 */
async function postgresFactory(target, shadowDatabaseUrl, cleanups) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  /** @param {string} connectionString */
  const makePool = (connectionString) => {
    const pool = new pg.Pool({
      connectionString,
      max: 4,
      connectionTimeoutMillis: 10_000,
      ...(target.schema ? { options: `-c search_path="${target.schema.replaceAll('"', '""')}"` } : {}),
    });
    pool.on("connect", relabelCharColumns);
    // An idle client dropping (e.g. the server going away) must not crash the shim.
    pool.on("error", () => {});
    return pool;
  };
  /** @param {string} connectionString */
  const adapterFor = async (connectionString) => {
    const pool = makePool(connectionString);
    const adapter = await new PrismaPg(pool, { schema: target.schema }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await pool.end().catch(() => {});
    };
    return adapter;
  };
  return {
    provider: /** @type {const} */ ("postgres"),
    adapterName: "@prisma/adapter-pg",
    connect: () => adapterFor(target.url),
    connectToShadowDb: async () => {
      if (shadowDatabaseUrl) {
        const shadow = await adapterFor(parseTargetOrThrowPg(shadowDatabaseUrl));
        // The shadow database is wiped below: make sure it is not the main one under another name (localhost…).
        const main = await adapterFor(target.url);
        const ids = await Promise.all([databaseIdentity(main), databaseIdentity(shadow)]).finally(() => main.dispose());
        const [mainId, shadowId] = ids;
        if (mainId === shadowId) {
          await shadow.dispose();
          throw sameDatabaseError();
        }
        // The native engine empties a configured shadow database before replaying migrations into it.
        const schema = `"${(target.schema ?? "public").replaceAll('"', '""')}"`;
        await shadow.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
        return shadow;
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = await adapterFor(target.url);
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      let dropped = false;
      const drop = async () => {
        if (dropped) return;
        dropped = true;
        // WITH (FORCE) (PostgreSQL 13+) also ends sessions the engine left open; older servers take the plain form.
        await admin
          .executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
          .catch(() => admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`))
          .catch(() => {});
        await admin.dispose().catch(() => {});
      };
      // Also drop it when the shim exits, in case the engine never disposes the shadow connection.
      cleanups.push(drop);
      const shadowUrl = new URL(target.url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await adapterFor(shadowUrl.toString());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await drop();
      };
      return shadow;
    },
  };
}

/** Which server instance and database a connection reaches, whatever the URL. @param {SqlDriverAdapter} adapter */
async function databaseIdentity(adapter) {
  const { rows } = await adapter.queryRaw({
    sql:
      "SELECT pg_postmaster_start_time()::text || '/' || " +
      "(SELECT oid::text FROM pg_database WHERE datname = current_database())",
    args: [],
    argTypes: [],
  });
  return String(rows[0][0]);
}

function sameDatabaseError() {
  return new EngineError(
    "P3014",
    "The shadow database you configured appears to be the same as the main database. " +
      "Please specify another shadow database.",
  );
}

/** @param {string} url */
function parseTargetOrThrowPg(url) {
  const target = parseTarget(url, process.cwd());
  if (target.kind !== "postgres") throw new EngineError("P1013", "shadowDatabaseUrl must be a PostgreSQL URL too.");
  return target.url;
}

/** Make a pg client report "char" (oid 18) and "char"[] (1002) columns as text/text[], which the adapter decodes. */
function relabelCharColumns(/** @type {any} */ client) {
  /** @param {any} result */
  const relabel = (result) => {
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === 18) field.dataTypeID = 25;
      else if (field.dataTypeID === 1002) field.dataTypeID = 1009;
    }
    return result;
  };
  const query = client.query;
  client.query = function (/** @type {any[]} */ ...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (/** @type {unknown} */ error, /** @type {unknown} */ result) =>
        callback(error, error ? result : relabel(result));
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    return typeof result?.then === "function" ? result.then(relabel) : result;
  };
}

/**
 * Opens the wasm engine on a datasource. Connects immediately (as the engine does), so connection problems surface
 * here as EngineErrors with the native P1xxx codes.
 * @param {{ datasource: Datasource, datamodels?: Array<[string, string]>, cwd?: string, log?: (line: string) => void }}
 *   options
 */
export async function openEngine({ datasource, datamodels, cwd = process.cwd(), log = () => {} }) {
  const target = parseTarget(datasource.url, cwd);
  const wasm = await loadWasm();
  const { factory, hooks, cleanups } = await createAdapterFactory(target, {
    shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    cwd,
  });
  /** @type {WasmSchemaEngine} */
  let engine;
  try {
    engine = await wasm.SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, log, factory);
  } catch (error) {
    throw toEngineError(error, factory, target);
  }
  const close = async () => {
    try {
      engine.free();
    } catch {
      // Already freed, or the instance is poisoned by a panic: nothing left to release.
    }
    for (const cleanup of cleanups.splice(0)) await cleanup();
  };
  return { engine, factory, hooks, target, close };
}

/**
 * Turns whatever the wasm engine threw into an EngineError (known P-code) or a plain Error with a readable message.
 * Driver failures arrive as "External error id#N"; the adapter factory's registry holds the original error.
 * @param {unknown} error
 * @param {{ errorRegistry?: { consumeError(id: number): { error: unknown } | undefined } }} [factory]
 * @param {Target} [target]
 */
export function toEngineError(error, factory, target) {
  if (error instanceof EngineError) return error;
  const err = /** @type {any} */ (error);
  if (err instanceof WebAssembly.RuntimeError) {
    const panic = new Error(lastPanicMessage || String(err.message));
    /** @type {any} */ (panic).isPanic = true;
    return panic;
  }
  let message = String(err?.message ?? err);
  // Driver failures show as "External error id#N"; put the driver's own message in their place.
  message = message.replace(/External error id#(\d+)/g, (text, id) => {
    const original = factory?.errorRegistry?.consumeError(Number(id))?.error;
    return (original ? describeDriverError(original, target) : undefined) ?? text;
  });
  if (typeof err?.code === "string" && /^P\d{4}$/.test(err.code)) {
    return new EngineError(err.code, message, err.meta ?? {});
  }
  const known = [
    [/^Can't reach database server/, "P1001"],
    [/^Authentication failed/, "P1000"],
    [/^Database `[^`]*` does not exist/, "P1003"],
    [/was denied access/, "P1010"],
    [/^Error opening a TLS connection/, "P1011"],
    [/^Timed out/, "P1008"],
  ];
  if (target?.kind === "postgres") {
    // The adapter does not know who is connecting to what; the URL does.
    const { database } = serverOf(target.url);
    const user = decodeURIComponent(new URL(target.url).username || "postgres");
    message = message
      .replace("`(not available)`", `\`${database}\``)
      .replace(/^User was denied/, `User \`${user}\` was denied`);
  }
  for (const [pattern, code] of /** @type {Array<[RegExp, string]>} */ (known)) {
    if (pattern.test(message)) return new EngineError(code, message.trim());
  }
  return new Error(message.trim());
}

/** @param {unknown} error @param {Target} [target] @returns {string | undefined} */
function describeDriverError(error, target) {
  const err = /** @type {any} */ (error);
  const cause = err?.cause?.kind ? err.cause : err;
  const cannotOpen = /unable to open database file|directory does not exist/i.test(String(err?.message));
  if (target?.kind === "sqlite" && cannotOpen) {
    return `Can't open the SQLite database at \`${target.file}\`: ${err.message}`;
  }
  if (cause?.kind === "sqlite" || cause?.kind === "postgres") return String(cause.message);
  if (err?.message) return String(err.message);
  return undefined;
}

/** Where is the PostgreSQL server, for P1001-style messages. @param {string} url */
export function serverOf(url) {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  return { host: parsed.hostname || "localhost", port: parsed.port || "5432", database };
}

/**
 * Empties an SQLite database. The wasm engine's SQLite reset only deletes the rows, while `migrate reset` and
 * `db push --force-reset` need the tables gone too, as the native engine does. @param {SqlDriverAdapter} adapter
 */
export async function resetSqlite(adapter) {
  const { rows } = await adapter.queryRaw({
    sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
    args: [],
    argTypes: [],
  });
  const drops = rows.map(([type, name]) => {
    return `DROP ${type === "view" ? "VIEW" : "TABLE"} IF EXISTS "${String(name).replaceAll('"', '""')}";`;
  });
  await adapter.executeScript(`PRAGMA foreign_keys = OFF;\n${drops.join("\n")}\nPRAGMA foreign_keys = ON;\nVACUUM;`);
}
