#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it (offline installs).
// The Prisma CLI runs it when PRISMA_SCHEMA_ENGINE_BINARY points here (see index.mjs), exactly as it would run the
// native binary:
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database | create-database
//   schema-engine --datamodels <schema.prisma>… --datasource '{"url":…,"shadowDatabaseUrl":…}'   (JSON-RPC on stdio)
// Every request is served by @prisma/schema-engine-wasm over the app's driver adapters (wasm-engine.mjs).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import {
  EngineError,
  engineVersion,
  openEngine,
  parseTarget,
  resetSqlite,
  serverOf,
  toEngineError,
} from "./wasm-engine.mjs";

/** @typedef {{ url?: string, shadowDatabaseUrl?: string }} Datasource */

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource: Datasource, version: boolean, cli?: string }} */
  const args = { datamodels: [], datasource: {}, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // Not used by the wasm engine.
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

/** One JSON log line on stderr, in the native engine's format (the CLI parses these). */
function logLine(/** @type {string} */ level, /** @type {Record<string, unknown>} */ fields) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" });
}

// ---------------------------------------------------------------------------------------------------------------
// `cli <command>`: used by the CLI to check that the database exists and create it before migrating.

/** @param {string} command @param {Datasource} datasource */
async function runCliCommand(command, datasource) {
  const cwd = process.cwd();
  if (command === "can-connect-to-database") {
    const target = parseTarget(datasource.url, cwd);
    if (target.kind === "sqlite" && !fs.existsSync(target.file)) {
      const name = path.basename(target.file);
      throw new EngineError("P1003", `Database ${name} does not exist at ${target.file}`, {
        database_file_name: name,
        database_file_path: target.file,
      });
    }
    const { engine, factory, target: opened, close } = await openEngine({ datasource, cwd });
    try {
      await engine.ensureConnectionValidity({ datasource: { tag: "ConnectionString", url: String(datasource.url) } });
    } catch (error) {
      throw toEngineError(error, factory, opened);
    } finally {
      await close();
    }
    return;
  }
  if (command === "create-database") {
    await createDatabase(datasource);
    return;
  }
  throw new Error(`Unsupported schema-engine cli command: ${command}`);
}

/** Creates the database the datasource names (SQLite file or PostgreSQL database). @param {Datasource} datasource */
async function createDatabase(datasource) {
  const target = parseTarget(datasource.url, process.cwd());
  if (target.kind === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const { default: Database } = await import("better-sqlite3");
    new Database(target.file).close();
    return { databaseName: path.basename(target.file) };
  }
  const { default: pg } = await import("pg");
  const { host, port, database } = serverOf(target.url);
  // Connect to the server's maintenance database to create the one that is missing.
  const adminUrl = new URL(target.url);
  adminUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    const err = /** @type {any} */ (error);
    if (err?.code === "42P04") return { databaseName: database }; // Already exists.
    if (err?.code === "ECONNREFUSED" || err?.code === "ENOTFOUND" || err?.code === "ETIMEDOUT") {
      const server = `\`${host}:${port}\``;
      throw new EngineError(
        "P1001",
        `Can't reach database server at ${server}\n\nPlease make sure your database server is running at ${server}.`,
      );
    }
    throw new Error(`Could not create the database \`${database}\` on \`${host}:${port}\`: ${err?.message ?? err}`);
  } finally {
    await client.end().catch(() => {});
  }
  return { databaseName: database };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-RPC 2.0 over stdio: one request per line in, one response per line out.

const FIRST_TIME_MIGRATION_MESSAGE =
  "\nIf you are running this the first time on an existing database, please make sure to read this documentation page:\n" +
  "https://www.prisma.io/docs/guides/database/developing-with-prisma-migrate/troubleshooting-development\n";

/** Serves the JSON-RPC methods of the native engine (the ones the Prisma CLI calls) with the wasm engine. */
class RpcServer {
  /**
   * @param {{ datasource: Datasource, datamodels: Array<[string, string]>, send: (message: object) => void }} options
   */
  constructor({ datasource, datamodels, send }) {
    this.datasource = datasource;
    this.datamodels = datamodels;
    this.send = send;
    /** @type {Awaited<ReturnType<typeof openEngine>> | undefined} */
    this.opened = undefined;
    this.printId = 0;
    /** @type {Array<Awaited<ReturnType<typeof openEngine>>>} */
    this.extraEngines = [];
  }

  /** The engine on the configured datasource, connected on first use (like the native engine). */
  async main() {
    this.opened ??= await openEngine({
      datasource: this.datasource,
      datamodels: this.datamodels,
      log: (line) => forwardLog(line),
    });
    return this.opened;
  }

  /** An engine on another URL (db execute / connection checks can name one). @param {string | undefined} url */
  async engineFor(url) {
    if (!url || url === this.datasource.url) return (await this.main()).engine;
    const opened = await openEngine({ datasource: { url } });
    this.extraEngines.push(opened);
    return opened.engine;
  }

  /**
   * Runs `fn` on the main engine; if the wasm engine asks for a shadow database it has no cached schema for
   * (createMigration and evaluateDataLoss only read a cache that devDiagnostic fills), fill it and retry.
   * @template T @param {(engine: import("./wasm-engine.mjs").WasmSchemaEngine) => Promise<T>} fn
   * @param {{ migrationsList: any, filters: any }} params
   */
  async withShadowSchema(fn, { migrationsList, filters }) {
    const { engine } = await this.main();
    try {
      return await fn(engine);
    } catch (error) {
      const message = String(/** @type {any} */ (error)?.message);
      if (!/shadow DB must be provided through an external factory/.test(message)) throw error;
      await this.tolerant(() => engine.devDiagnostic({ migrationsList, filters }));
      return await fn(engine);
    }
  }

  /**
   * Runs a history check with the SQLite "missing _prisma_migrations" workaround on, and reports whether the table
   * was missing. @template T @param {() => Promise<T>} fn
   */
  async tolerant(fn) {
    const { hooks } = await this.main();
    hooks.tolerateMissingMigrationsTable = true;
    hooks.migrationsTableMissing = false;
    try {
      return { result: await fn(), missing: hooks.migrationsTableMissing };
    } finally {
      hooks.tolerateMissingMigrationsTable = false;
    }
  }

  /** @param {string} method @param {any} params @returns {Promise<unknown>} */
  async call(method, params = {}) {
    const main = () => this.main().then((opened) => opened.engine);
    switch (method) {
      case "applyMigrations":
        return this.applyMigrations(params);
      case "createMigration":
        return this.withShadowSchema((engine) => engine.createMigration(params), params);
      case "evaluateDataLoss":
        return this.withShadowSchema((engine) => engine.evaluateDataLoss(params), params);
      case "diagnoseMigrationHistory": {
        const engine = await main();
        const { result, missing } = await this.tolerant(() => engine.diagnoseMigrationHistory(params));
        return missing ? { ...result, hasMigrationsTable: false } : result;
      }
      case "devDiagnostic": {
        const engine = await main();
        const { result, missing } = await this.tolerant(() => engine.devDiagnostic(params));
        const action = /** @type {any} */ (result).action;
        // Same wording as the native engine when it finds drift on a database without a migrations table.
        if (missing && action?.tag === "reset" && action.reason.startsWith("Drift detected")) {
          const at = action.reason.indexOf("the actual schema.\n") + "the actual schema.\n".length;
          action.reason = action.reason.slice(0, at) + FIRST_TIME_MIGRATION_MESSAGE + action.reason.slice(at);
        }
        return result;
      }
      case "markMigrationApplied":
        return this.markMigrationApplied(params);
      case "markMigrationRolledBack":
        return (await main()).markMigrationRolledBack(params);
      case "diff": {
        const result = await (await main()).diff(params);
        // The native engine prints the diff through a "print" request to the CLI rather than in the result.
        if (result.stdout) {
          const content = result.stdout.replace(/\n$/, "");
          this.send({ jsonrpc: "2.0", id: `print-${++this.printId}`, method: "print", params: { content } });
        }
        return { ...result, stdout: null };
      }
      case "dbExecute": {
        const source = params.datasourceType;
        const engine = await this.engineFor(source?.tag === "url" ? source.url : undefined);
        await engine.dbExecute(params);
        return {};
      }
      case "ensureConnectionValidity": {
        const source = params.datasource;
        const engine = await this.engineFor(source?.tag === "ConnectionString" ? source.url : undefined);
        return engine.ensureConnectionValidity(params);
      }
      case "getDatabaseVersion":
      case "version":
        return (await main()).version(params.datasource ? params : undefined);
      case "reset": {
        const { engine, hooks, target } = await this.main();
        if (target.kind === "sqlite" && hooks.main) await resetSqlite(hooks.main);
        else await engine.reset(params);
        return {};
      }
      case "schemaPush":
        return (await main()).schemaPush(params);
      case "introspect":
        return (await main()).introspect(params);
      case "introspectSql":
        return (await main()).introspectSql(params);
      case "createDatabase":
        const source = params.datasource;
        return createDatabase(source?.tag === "ConnectionString" ? { url: source.url } : this.datasource);
      case "debugPanic":
        return (await main()).debugPanic();
      default:
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
    }
  }

  /**
   * The wasm engine reports a failing migration script as a bare database error; give it the native engine's
   * P3018 form (which migration, what the database said, how to recover). @param {any} params
   */
  async applyMigrations(params) {
    const { engine, factory, target } = await this.main();
    try {
      return await engine.applyMigrations(params);
    } catch (error) {
      const e = toEngineError(error, factory, target);
      const failed = /apply_script\s+with migration_name="([^"]+)"/.exec(e.message);
      if (e instanceof EngineError || !failed) throw e;
      const databaseError = e.message.split(/\n\s+0: /)[0].trim();
      throw new EngineError(
        "P3018",
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
          "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve" +
          `\n\nMigration name: ${failed[1]}\n\nDatabase error:\n${databaseError}\n`,
        { migration_name: failed[1], database_error: databaseError },
      );
    }
  }

  /** SQLite: the wasm engine fails on a missing migrations table here too (P1014); create it. @param {any} params */
  async markMigrationApplied(params) {
    const { engine, target } = await this.main();
    try {
      return await engine.markMigrationApplied(params);
    } catch (error) {
      if (target.kind !== "sqlite" || !String(/** @type {any} */ (error)?.message).includes("_prisma_migrations")) {
        throw error;
      }
      const datasourceType = { tag: /** @type {const} */ ("url"), url: String(this.datasource.url) };
      await engine.dbExecute({ datasourceType, script: SQLITE_MIGRATIONS_TABLE });
      return await engine.markMigrationApplied(params);
    }
  }

  async close() {
    for (const opened of [this.opened, ...this.extraEngines.splice(0)]) await opened?.close();
    this.opened = undefined;
  }
}

// The native engine's definition of the SQLite migrations table.
const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

/** Engine log lines (JSON) go to stderr like the native engine's; the CLI keeps them for crash reports. */
function forwardLog(/** @type {string} */ line) {
  try {
    const { level } = JSON.parse(line);
    if (level === "DEBUG" || level === "TRACE") return;
  } catch {
    return;
  }
  process.stderr.write(line.trim() + "\n");
}

/**
 * The JSON-RPC error object the CLI expects: `data.error_code` for known errors (printed as "P3005\n\n<message>"),
 * `data.is_panic` for crashes.
 * @param {unknown} error
 * @param {Parameters<typeof toEngineError>[1]} [factory] @param {Parameters<typeof toEngineError>[2]} [target]
 */
function rpcError(error, factory, target) {
  const err = /** @type {any} */ (error);
  if (err?.rpcCode) return { code: err.rpcCode, message: err.message };
  const e = toEngineError(error, factory, target);
  const data = e instanceof EngineError
    ? { is_panic: false, message: e.message, meta: e.meta, error_code: e.code }
    : { is_panic: Boolean(/** @type {any} */ (e).isPanic), message: e.message, backtrace: null };
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

async function serveRpc(/** @type {ReturnType<typeof parseArgs>} */ args) {
  /** @type {Array<[string, string]>} */
  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]);
  const send = (/** @type {object} */ message) => process.stdout.write(JSON.stringify(message) + "\n");
  const server = new RpcServer({ datasource: args.datasource, datamodels, send });
  let queue = Promise.resolve();
  let closing = false;
  const shutdown = async (/** @type {number} */ code) => {
    if (closing) return;
    closing = true;
    // Never outlive the CLI for long, even if a request hangs.
    setTimeout(() => process.exit(code), 10_000).unref();
    await queue.catch(() => {});
    await server.close().catch(() => {});
    process.exit(code);
  };
  // The CLI ends stdin, then kills the engine right away: release connections and temporary databases either way.
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    /** @type {any} */
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      const error = { code: -32700, message: "Parse error" };
      queue = queue.then(() => void send({ jsonrpc: "2.0", id: null, error }));
      return;
    }
    if (!request.method) return; // A reply to one of our "print" requests.
    // The wasm engine is single-threaded and stateful: one request at a time, in order.
    queue = queue.then(async () => {
      try {
        const result = await server.call(request.method, request.params ?? {});
        send({ jsonrpc: "2.0", id: request.id, result: result ?? null });
      } catch (error) {
        const response = rpcError(error, server.opened?.factory, server.opened?.target);
        send({ jsonrpc: "2.0", id: request.id, error: response });
        // After a panic the wasm instance is unusable; exit like the native engine does (code 101).
        if (response.data?.is_panic) process.stdout.write("", () => process.exit(101));
      }
    });
  });
  lines.on("close", () => void shutdown(0));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${await engineVersion()} (wasm)\n`);
    return;
  }
  if (args.cli) {
    try {
      await runCliCommand(args.cli, args.datasource);
      process.exit(0);
    } catch (error) {
      const e = toEngineError(error);
      const fields = e instanceof EngineError ? { message: e.message, error_code: e.code } : { message: e.message };
      // The CLI skips the first stderr line and reads the ERROR record after it.
      const starting = logLine("INFO", { message: "Starting schema engine (wasm)" });
      process.stderr.write(`${starting}\n${logLine("ERROR", fields)}\n`);
      process.exit(1);
    }
  }
  await serveRpc(args);
}

main().catch((error) => {
  process.stderr.write(logLine("ERROR", { message: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});
