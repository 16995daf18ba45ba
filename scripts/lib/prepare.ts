// The steps `npm start` and the e2e server share: check configuration, generate the Prisma clients, migrate,
// seed, build and serve.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { resolveDatabaseUrl, type DatabaseTarget } from "../../lib/database-url";
import { binPath, runBin, StepError, waitForExit } from "./run";

export const LOCAL_SECRET_FILE = "data/.nextauth-secret";

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
  if (existsSync(LOCAL_SECRET_FILE)) return readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
  mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(LOCAL_SECRET_FILE, secret + "\n", { mode: 0o600 });
  chmodSync(LOCAL_SECRET_FILE, 0o600);
  console.log(`Generated a local NEXTAUTH_SECRET in ${LOCAL_SECRET_FILE} (set NEXTAUTH_SECRET yourself in production).`);
  return secret;
}

export function databaseTarget(): DatabaseTarget {
  try {
    return resolveDatabaseUrl(process.env.DATABASE_URL);
  } catch (error) {
    throw new StepError((error as Error).message);
  }
}

export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await runBin("prisma", ["migrate", "deploy"], { env, what: "Applying database migrations" });
  await runBin("tsx", ["prisma/seed.ts", "--if-empty"], { env, what: "Seeding the database" });
}

export async function generateClients(env: NodeJS.ProcessEnv): Promise<void> {
  for (const engine of ["sqlite", "postgresql"]) {
    await runBin("prisma", ["generate", "--schema", `prisma/${engine}/schema.prisma`], {
      env,
      what: `Generating the ${engine} Prisma client`,
    });
  }
}

export async function build(env: NodeJS.ProcessEnv): Promise<void> {
  await runBin("next", ["build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" }, what: "Building the site" });
}

/**
 * Starts `next start` on the build and returns the process (tests stop it with SIGTERM or SIGKILL). Pages and data
 * are cached in the server's memory only (lib/cache/handler.mjs), so every start begins with an empty cache and never
 * serves what the database no longer says. Page and data caches left on disk by Next's default handler (an older
 * release of this app) are removed.
 */
export function startServer(env: NodeJS.ProcessEnv, host: string, port: number, options: { stdio?: StdioOptions } = {}): ChildProcess {
  const distDir = env.NEXT_DIST_DIR || ".next";
  for (const leftover of [["cache", "fetch-cache"], ["server", "route-cache"]]) rmSync(path.join(distDir, ...leftover), { recursive: true, force: true });
  return spawn(process.execPath, [binPath("next"), "start", "--hostname", host, "--port", String(port)], {
    env: { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: options.stdio ?? "inherit",
  });
}

/** Serves the build until the server exits. */
export function serve(env: NodeJS.ProcessEnv, host: string, port: number): Promise<void> {
  return waitForExit(startServer(env, host, port), "The web server");
}
