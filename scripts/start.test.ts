import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { prepareDatabase } from "./lib/prepare";

const TSX = "node_modules/tsx/dist/cli.mjs";

function runScript(script: string, env: Record<string, string>) {
  const { NEXTAUTH_SECRET: _secret, DATABASE_URL: _url, ...base } = process.env;
  return spawnSync(process.execPath, [TSX, script], { env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
}

function nonEmptyLines(text: string) {
  return text.split("\n").filter((line) => line.trim() && !line.includes("nodedir"));
}

describe("npm start refuses bad configuration with one line", () => {
  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/news" }, /^npm start: DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "s".repeat(32) }, /^npm start: cannot reach PostgreSQL at 127\.0\.0\.1:1 database nowhere \(ECONNREFUSED\)/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" }, /^npm start: NEXTAUTH_SECRET is not set\. Production needs a random secret/],
    [{ DATABASE_URL: "file:./data/never-created.db", PORT: "99999" }, /^npm start: Invalid configuration — PORT:/],
  ])("%o", (env, message) => {
    const result = runScript("scripts/start.ts", env);
    expect(result.status).toBe(1);
    const errors = nonEmptyLines(result.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

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

    await prepareDatabase(env);
    const after = new Database(file, { readonly: true });
    expect(after.prepare("select count(*) n from Article").get()).toEqual({ n: 0 });
    expect(after.prepare("select name from SiteSettings").get()).toEqual({ name: "Renamed" });
    const migrations = readdirSync("prisma/sqlite/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(after.prepare("select count(*) n from _prisma_migrations where finished_at is not null").get()).toEqual({
      n: migrations,
    });
    after.close();
  }, 120_000);
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
