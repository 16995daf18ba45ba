import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { judgeState, LOCAL_ACTIONS_KEY_FILE, prepareDatabase, serverActionsKey } from "./lib/prepare";
import { planFromArgs } from "./lib/start-options";
import { startLine, waitUntilAnswering } from "./lib/start-line";
import { createServer } from "node:http";
import { POSTGRES_ADMIN_URL, postgresUnavailableReason } from "../lib/testing/databases";

const TSX = "node_modules/tsx/dist/cli.mjs";

function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  const { NEXTAUTH_SECRET: _secret, DATABASE_URL: _url, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: _key, ...base } = process.env;
  return spawnSync(process.execPath, [TSX, script, ...args], { env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
}

const KEY = Buffer.alloc(32, 7).toString("base64");

function nonEmptyLines(text: string) {
  return text.split("\n").filter((line) => line.trim() && !line.includes("nodedir"));
}

describe("npm start refuses bad configuration with one line", () => {
  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/news" }, /^npm start: DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "s".repeat(32), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY }, /^npm start: cannot reach PostgreSQL at 127\.0\.0\.1:1 database nowhere \(ECONNREFUSED\)/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" }, /^npm start: NEXTAUTH_SECRET is not set\. Production needs a random secret/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", NEXTAUTH_SECRET: "s".repeat(32) }, /^npm start: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set\. Every instance must share one: openssl rand -base64 32$/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", NEXTAUTH_SECRET: "s".repeat(32), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "short" }, /^npm start: Invalid configuration — NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 32 random bytes in base64/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", NEXTAUTH_SECRET: "s".repeat(32), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY, DEPLOYMENT_ID: "no spaces" }, /^npm start: Invalid configuration — DEPLOYMENT_ID:/],
    [{ DATABASE_URL: "file:./data/never-created.db", PORT: "99999" }, /^npm start: Invalid configuration — PORT:/],
  ])("%o", (env, message) => {
    const result = runScript("scripts/start.ts", env);
    expect(result.status).toBe(1);
    const errors = nonEmptyLines(result.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    [["--bogus"], /^npm start: Unknown option '--bogus'\. usage: npm start \[-- --build \| --no-build \| --build-only \| --prepare-only\]$/],
    [["--build", "--no-build"], /^npm start: --build and --no-build contradict each other\. usage:/],
    [["--no-build", "--build-only"], /^npm start: --no-build and --build-only contradict each other\. usage:/],
    [["stray"], /^npm start: Unexpected argument 'stray'\. usage:/],
  ])("refuses the flags %o in one line before doing anything", (args, message) => {
    const result = runScript("scripts/start.ts", { DATABASE_URL: "mysql://nothing-is-touched" }, args);
    expect(result.status).toBe(1);
    expect(nonEmptyLines(result.stderr)).toEqual([expect.stringMatching(message)]);
  });

  it("--no-build without a build says so in one line, before touching the database", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "breakingon-nobuild-"));
    try {
      const result = runScript("scripts/start.ts", { DATABASE_URL: `file:${dir}/site.db`, NEXT_DIST_DIR: path.relative(process.cwd(), path.join(dir, "dist")) }, ["--no-build"]);
      expect(result.status).toBe(1);
      expect(nonEmptyLines(result.stderr)).toEqual([
        expect.stringMatching(/^npm start: there is no build in .*dist; make one first with npm start -- --build-only \(or start without --no-build\)$/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("prisma db seed reports a bad DATABASE_URL in one line and writes nothing", () => {
    const result = runScript("prisma/seed.ts", { DATABASE_URL: "sqlserver://x" });
    expect(result.status).toBe(1);
    expect(nonEmptyLines(result.stderr)).toEqual([
      expect.stringMatching(/^Seed failed, nothing was written: DATABASE_URL must start with file:/),
    ]);
  });
});

describe("preparing the embedded database on every start", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-start-"));
  const file = path.join(dir, "site.db");
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates and seeds a new database, then keeps the newsroom's data on the next start", async () => {
    await prepareDatabase(env);
    const db = new Database(file);
    expect(db.prepare("select count(*) n from Article").get()).toEqual({ n: 1 });
    // The newsroom deletes the seeded story and renames the site; a restart must not undo either.
    db.prepare("delete from Article").run();
    db.prepare("update SiteSettings set name = 'Renamed'").run();
    db.close();

    const lines: string[] = [];
    await prepareDatabase(env, { log: (line) => lines.push(line) });
    // Nothing to do, and no tool started to find that out.
    expect(lines).toEqual(["The database is up to date (every migration applied, content present)."]);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("select count(*) n from Article").get()).toEqual({ n: 0 });
    expect(after.prepare("select name from SiteSettings").get()).toEqual({ name: "Renamed" });
    const migrations = readdirSync("prisma/sqlite/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(after.prepare("select count(*) n from _prisma_migrations where finished_at is not null").get()).toEqual({
      n: migrations,
    });
    after.close();

    // Settings gone (an emptied database): the seed runs again.
    const emptied = new Database(file);
    emptied.prepare("delete from SiteSettings").run();
    emptied.close();
    lines.length = 0;
    await prepareDatabase(env, { log: (line) => lines.push(line) });
    expect(lines).toEqual([]);
    const reseeded = new Database(file, { readonly: true });
    expect(reseeded.prepare("select count(*) n from SiteSettings").get()).toEqual({ n: 1 });
    reseeded.close();
  }, 120_000);

  it("starts prisma migrate deploy whenever a migration is not recorded as applied, or one failed", () => {
    const folders = readdirSync("prisma/sqlite/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const done = folders.map((name) => ({ migration_name: name, finished_at: "2026-01-01", rolled_back_at: null }));
    expect(judgeState("sqlite", done, 1)).toEqual({ migrated: true, seeded: true });
    expect(judgeState("sqlite", done.slice(1), 1).migrated).toBe(false);
    expect(judgeState("sqlite", [...done, { migration_name: "x", finished_at: null, rolled_back_at: null }], 1).migrated).toBe(false);
    expect(judgeState("sqlite", done.map((row, i) => (i === 0 ? { ...row, rolled_back_at: "2026-01-02" } : row)), 1).migrated).toBe(false);
    expect(judgeState("sqlite", null, null)).toEqual({ migrated: false, seeded: false });
    expect(judgeState("sqlite", done, 0).seeded).toBe(false);
  });
});

describe("npm run admin", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-admin-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "admin.db")}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function admin(args: string[], password: string) {
    return spawnSync(process.execPath, [TSX, "--conditions=react-server", "scripts/admin.ts", ...args], { env, input: password, encoding: "utf8", timeout: 60_000 });
  }

  it("creates an admin, resets it, and refuses bad input in one line", async () => {
    await prepareDatabase(env);
    const created = admin(["--email", "Ops@News.Example", "--name", "Ops"], "purple elephants dance\n");
    expect(created.status).toBe(0);
    expect(created.stdout.trim()).toBe("Created admin ops@news.example.");
    const reset = admin(["--email", "ops@news.example"], "another long passphrase\n");
    expect(reset.stdout.trim()).toBe("Reset admin ops@news.example; every session of this account has ended.");
    const weak = admin(["--email", "ops@news.example"], "password1234\n");
    expect(weak.status).toBe(1);
    expect(nonEmptyLines(weak.stderr)).toEqual(["npm run admin: password: This password is too common. Choose another."]);
    const usage = admin([], "");
    expect(nonEmptyLines(usage.stderr)).toEqual([expect.stringMatching(/^npm run admin: usage: npm run admin -- --email/)]);
    const db = new Database(path.join(dir, "admin.db"), { readonly: true });
    expect(db.prepare("select role, sessionVersion from User").all()).toEqual([{ role: "ADMIN", sessionVersion: 1 }]);
    db.close();
  }, 120_000);
});

describe("what each npm start flag does", () => {
  it.each([
    [[], { mode: "auto", prepare: true, build: true, serve: true }],
    [["--build"], { mode: "always", prepare: true, build: true, serve: true }],
    [["--no-build"], { mode: "never", prepare: true, build: true, serve: true }],
    [["--build-only"], { mode: "auto", prepare: false, build: true, serve: false }],
    [["--build-only", "--build"], { mode: "always", prepare: false, build: true, serve: false }],
    [["--prepare-only"], { mode: "auto", prepare: true, build: false, serve: false }],
    [["--prepare-only", "--build-only"], { mode: "auto", prepare: true, build: true, serve: false }],
  ])("%o", (args, plan) => {
    expect(planFromArgs(args)).toEqual(plan);
  });
});

describe("the start line says where the site and the newsroom are", () => {
  it.each([
    ["127.0.0.1", 3000, "BreakingOn is up: site http://127.0.0.1:3000/, newsroom http://127.0.0.1:3000/admin"],
    ["0.0.0.0", 8080, "BreakingOn is up: site http://localhost:8080/, newsroom http://localhost:8080/admin"],
    ["::1", 3000, "BreakingOn is up: site http://[::1]:3000/, newsroom http://[::1]:3000/admin"],
  ])("%s:%i", (host, port, line) => {
    expect(startLine(host, port)).toBe(line);
  });

  it("is printed only once the server answers, and never when it stopped first", async () => {
    const server = createServer((_request, response) => response.writeHead(302, { location: "/admin/login" }).end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await waitUntilAnswering(`http://127.0.0.1:${port}/admin/login`, { everyMs: 20 })).toBe(true);
    } finally {
      server.close();
    }
    let tries = 0;
    expect(await waitUntilAnswering(`http://127.0.0.1:${port}/`, { everyMs: 10, stop: () => ++tries > 3 })).toBe(false);
  });
});

describe("the server actions key", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "breakingon-key-"));
  const cwd = process.cwd();
  const given = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  afterAll(() => {
    process.chdir(cwd);
    if (given === undefined) delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    else process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = given;
    rmSync(dir, { recursive: true, force: true });
  });

  it("is generated once for the embedded start and kept private; configuration wins; PostgreSQL requires it", () => {
    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    process.chdir(dir);
    const sqlite = { engine: "sqlite" as const, url: "file:./x.db", file: path.join(dir, "x.db") };
    const key = serverActionsKey(sqlite);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(statSync(LOCAL_ACTIONS_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(readFileSync(LOCAL_ACTIONS_KEY_FILE, "utf8")).toBe(`${key}\n`);
    expect(serverActionsKey(sqlite)).toBe(key);
    expect(() => serverActionsKey({ engine: "postgresql", url: "postgresql://h/db" })).toThrow(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/);
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = KEY;
    expect(serverActionsKey(sqlite)).toBe(KEY);
    expect(serverActionsKey({ engine: "postgresql", url: "postgresql://h/db" })).toBe(KEY);
  });

  it("and the generated files stay out of git", () => {
    process.chdir(cwd);
    for (const file of ["data/.server-actions-key", "data/.nextauth-secret", ".next-start-test/x", ".next/x"]) {
      expect(spawnSync("git", ["check-ignore", "-q", file]).status, file).toBe(0);
    }
  });
});

const postgresReason = await postgresUnavailableReason();
if (postgresReason) console.warn(`[skipped] concurrent first boots on PostgreSQL: ${postgresReason}`);

describe.skipIf(postgresReason !== null)("concurrent first boots on one PostgreSQL database", () => {
  const name = `breakingon_start_${Date.now().toString(36)}`;
  const admin = () => new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  const url = Object.assign(new URL(POSTGRES_ADMIN_URL), { pathname: `/${name}` }).toString();

  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it("three prepares at once: one set of migrations, one seeded story, no errors, the others waited", async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();

    const waited: string[] = [];
    const env = { ...process.env, DATABASE_URL: url };
    await Promise.all([1, 2, 3].map(() => prepareDatabase(env, { log: (line) => waited.push(line) })));
    // At least one waited for the first, and found the work done when its turn came.
    expect(waited.filter((line) => /^Another instance is migrating or seeding this database; waiting/.test(line)).length).toBeGreaterThanOrEqual(1);
    expect(waited.filter((line) => /^The database is up to date/.test(line)).length).toBe(2);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const migrations = readdirSync("prisma/postgresql/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
      const applied = await db.query(`select migration_name, finished_at, rolled_back_at from _prisma_migrations`);
      expect(applied.rows).toHaveLength(migrations);
      expect(applied.rows.every((row) => row.finished_at && !row.rolled_back_at)).toBe(true);
      expect((await db.query(`select count(*)::int n from "Article"`)).rows).toEqual([{ n: 1 }]);
      expect((await db.query(`select count(*)::int n from "SiteSettings"`)).rows).toEqual([{ n: 1 }]);
      expect((await db.query(`select count(*)::int n from "Section"`)).rows[0].n).toBeGreaterThan(0);
      // Nobody holds the lock afterwards.
      const held = await db.query(`select count(*)::int n from pg_locks where locktype = 'advisory'`);
      expect(held.rows).toEqual([{ n: 0 }]);
    } finally {
      await db.end();
    }
  }, 180_000);
});
