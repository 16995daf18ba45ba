// The wasm schema-engine stand-in, driven the way the Prisma CLI drives the native binary: command-line calls and
// JSON-RPC over stdio, against temporary SQLite files and scratch PostgreSQL databases.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import type {
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DevDiagnosticOutput,
  DiagnoseMigrationHistoryOutput,
  DiffResult,
  EvaluateDataLossOutput,
} from "@prisma/schema-engine-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enableWasmSchemaEngineIfNeeded, WASM_SCHEMA_ENGINE_PATH } from "./index.mjs";

const SHIM = WASM_SCHEMA_ENGINE_PATH;
const FILTERS = { externalTables: [], externalEnums: [] };

type RpcResponse = {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: { is_panic: boolean; message: string; error_code?: string } };
};

/** A running shim in JSON-RPC mode, as the CLI starts it. */
class RpcSession {
  private child: ChildProcessWithoutNullStreams;
  private waiting = new Map<number, (message: RpcResponse) => void>();
  private nextId = 1;
  readonly prints: string[] = [];

  constructor(datasource: object, cwd: string, datamodels: string[] = []) {
    const args = [...datamodels.flatMap((file) => ["--datamodels", file]), "--datasource", JSON.stringify(datasource)];
    this.child = spawn(SHIM, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    readline.createInterface({ input: this.child.stdout }).on("line", (line) => {
      const message = JSON.parse(line);
      if (message.method === "print") {
        this.prints.push(message.params.content);
        return;
      }
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  /** Sends one request; resolves with the whole response ({ result } or { error }). */
  request(method: string, params?: object): Promise<RpcResponse> {
    const id = this.nextId++;
    const reply = new Promise<RpcResponse>((resolve) => this.waiting.set(id, resolve));
    this.child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
    return reply;
  }

  /** Sends a request that must succeed; returns its result. */
  async call<T = unknown>(method: string, params?: object): Promise<T> {
    const response = await this.request(method, params);
    if (response.error) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
    return response.result as T;
  }

  /** Ends stdin like the CLI's stop(); resolves with the exit code. */
  stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.child.stdin.end();
    return exited;
  }
}

/** Runs the shim once (--version, `cli …`). */
async function runShim(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(SHIM, args, { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: String(failed.stdout), stderr: String(failed.stderr) };
  }
}

/** The CLI skips stderr's first line and reads the ERROR record after it. */
function cliError(stderr: string): { message: string; error_code?: string } | undefined {
  const records: Array<{ level: string; fields: { message: string; error_code?: string } }> = stderr
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => JSON.parse(line));
  return records.find((record) => record.level === "ERROR")?.fields;
}

/** A migrations folder loaded the way the CLI sends it (the engine never reads the disk itself). */
function migrationsList(baseDir: string) {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null);
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: read(path.join(baseDir, "migration_lock.toml")) },
    shadowDbInitScript: "",
    migrationDirectories: dirs
      .map((entry) => entry.name)
      .sort()
      .map((dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: read(path.join(baseDir, dir, "migration.sql")) },
        },
      })),
  };
}

/** One migration folder plus the lock file, as `prisma migrate dev` writes them. */
function writeMigration(baseDir: string, name: string, sql: string, provider = "sqlite") {
  fs.mkdirSync(path.join(baseDir, name), { recursive: true });
  fs.writeFileSync(path.join(baseDir, name, "migration.sql"), sql);
  fs.writeFileSync(path.join(baseDir, "migration_lock.toml"), `provider = "${provider}"\n`);
}

/** The params the CLI sends with most migrate calls: the migrations folder, loaded, and the schema filter. */
function withHistory(migrationsDir: string) {
  return { migrationsList: migrationsList(migrationsDir), filters: FILTERS };
}

/** `migrate status`'s question. */
function history(session: RpcSession, migrationsDir: string) {
  const params = { ...withHistory(migrationsDir), optInToShadowDatabase: false };
  return session.call<DiagnoseMigrationHistoryOutput>("diagnoseMigrationHistory", params);
}

function schemaFile(dir: string, provider: string, extraField = "") {
  const file = path.join(dir, "schema.prisma");
  fs.writeFileSync(
    file,
    `datasource db {\n  provider = "${provider}"\n}\n\n` +
      `model Note {\n  id    Int    @id @default(autoincrement())\n  title String\n${extraField}}\n`,
  );
  return { file, schema: { files: [{ path: file, content: fs.readFileSync(file, "utf8") }] } };
}

const SQLITE_INIT = `CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL);\n`;
const PG_INIT = `CREATE TABLE "Note" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));\n`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-engine-shim-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("enableWasmSchemaEngineIfNeeded", () => {
  it("points PRISMA_SCHEMA_ENGINE_BINARY at the executable shim when no engine is installed", () => {
    const env: Record<string, string | undefined> = {};
    expect(enableWasmSchemaEngineIfNeeded({ env, searchDirs: [tmp] })).toBe("wasm");
    expect(env.PRISMA_SCHEMA_ENGINE_BINARY).toBe(SHIM);
    expect(path.isAbsolute(SHIM)).toBe(true);
    fs.accessSync(SHIM, fs.constants.X_OK);
  });

  it("leaves a configured or installed native engine alone", () => {
    const env: Record<string, string | undefined> = { PRISMA_SCHEMA_ENGINE_BINARY: "/opt/schema-engine" };
    expect(enableWasmSchemaEngineIfNeeded({ env, searchDirs: [] })).toBe("env");
    expect(env.PRISMA_SCHEMA_ENGINE_BINARY).toBe("/opt/schema-engine");

    const engines = fs.mkdtempSync(path.join(tmp, "engines-"));
    fs.writeFileSync(path.join(engines, "schema-engine-debian-openssl-3.0.x"), "");
    const clean: Record<string, string | undefined> = {};
    expect(enableWasmSchemaEngineIfNeeded({ env: clean, searchDirs: [engines] })).toBe("native");
    expect(clean.PRISMA_SCHEMA_ENGINE_BINARY).toBeUndefined();
  });
});

describe("schema-engine shim: command line", () => {
  it("reports its version like the native binary", async () => {
    const { code, stdout } = await runShim(["--version"], tmp);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}/);
  });

  it("says a missing SQLite file does not exist (P1003), then creates it", async () => {
    const datasource = JSON.stringify({ url: "file:./nested/dir/app.db" });
    const missing = await runShim(["--datasource", datasource, "cli", "can-connect-to-database"], tmp);
    expect(missing.code).toBe(1);
    expect(cliError(missing.stderr)).toMatchObject({ error_code: "P1003" });

    const created = await runShim(["--datasource", datasource, "cli", "create-database"], tmp);
    expect(created.code).toBe(0);
    expect(fs.existsSync(path.join(tmp, "nested/dir/app.db"))).toBe(true);
    expect((await runShim(["--datasource", datasource, "cli", "can-connect-to-database"], tmp)).code).toBe(0);
  });

  it("refuses an unsupported URL with a readable error", async () => {
    const datasource = JSON.stringify({ url: "mysql://u@h/db" });
    const { code, stderr } = await runShim(["--datasource", datasource, "cli", "can-connect-to-database"], tmp);
    expect(code).toBe(1);
    expect(cliError(stderr)?.message).toMatch(/only SQLite \(file:\) and PostgreSQL/);
  });
});

describe("schema-engine shim: JSON-RPC on SQLite", () => {
  it("applies, diagnoses and creates migrations like the native engine", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "sqlite-"));
    const migrations = path.join(dir, "migrations");
    writeMigration(migrations, "20240101000000_init", SQLITE_INIT);
    const { file, schema } = schemaFile(dir, "sqlite", "  body  String?\n");
    const session = new RpcSession({ url: "file:./dev.db" }, dir, [file]);
    try {
      // A fresh database has no migrations table: everything is pending.
      const before = await history(session, migrations);
      expect(before).toMatchObject({
        hasMigrationsTable: false,
        history: { diagnostic: "databaseIsBehind", unappliedMigrationNames: ["20240101000000_init"] },
      });

      const applied = await session.call<ApplyMigrationsOutput>("applyMigrations", withHistory(migrations));
      expect(applied.appliedMigrationNames).toEqual(["20240101000000_init"]);
      const after = await history(session, migrations);
      expect(after).toMatchObject({ hasMigrationsTable: true, history: null, failedMigrationNames: [] });

      // The `migrate dev` sequence: diagnose (with shadow database), evaluate, create.
      const dev = await session.call<DevDiagnosticOutput>("devDiagnostic", withHistory(migrations));
      expect(dev.action.tag).toBe("createMigration");
      const target = { ...withHistory(migrations), schema };
      const loss = await session.call<EvaluateDataLossOutput>("evaluateDataLoss", target);
      expect(loss).toMatchObject({ migrationSteps: 1, warnings: [], unexecutableSteps: [] });
      const created = await session.call<CreateMigrationOutput>("createMigration", {
        ...target,
        migrationName: "add_body",
        draft: false,
      });
      expect(created).toMatchObject({ connectorType: "sqlite", extension: "sql" });
      expect(created.generatedMigrationName).toMatch(/^\d{14}_add_body$/);
      expect(created.migrationScript).toContain(`ALTER TABLE "Note" ADD COLUMN "body" TEXT;`);

      // Diffs come back through a "print" request, as with the native engine.
      const from = { tag: "migrations", ...migrationsList(migrations) };
      const to = { tag: "schemaDatamodel", ...schema };
      const diff = await session.call<DiffResult>("diff", { from, to, script: true, exitCode: true, filters: FILTERS });
      expect(diff).toEqual({ exitCode: 2, stdout: null });
      expect(session.prints.at(-1)).toContain(`ALTER TABLE "Note" ADD COLUMN "body" TEXT;`);

      // Reset empties the database (schema included), so the history is pending again.
      await session.call("reset", { filter: FILTERS });
      const reset = await history(session, migrations);
      expect(reset.hasMigrationsTable).toBe(false);
    } finally {
      expect(await session.stop()).toBe(0);
    }
  });

  it("replays multi-statement migrations into the shadow database; reports known errors with their code", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "sqlite-"));
    const migrations = path.join(dir, "migrations");
    const index = `CREATE INDEX "Note_title_idx" ON "Note"("title");\n`;
    writeMigration(migrations, "20240101000000_init", SQLITE_INIT + index);
    const { file } = schemaFile(dir, "sqlite");
    fs.writeFileSync(path.join(dir, "dev.db"), "");
    const session = new RpcSession({ url: "file:./dev.db" }, dir, [file]);
    try {
      const dev = await session.call<DevDiagnosticOutput>("devDiagnostic", withHistory(migrations));
      expect(dev.action.tag).toBe("createMigration");

      // A non-empty database without migrations history cannot be deployed to (P3005).
      const datasourceType = { tag: "url", url: "file:./dev.db" };
      await session.call("dbExecute", { datasourceType, script: "CREATE TABLE legacy (id INTEGER);" });
      const refused = await session.request("applyMigrations", withHistory(migrations));
      expect(refused.error?.data).toMatchObject({ is_panic: false, error_code: "P3005" });
      expect(refused.error?.data?.message).toMatch(/database schema is not empty/i);

      // Baselining creates the migrations table and records the migration without running it.
      const baseline = { migrationName: "20240101000000_init", migrationsList: migrationsList(migrations) };
      await session.call("markMigrationApplied", baseline);
      const status = await history(session, migrations);
      expect(status).toMatchObject({ hasMigrationsTable: true, history: null });
    } finally {
      await session.stop();
    }
  });

  it("reports a failing migration as P3018, then refuses to go on (P3009)", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "sqlite-"));
    const migrations = path.join(dir, "migrations");
    writeMigration(migrations, "20240101000000_broken", `CREATE TABLE ok (a INTEGER);\nCREATE TABLE broken (;\n`);
    const session = new RpcSession({ url: "file:./dev.db" }, dir);
    try {
      const failed = await session.request("applyMigrations", withHistory(migrations));
      expect(failed.error?.data).toMatchObject({ is_panic: false, error_code: "P3018" });
      expect(failed.error?.data?.message).toMatch(
        /Migration name: 20240101000000_broken\n\nDatabase error:\nnear ";": syntax error/,
      );
      const again = await session.request("applyMigrations", withHistory(migrations));
      expect(again.error?.data).toMatchObject({ error_code: "P3009" });
    } finally {
      await session.stop();
    }
  });

  it("answers an unknown method and an unsupported URL with JSON-RPC errors instead of crashing", async () => {
    const session = new RpcSession({ url: "sqlserver://localhost" }, tmp);
    try {
      const unknown = await session.request("noSuchMethod", {});
      expect(unknown.error?.code).toBe(-32601);
      const params = { ...withHistory(path.join(tmp, "none")), optInToShadowDatabase: false };
      const unsupported = await session.request("diagnoseMigrationHistory", params);
      expect(unsupported.error?.data).toMatchObject({ is_panic: false, error_code: "P1013" });
    } finally {
      expect(await session.stop()).toBe(0);
    }
  });
});

// PostgreSQL: a local server (trust auth) unless TEST_POSTGRES_URL names another; skipped when unreachable.
const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const pgSkipReason = await (async () => {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${new URL(PG_ADMIN_URL).host} is unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
})();
// REQUIRE_POSTGRES=1 (as in CI, like lib/testing/databases.ts) turns the skip into a failure.
if (pgSkipReason && process.env.REQUIRE_POSTGRES === "1") throw new Error(`REQUIRE_POSTGRES=1 but ${pgSkipReason}`);
if (pgSkipReason) console.warn(`Skipping the PostgreSQL schema-engine shim tests: ${pgSkipReason}`);

describe.skipIf(Boolean(pgSkipReason))("schema-engine shim: JSON-RPC on PostgreSQL", () => {
  const scratch: string[] = [];
  const urlFor = (database: string) => {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const shadowDatabases = () =>
    admin(async (client) => {
      const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
      return rows.length;
    });

  afterAll(async () => {
    await admin(async (client) => {
      for (const name of scratch) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  it("creates the database, applies and creates migrations with a temporary shadow database", async () => {
    const name = `shim_test_${process.pid}_${Date.now()}`;
    scratch.push(name);
    const url = urlFor(name);
    const dir = fs.mkdtempSync(path.join(tmp, "pg-"));
    const migrations = path.join(dir, "migrations");
    writeMigration(migrations, "20240101000000_init", PG_INIT, "postgresql");
    const { file, schema } = schemaFile(dir, "postgresql", "  body  String?\n");

    const missing = await runShim(["--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"], dir);
    expect(cliError(missing.stderr)).toMatchObject({ error_code: "P1003" });
    expect((await runShim(["--datasource", JSON.stringify({ url }), "cli", "create-database"], dir)).code).toBe(0);

    const shadowsBefore = await shadowDatabases();
    const session = new RpcSession({ url }, dir, [file]);
    try {
      const before = await history(session, migrations);
      expect(before).toMatchObject({ hasMigrationsTable: false, history: { diagnostic: "databaseIsBehind" } });
      const applied = await session.call<ApplyMigrationsOutput>("applyMigrations", withHistory(migrations));
      expect(applied.appliedMigrationNames).toEqual(["20240101000000_init"]);

      const dev = await session.call<DevDiagnosticOutput>("devDiagnostic", withHistory(migrations));
      expect(dev.action.tag).toBe("createMigration");
      const created = await session.call<CreateMigrationOutput>("createMigration", {
        ...withHistory(migrations),
        schema,
        migrationName: "add_body",
        draft: false,
      });
      expect(created.connectorType).toBe("postgresql");
      expect(created.migrationScript).toMatch(/ALTER TABLE "Note" ADD COLUMN\s+"body" TEXT;/);

      await session.call("reset", { filter: FILTERS });
      const reset = await history(session, migrations);
      expect(reset.hasMigrationsTable).toBe(false);
    } finally {
      await session.stop();
    }
    // The temporary shadow database is dropped again.
    expect(await shadowDatabases()).toBe(shadowsBefore);
  });

  it("refuses a shadowDatabaseUrl that reaches the main database, leaving it untouched", async () => {
    const name = `shim_test_${process.pid}_${Date.now()}_same`;
    scratch.push(name);
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const url = urlFor(name);
    const dir = fs.mkdtempSync(path.join(tmp, "pg-"));
    const migrations = path.join(dir, "migrations");
    writeMigration(migrations, "20240101000000_init", PG_INIT, "postgresql");
    const { file } = schemaFile(dir, "postgresql");
    // Same database, spelled differently.
    const session = new RpcSession({ url, shadowDatabaseUrl: `${url}?application_name=shadow` }, dir, [file]);
    try {
      await session.call("applyMigrations", withHistory(migrations));
      const refused = await session.request("devDiagnostic", withHistory(migrations));
      expect(refused.error?.data?.message).toMatch(/same as the main database/);
      const status = await history(session, migrations);
      expect(status).toMatchObject({ hasMigrationsTable: true, history: null });
    } finally {
      await session.stop();
    }
  });

  it("turns an unreachable server into one readable P1001 error", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/nowhere";
    const cli = await runShim(["--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"], tmp);
    expect(cli.code).toBe(1);
    expect(cliError(cli.stderr)).toEqual({
      error_code: "P1001",
      message: expect.stringMatching(/^Can't reach database server at `127\.0\.0\.1:1`/),
    });

    const session = new RpcSession({ url }, tmp);
    try {
      const response = await session.request("applyMigrations", withHistory(path.join(tmp, "none")));
      expect(response.error?.data).toMatchObject({ is_panic: false, error_code: "P1001" });
      expect(response.error?.data?.message).not.toMatch(/\n\s+at /); // A message, not a stack trace.
    } finally {
      expect(await session.stop()).toBe(0);
    }
  });
});
