// One build, several instances, the way the README's "Running several instances" runs them: `npm start --
// --build-only` once, `--prepare-only` once, then two instances with `--no-build`; a restart that builds nothing, and
// a server action rendered by one instance and posted to the other.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStamp } from "./lib/build-stamp";
import { TEST_ACTIONS_KEY } from "./lib/test-release";
import { POSTGRES_ADMIN_URL, postgresUnavailableReason } from "../lib/testing/databases";

const TSX = "node_modules/tsx/dist/cli.mjs";
// Kept between runs (gitignored), so a second run shows the no-change restart without another build.
const DIST_DIR = process.env.START_TEST_DIST_DIR ?? ".next-start-test";
const PORTS = [4410, 4411];
// `npm test` builds once before Vitest (scripts/test.ts) and names that build here; it was made the way the first
// test below makes one (npm start -- --build-only with this key), so the test finds nothing to build.
const ACTIONS_KEY = TEST_ACTIONS_KEY;

const postgresReason = await postgresUnavailableReason();
const engine = postgresReason ? "sqlite" : "postgresql";
if (postgresReason) console.warn(`[note] instances test on SQLite: ${postgresReason}`);

function startScript(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // Its own process group, so the test can stop npm start and the Next server under it together.
  const child = spawn(process.execPath, [TSX, "scripts/start.ts", ...args], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exit };
}

async function runStart(args: string[], env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const run = startScript(args, env);
  const code = await run.exit;
  return { code, output: run.output(), seconds: (Date.now() - started) / 1000 };
}

async function waitUntilServing(port: number, run: ReturnType<typeof startScript>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${run.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/robots.txt`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`instance on ${port} did not answer within ${timeoutMs} ms:\n${run.output()}`);
}

/** The hidden fields React renders into a server action form (action id, bound state) plus the visible ones. */
function actionForm(html: string): FormData {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error("no form on the page");
  const data = new FormData();
  for (const input of form[1].matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    if (!name?.startsWith("$ACTION")) continue;
    const value = /\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? "";
    data.append(name, value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  return data;
}

describe("one build served by two instances", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-instances-"));
  const dbName = `breakingon_instances_${randomBytes(4).toString("hex")}`;
  const databaseUrl =
    engine === "postgresql" ? Object.assign(new URL(POSTGRES_ADMIN_URL), { pathname: `/${dbName}` }).toString() : `file:${path.join(dir, "site.db")}`;
  const { NEXTAUTH_SECRET: _s, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: _k, DEPLOYMENT_ID: _d, SITE_URL: _u, PORT: _p, ...base } = process.env;
  const env = {
    ...base,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTIONS_KEY,
    NEXT_DIST_DIR: DIST_DIR,
    STORAGE_DIR: path.join(dir, "storage"),
  };
  const instances: ReturnType<typeof startScript>[] = [];

  async function onDatabase<T>(query: string): Promise<T[]> {
    if (engine === "sqlite") {
      const db = new Database(path.join(dir, "site.db"), { readonly: true });
      try {
        return db.prepare(query).all() as T[];
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(query)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    if (engine === "postgresql") {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${dbName}"`);
      await admin.end();
    }
  });

  afterAll(async () => {
    for (const run of instances) {
      if (run.child.exitCode === null && run.child.pid) process.kill(-run.child.pid, "SIGTERM");
    }
    await Promise.all(instances.map((run) => Promise.race([run.exit, sleep(10_000)])));
    for (const run of instances) {
      if (run.child.exitCode === null && run.child.pid) process.kill(-run.child.pid, "SIGKILL");
    }
    if (engine === "postgresql") {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("builds once with the configured key, then finds nothing to build", async () => {
    const first = await runStart(["--build-only"], env);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(new RegExp(`(Building into|Using the existing build in) ${DIST_DIR}: `));

    const again = await runStart(["--build-only"], env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`Using the existing build in ${DIST_DIR}: nothing changed since the last build.`);
    expect(again.output).not.toContain("Building into");
    console.log(`--build-only with nothing changed: ${again.seconds.toFixed(1)} s`);
    expect(again.seconds).toBeLessThan(30);

    // Next derives the actions' ids from the key while building and keeps it beside them: every build of this
    // release, anywhere, agrees with every instance.
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8"));
    expect(manifest.encryptionKey).toBe(ACTIONS_KEY);
    expect(readStamp(DIST_DIR)?.deploymentId).toMatch(/^b-[0-9a-f]{16}$/);
  }, 900_000);

  it("the release step migrates and seeds once", async () => {
    const release = await runStart(["--prepare-only"], env);
    expect(release.code, release.output).toBe(0);
    expect(release.output).toContain(`The ${engine} database is migrated and seeded.`);
    expect(await onDatabase<{ n: number }>(`select count(*) as n from "Article"`)).toEqual([{ n: engine === "sqlite" ? 1 : "1" }]);
  }, 120_000);

  it("two instances start in seconds without building, and an action rendered by one is accepted by the other", async () => {
    const deploymentId = readStamp(DIST_DIR)!.deploymentId;
    for (const port of PORTS) {
      const started = Date.now();
      const run = startScript(["--no-build"], { ...env, PORT: String(port) });
      instances.push(run);
      await waitUntilServing(port, run, 120_000);
      console.log(`instance on ${port} answered ${((Date.now() - started) / 1000).toFixed(1)} s after npm start -- --no-build`);
      expect(run.output()).toContain(`Using the existing build in ${DIST_DIR}: --no-build was given.`);
      expect(run.output()).not.toContain("Building into");
    }
    const [a, b] = PORTS.map((port) => `http://127.0.0.1:${port}`);

    const page = await fetch(`${a}/admin/setup`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Both instances name the release the same (assets carry ?dpl=<DEPLOYMENT_ID>).
    expect(html).toContain(`dpl=${deploymentId}`);
    expect(await (await fetch(`${b}/admin/setup`)).text()).toContain(`dpl=${deploymentId}`);

    const form = actionForm(html);
    expect([...form.keys()].some((name) => name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_"))).toBe(true);
    const post = (data: FormData) =>
      fetch(`${b}/admin/setup`, { method: "POST", body: data, redirect: "manual", headers: { Origin: b } });

    // Control: an action id B does not know is refused and creates nothing, so the check below can fail.
    const forged = new FormData();
    for (const [name, value] of form) forged.append(name, String(value).replace(/[0-9a-f]{40,}/g, (id) => "0".repeat(id.length)));
    for (const [name, value] of [["name", "Nobody"], ["email", "nobody@example.com"], ["password", "purple elephants dance quietly"]]) forged.append(name, value);
    const refused = await post(forged);
    expect(refused.status).not.toBe(303);
    expect(await onDatabase(`select email from "User"`)).toEqual([]);

    for (const [name, value] of [["name", "Owner"], ["email", "owner@example.com"], ["password", "purple elephants dance quietly"]]) form.append(name, value);
    const accepted = await post(form);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toMatch(/\/admin\/login\?setup=done&email=owner%40example\.com$/);
    expect(await onDatabase(`select email, role from "User"`)).toEqual([{ email: "owner@example.com", role: "ADMIN" }]);
  }, 300_000);
});
