// The steps `npm start` and the e2e server share: check configuration, generate the Prisma clients, migrate,
// seed, build and serve.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { resolveDatabaseUrl, type DatabaseTarget } from "../../lib/database-url";
import {
  acquireBuildLock,
  buildInputs,
  decideBuild,
  derivedDeploymentId,
  hasBuild,
  readStamp,
  removeStamp,
  summarise,
  writeStamp,
  type BuildMode,
} from "./build-stamp";
import { binPath, runBin, StepError, waitForExit } from "./run";

export const LOCAL_SECRET_FILE = "data/.nextauth-secret";
export const LOCAL_ACTIONS_KEY_FILE = "data/.server-actions-key";
/** Session-level PostgreSQL advisory lock held around migrate + seed; any constant no other tool uses. */
export const PREPARE_LOCK_KEY = "7320061502261109";

/** Fails with one line when PostgreSQL cannot be reached, before any tool prints a stack. */
export async function checkDatabase(target: DatabaseTarget): Promise<void> {
  if (target.engine === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const where = new URL(target.url);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StepError(
      `cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432} database ${where.pathname.slice(1)} (${reason}). ` +
        "Start the server, create the database, or fix DATABASE_URL.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads a generated value kept in a gitignored file (mode 0600), making it on first use. */
function keptLocally(file: string, name: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const value = make();
  writeFileSync(file, value + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  console.log(`Generated a local ${name} in ${file} (set ${name} yourself in production).`);
  return value;
}

/**
 * The embedded (SQLite) quick start runs without any configuration, so it keeps a generated session secret in a
 * gitignored file. A PostgreSQL deployment is a real production one and must be given NEXTAUTH_SECRET.
 */
export function sessionSecret(target: DatabaseTarget): string {
  const given = process.env.NEXTAUTH_SECRET;
  if (given) return given;
  if (target.engine !== "sqlite") {
    throw new StepError("NEXTAUTH_SECRET is not set. Production needs a random secret: openssl rand -base64 32");
  }
  return keptLocally(LOCAL_SECRET_FILE, "NEXTAUTH_SECRET", () => randomBytes(32).toString("base64url"));
}

/**
 * Next encrypts server actions' bound values with this key and, while building, derives the actions' ids from it, so
 * every instance (and every build of one release) must share it. Kept like the session secret for the embedded
 * start; required from configuration on PostgreSQL, where several instances are the point.
 */
export function serverActionsKey(target: DatabaseTarget): string {
  const given = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (given) return given;
  if (target.engine !== "sqlite") {
    throw new StepError(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set. Every instance must share one: openssl rand -base64 32",
    );
  }
  return keptLocally(LOCAL_ACTIONS_KEY_FILE, "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", () => randomBytes(32).toString("base64"));
}

export function databaseTarget(): DatabaseTarget {
  try {
    return resolveDatabaseUrl(process.env.DATABASE_URL);
  } catch (error) {
    throw new StepError((error as Error).message);
  }
}

/**
 * Applies new migrations and seeds an empty database. On PostgreSQL several instances may boot at once, so the two
 * steps run under one advisory lock: the first instance migrates and seeds, the others wait and then find nothing
 * to do. (A lock held by a crashed process ends with its connection.) When a quick look at the database shows every
 * migration applied and content present, neither tool is started: a restart saves their few seconds.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv, options: { log?: (line: string) => void } = {}): Promise<void> {
  const target = resolveDatabaseUrl(env.DATABASE_URL);
  const log = options.log ?? console.log;
  const migrateAndSeed = async (state: DatabaseState) => {
    if (!state.migrated) await migrate(env, target, state, log);
    if (!state.seeded) await runBin("tsx", ["prisma/seed.ts", "--if-empty"], { env, what: "Seeding the database" });
    if (state.migrated && state.seeded) log("The database is up to date (every migration applied, content present).");
  };
  if (target.engine !== "postgresql") {
    // Several instances may start on one SQLite file too: the first migrates, the others wait and find nothing to do.
    const lock = await acquireFileLock(`${target.file}.prepare-lock`, () => log("Another instance is migrating or seeding this database; waiting for it to finish."));
    try {
      return await migrateAndSeed(existsSync(target.file) ? sqliteState(target.file) : { migrated: false, seeded: false, applied: [] });
    } finally {
      lock.release();
    }
  }
  await withAdvisoryLock(
    target.url,
    PREPARE_LOCK_KEY,
    async (client) => migrateAndSeed(await postgresState(client)),
    () => log("Another instance is migrating or seeding this database; waiting for it to finish."),
  );
}

/** This release's version (package.json), printed by npm start and recorded in backups. */
export function releaseVersion(): string {
  return (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
}

/** What a migration changes: the first line of the comment that opens its SQL, if it has one. */
function migrationSummary(engine: string, name: string): string {
  const first = readFileSync(`prisma/${engine}/migrations/${name}/migration.sql`, "utf8").split("\n")[0] ?? "";
  const text = first.startsWith("--") ? first.replace(/^--\s*/, "").trim() : "";
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

/** This release's migrations not yet applied to the database, oldest first. */
export function pendingMigrations(engine: "sqlite" | "postgresql", applied: string[]): string[] {
  const done = new Set(applied);
  return migrationFolders(engine).filter((name) => !done.has(name));
}

function migrationFolders(engine: string): string[] {
  return readdirSync(`prisma/${engine}/migrations`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/**
 * Applies the pending migrations. A database that already holds something is backed up first (npm run backup --
 * --kind pre-migration); if a migration then fails, the database is put back from that backup, so it is left as
 * it was, and the message says how to go back to the previous release or restore the backup by hand.
 */
async function migrate(env: NodeJS.ProcessEnv, target: DatabaseTarget, state: DatabaseState, log: (line: string) => void): Promise<void> {
  const pending = pendingMigrations(target.engine, state.applied);
  const existing = state.applied.length > 0 || state.seeded;
  if (pending.length > 0) {
    log(`BreakingOn ${releaseVersion()}: ${pending.length} schema change${pending.length === 1 ? "" : "s"} to apply${existing ? "" : " to a new database"}:`);
    for (const name of pending) {
      const summary = migrationSummary(target.engine, name);
      log(`  ${name}${summary ? ` (${summary})` : ""}`);
    }
  }
  const backup = existing ? await preMigrationBackup(env) : null;
  try {
    await runBin("prisma", ["migrate", "deploy"], { env, what: "Applying database migrations" });
  } catch (error) {
    if (!backup) throw error;
    const { restoreBackup } = await import("../../lib/ops/backup/restore");
    try {
      await restoreBackup({ file: backup, databaseUrl: target.url, databaseOnly: true, migrate: false, force: true });
    } catch (restoreError) {
      throw new StepError(
        `a database migration failed (see the output above), and putting the database back failed too (${(restoreError as Error).message}). ` +
          `Restore the pre-migration backup with: npm run restore -- ${backup} --force --database-only --no-migrate`,
      );
    }
    throw new StepError(
      `a database migration failed (see the output above); the database was put back as it was from the pre-migration backup ${backup}. ` +
        `Fix the cause and start again, or go back to the previous release (check it out, npm install, npm start). ` +
        `To restore that backup by hand: npm run restore -- ${backup} --force --database-only --no-migrate`,
    );
  }
}

/** Runs `npm run backup -- --kind pre-migration` and returns the archive it wrote. */
async function preMigrationBackup(env: NodeJS.ProcessEnv): Promise<string> {
  // Not as the production server: a backup serves nothing, so it must not be refused for want of its session secret.
  const { NODE_ENV: _mode, ...rest } = env;
  const backupEnv = rest as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [binPath("tsx"), "--conditions=react-server", "scripts/backup.ts", "--kind", "pre-migration"], { env: backupEnv, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  try {
    await waitForExit(child, "The pre-migration backup");
  } catch {
    throw new StepError("the backup npm start takes before migrating failed (see the line above), so nothing was migrated. Fix it (BACKUP_DIR, disk space, pg_dump) and start again.");
  }
  const file = /Backup written: (.+?) \(/.exec(output)?.[1];
  if (!file) throw new StepError("the pre-migration backup did not say where it wrote the archive, so nothing was migrated");
  return file;
}

/** A lock file holding our pid; a dead holder's lock is taken over. */
async function acquireFileLock(file: string, onWait: () => void, pollMs = 500): Promise<{ release: () => void }> {
  mkdirSync(path.dirname(file), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8").trim());
    let alive = false;
    try {
      alive = Number.isInteger(holder) && holder > 0 && process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      rmSync(file, { force: true });
      continue;
    }
    if (!waited) onWait();
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

interface DatabaseState {
  /** Every migration folder is recorded as applied, and none failed. */
  migrated: boolean;
  /** The site settings exist: the seed (--if-empty) would do nothing. */
  seeded: boolean;
  /** Migrations recorded as applied. */
  applied: string[];
}

type MigrationRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

export function judgeState(engine: "sqlite" | "postgresql", rows: MigrationRow[] | null, settings: number | null): Omit<DatabaseState, "applied"> {
  const { applied: _applied, ...state } = lookAt(engine, rows, settings);
  return state;
}

function lookAt(engine: "sqlite" | "postgresql", rows: MigrationRow[] | null, settings: number | null): DatabaseState {
  const folders = migrationFolders(engine);
  const applied = new Set((rows ?? []).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = (rows ?? []).some((r) => !r.finished_at && !r.rolled_back_at);
  return { migrated: rows !== null && !failed && folders.every((name) => applied.has(name)), seeded: (settings ?? 0) > 0, applied: [...applied].sort() };
}

function sqliteState(file: string): DatabaseState {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    // Unreadable here for any reason: let the tools look.
    return { migrated: false, seeded: false, applied: [] };
  }
  try {
    const read = <T>(sql: string): T | null => {
      try {
        return db.prepare(sql).all() as T;
      } catch {
        return null;
      }
    };
    const settings = read<{ n: number }[]>(`select count(*) as n from "SiteSettings"`);
    return lookAt("sqlite", read<MigrationRow[]>(`select migration_name, finished_at, rolled_back_at from _prisma_migrations`), settings?.[0]?.n ?? null);
  } finally {
    db.close();
  }
}

async function postgresState(client: pg.Client): Promise<DatabaseState> {
  const read = async <T>(sql: string): Promise<T[] | null> => {
    try {
      await client.query("savepoint look");
      return (await client.query(sql)).rows as T[];
    } catch {
      return null;
    } finally {
      await client.query("rollback to savepoint look").catch(() => {});
    }
  };
  await client.query("begin");
  try {
    const rows = await read<MigrationRow>(`select migration_name, finished_at, rolled_back_at from _prisma_migrations`);
    const settings = await read<{ n: number }>(`select count(*)::int as n from "SiteSettings"`);
    return lookAt("postgresql", rows, settings?.[0]?.n ?? null);
  } finally {
    await client.query("rollback");
  }
}

async function withAdvisoryLock(url: string, key: string, body: (client: pg.Client) => Promise<void>, onWait: () => void): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  let lost: Error | undefined;
  // A dropped connection releases the lock; say so rather than crash on an unhandled 'error' event.
  client.on("error", (error) => (lost = error));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1::bigint) as locked", [key]);
    if (!rows[0].locked) {
      onWait();
      await client.query("select pg_advisory_lock($1::bigint)", [key]);
    }
    await body(client);
    if (lost) throw new StepError(`the connection holding the migration lock was lost (${lost.message}); start again`);
    await client.query("select pg_advisory_unlock($1::bigint)", [key]);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The Prisma clients are generated again only when their schema or Prisma itself changed. */
function clientFingerprint(engine: string): string {
  const schema = readFileSync(`prisma/${engine}/schema.prisma`, "utf8");
  const versions = ["prisma", "@prisma/client"].map((name) => {
    try {
      return (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
    } catch {
      return "?";
    }
  });
  return createHash("sha256").update(`${versions.join(",")}\0${schema}`).digest("hex");
}

const GENERATED_STAMP = ".generated-from";

export async function generateClients(env: NodeJS.ProcessEnv): Promise<void> {
  for (const engine of ["sqlite", "postgresql"]) {
    const out = `lib/generated/${engine}`;
    const fingerprint = clientFingerprint(engine);
    const stamp = path.join(out, GENERATED_STAMP);
    if (existsSync(path.join(out, "client.ts")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === fingerprint) continue;
    await runBin("prisma", ["generate", "--schema", `prisma/${engine}/schema.prisma`], {
      env,
      what: `Generating the ${engine} Prisma client`,
    });
    writeFileSync(stamp, fingerprint + "\n");
  }
}

export async function build(env: NodeJS.ProcessEnv): Promise<void> {
  await runBin("next", ["build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, what: "Building the site" });
}

export function distDirOf(env: NodeJS.ProcessEnv): string {
  return env.NEXT_DIST_DIR || ".next";
}

/** For --no-build: there must be a build, and it must be the release this instance is configured for. */
export function checkExistingBuild(env: NodeJS.ProcessEnv): void {
  const distDir = distDirOf(env);
  if (!hasBuild(distDir)) {
    throw new StepError(`there is no build in ${distDir}; make one first with npm start -- --build-only (or start without --no-build)`);
  }
  const stamp = readStamp(distDir);
  if (stamp && env.DEPLOYMENT_ID && env.DEPLOYMENT_ID !== stamp.deploymentId) {
    throw new StepError(
      `the build in ${distDir} was made for DEPLOYMENT_ID ${stamp.deploymentId}, not ${env.DEPLOYMENT_ID}; build this release first (npm start -- --build-only)`,
    );
  }
}

/**
 * Builds when the sources or build-time settings changed since the last successful build (or always / never, as
 * asked), says which happened and why, and returns the environment to serve that build with: the DEPLOYMENT_ID it
 * was made with (given, or derived from its inputs).
 */
export async function ensureBuild(
  env: NodeJS.ProcessEnv,
  mode: BuildMode,
  log: (line: string) => void = console.log,
): Promise<NodeJS.ProcessEnv> {
  const distDir = distDirOf(env);
  const inputs = buildInputs(process.cwd(), env);
  let decision = decideBuild(mode, distDir, inputs);
  if (decision.build) {
    const lock = await acquireBuildLock(distDir, log);
    try {
      // Whoever we waited for may have just built these very sources.
      if (lock.waited) decision = decideBuild(mode === "always" ? "auto" : mode, distDir, inputs);
      if (decision.build) {
        const deploymentId = env.DEPLOYMENT_ID || derivedDeploymentId(inputs);
        log(`Building into ${distDir}: ${decision.reason}.`);
        removeStamp(distDir);
        const buildEnv = { ...env, DEPLOYMENT_ID: deploymentId };
        await build(buildEnv);
        writeStamp(distDir, { version: 1, inputs, deploymentId, builtAt: new Date().toISOString() });
        return buildEnv;
      }
    } finally {
      lock.release();
    }
  }
  checkExistingBuild(env);
  const stamp = readStamp(distDir);
  log(`Using the existing build in ${distDir}: ${decision.reason}.`);
  if (decision.stale.length > 0) log(`  Note: it was made from other sources or settings (${summarise(decision.stale)}).`);
  const served = { ...env };
  if (stamp) served.DEPLOYMENT_ID = stamp.deploymentId;
  return served;
}

/**
 * Starts `next start` on the build and returns the process (tests stop it with SIGTERM or SIGKILL). Pages and data
 * are cached in the server's memory only (lib/cache/handler.mjs), so every start begins with an empty cache and never
 * serves what the database no longer says. Page and data caches left on disk by Next's default handler (an older
 * release of this app) are removed.
 */
export function startServer(env: NodeJS.ProcessEnv, host: string, port: number, options: { stdio?: StdioOptions } = {}): ChildProcess {
  const distDir = distDirOf(env);
  for (const leftover of [["cache", "fetch-cache"], ["server", "route-cache"]]) rmSync(path.join(distDir, ...leftover), { recursive: true, force: true });
  return spawn(process.execPath, [binPath("next"), "start", "--hostname", host, "--port", String(port)], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: options.stdio ?? "inherit",
  });
}

/**
 * Serves the build until the server exits. A SIGTERM sent to `npm start` alone (a supervisor stopping it by pid) is
 * passed on, so the server stops gracefully instead of outliving us.
 */
export function serve(env: NodeJS.ProcessEnv, host: string, port: number): Promise<void> {
  const server = startServer(env, host, port);
  let stopping = false;
  process.once("SIGTERM", () => {
    stopping = true;
    server.kill("SIGTERM");
  });
  return waitForExit(server, "The web server").catch((error: unknown) => {
    if (!stopping) throw error;
  });
}
