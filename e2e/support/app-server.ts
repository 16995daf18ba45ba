// Extra production servers for the specs that stop and restart one (restart staleness, kill -9 faults). Each has its
// own port and database and serves the same build as the Playwright web server (NEXT_DIST_DIR), started exactly as
// `npm start` starts it (scripts/lib/prepare.ts).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { createDb, type Db } from "../../lib/db";
import { prepareDatabase, startServer } from "../../scripts/lib/prepare";

export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Ports for the extra servers: clear of the e2e servers that parallel runs start on nearby ports. */
// Ten apart per offset: npm test's lanes use neighbouring e2e ports (3100, 3101, …) and must not collide.
export const extraPort = (offset: number) => E2E_PORT + 1000 + offset * 10;
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface AppDatabase {
  engine: "sqlite" | "postgresql";
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated and seeded database for one extra server: an SQLite file, or a scratch PostgreSQL database. */
export async function createAppDatabase(engine: AppDatabase["engine"], port: number): Promise<AppDatabase> {
  let url: string;
  let remove: () => Promise<void>;
  if (engine === "sqlite") {
    const file = `data/e2e-extra-${port}.db`;
    const clear = () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    };
    clear();
    url = `file:./${file}`;
    remove = async () => clear();
  } else {
    const name = `breakingon_e2e_${port}_${randomBytes(4).toString("hex")}`;
    await onPostgres(`CREATE DATABASE "${name}"`);
    const target = new URL(POSTGRES_ADMIN_URL);
    target.pathname = `/${name}`;
    url = target.toString();
    remove = () => onPostgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  await prepareDatabase({ ...process.env, DATABASE_URL: url });
  const db = createDb(url);
  return {
    engine,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await remove();
    },
  };
}

async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Why the PostgreSQL variant cannot run here, or null when it can. */
export async function postgresUnavailable(): Promise<string | null> {
  try {
    await onPostgres("select 1");
    return null;
  } catch (error) {
    return `no PostgreSQL at ${new URL(POSTGRES_ADMIN_URL).host} (${(error as Error).message || (error as NodeJS.ErrnoException).code})`;
  }
}

/** One production server that a spec can kill and start again on the same database, port and session secret. */
export class AppServer {
  readonly url: string;
  private child: ChildProcess | null = null;
  private readonly env: NodeJS.ProcessEnv;
  private log = "";

  constructor(
    readonly port: number,
    database: AppDatabase,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SITE_URL: this.url,
      STORAGE_DIR: `data/e2e-extra-storage-${port}`,
      SCHEDULER_POLL_MS: "1000",
    };
  }

  async start(): Promise<void> {
    if (this.child) throw new Error("server already running");
    // Another process on the port would answer the readiness check below in this server's place.
    if (await fetch(`${this.url}/`, { signal: AbortSignal.timeout(2000) }).then(() => true, () => false)) {
      throw new Error(`port ${this.port} is already in use; set E2E_PORT so that E2E_PORT+1000…+1004 are free`);
    }
    this.log = "";
    const child = startServer(this.env, "127.0.0.1", this.port, { stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server on ${this.port} exited at start:\n${this.log}`);
      try {
        const response = await fetch(`${this.url}/`, { signal: AbortSignal.timeout(5000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`server on ${this.port} did not answer within 60 s:\n${this.log}`);
  }

  /** Stops the server: SIGTERM (a clean stop, waited for) or SIGKILL (kill -9: no chance to flush anything). */
  async stop(signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited;
    }
  }

  output(): string {
    return this.log;
  }
}

/** Signs a staff account in on an extra server through the real form; the context keeps the session cookie. */
export async function signInOn(browser: Browser, server: AppServer, db: Db, role: "ADMIN" | "EDITOR" = "EDITOR"): Promise<BrowserContext> {
  const account = { email: `restart-${role.toLowerCase()}@breakingon.test`, password: "ferries run all night long", name: `Restart ${role}` };
  await db.user.upsert({
    where: { email: account.email },
    create: { email: account.email, name: account.name, role, passwordHash: await hash(account.password) },
    update: {},
  });
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  await page.close();
  return context;
}

/** The id Next gave a server action in this build (the same id the editor's page posts). */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${DIST_DIR}`);
  return found[0];
}

export type ActionAnswer = { ok: true; message: string; data?: Record<string, unknown> } | { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

/**
 * Calls a newsroom server action as the editor's page does (same id, same encoding, same session), and returns its
 * answer. A network error (the server was killed) rejects: such a write was never acknowledged.
 */
export async function callAction(request: APIRequestContext, server: AppServer, page: string, name: string, input: unknown): Promise<ActionAnswer> {
  const response = await request.post(`${server.url}${page}`, {
    headers: { "next-action": actionId(name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: server.url },
    data: JSON.stringify([input]),
    maxRedirects: 0,
    timeout: 15_000,
  });
  const text = await response.text();
  if (response.status() !== 200) throw new Error(`${name} answered ${response.status()}: ${text.slice(0, 200)}`);
  // The flight answer is one row per chunk ("0:{…}", "1:{…}"); the action's return value is the row with "ok".
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    const value = JSON.parse(json) as Record<string, unknown>;
    if (typeof value.ok === "boolean") return value as ActionAnswer;
  }
  throw new Error(`${name} answered without a result: ${text.slice(0, 200)}`);
}

/** Bytes on disk under a directory (like du -sb). */
export function diskUsage(dir: string): number {
  let total = 0;
  const walk = (current: string) => {
    for (const entry of readdirSafe(current)) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += statSize(full);
    }
  };
  walk(dir);
  return total;
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
function statSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
