// Upgrades (README, "Upgrades"): npm start applies pending migrations once, under a lock, printing the release and
// what changes; a database that holds something is backed up first, and a migration that fails leaves it as it was
// (put back from that backup) with a message that says how to roll back.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pendingMigrations, prepareDatabase, releaseVersion } from "./lib/prepare";
import { POSTGRES_ADMIN_URL, onServer, postgresUnavailableReason } from "../lib/testing/databases";

const dir = mkdtempSync(path.join(tmpdir(), "breakingon-upgrade-"));
const postgresReason = await postgresUnavailableReason();
const dropped: string[] = [];

afterAll(async () => {
  for (const name of dropped) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

async function query<T>(engine: "sqlite" | "postgresql", url: string, sql: string): Promise<T[]> {
  if (engine === "sqlite") {
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const folders = (engine: string) => readdirSync(`prisma/${engine}/migrations`, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

for (const engine of ["sqlite", "postgresql"] as const) {
  describe.skipIf(engine === "postgresql" && postgresReason !== null)(`upgrading with npm start [${engine}]`, () => {
    const backupDir = path.join(dir, `backups-${engine}`);
    let url = "";
    const env = () => ({ ...process.env, DATABASE_URL: url, BACKUP_DIR: backupDir, STORAGE_DIR: path.join(dir, `media-${engine}`) });

    it("migrates a new database once when two instances start together, printing the release and each change", async () => {
      const name = `breakingon_test_${randomBytes(6).toString("hex")}`;
      if (engine === "sqlite") url = `file:${path.join(dir, `${name}.db`)}`;
      else {
        await onServer(`CREATE DATABASE "${name}"`);
        dropped.push(name);
        const target = new URL(POSTGRES_ADMIN_URL);
        target.pathname = `/${name}`;
        url = target.toString();
      }
      const [first, second]: string[][] = [[], []];
      await Promise.all([prepareDatabase(env(), { log: (l) => first.push(l) }), prepareDatabase(env(), { log: (l) => second.push(l) })]);
      const [migrator, waiter] = first.some((l) => l.startsWith("BreakingOn")) ? [first, second] : [second, first];
      expect(migrator[0]).toBe(`BreakingOn ${releaseVersion()}: ${folders(engine).length} schema changes to apply to a new database:`);
      expect(migrator).toContainEqual(expect.stringMatching(/^ {2}\d+_live_coverage \(Live coverage, embargoes and distribution/));
      expect(waiter).toEqual(["Another instance is migrating or seeding this database; waiting for it to finish.", "The database is up to date (every migration applied, content present)."]);
      const applied = await query<{ n: number | string }>(engine, url, `select count(*) as n from _prisma_migrations where finished_at is not null`);
      expect(Number(applied[0].n)).toBe(folders(engine).length);
      // A new database has nothing to lose: no backup was taken.
      expect(existsSync(backupDir)).toBe(false);
    }, 180_000);

    it("backs up a database with content before migrating, and puts it back when a migration fails", async () => {
      // The last migration looks unapplied while its tables are already there, so applying it again fails part way.
      const last = folders(engine).at(-1)!;
      if (engine === "sqlite") {
        const db = new Database(url.slice("file:".length));
        db.prepare(`delete from _prisma_migrations where migration_name = ?`).run(last);
        db.prepare(`update "SiteSettings" set name = 'Before the upgrade'`).run();
        db.close();
      } else {
        await onServer(`delete from _prisma_migrations where migration_name = '${last}'; update "SiteSettings" set name = 'Before the upgrade'`, url);
      }
      expect(pendingMigrations(engine, (await query<{ migration_name: string }>(engine, url, `select migration_name from _prisma_migrations`)).map((r) => r.migration_name))).toEqual([last]);

      const lines: string[] = [];
      const error = await prepareDatabase(env(), { log: (l) => lines.push(l) }).catch((e: unknown) => e);
      expect(lines[0]).toBe(`BreakingOn ${releaseVersion()}: 1 schema change to apply:`);
      expect(lines[1]).toMatch(new RegExp(`^  ${last} \\(`));
      const message = (error as Error).message;
      expect(message).toMatch(/^a database migration failed \(see the output above\); the database was put back as it was from the pre-migration backup \S+-pre-migration\.tar\.gz\./);
      expect(message).toMatch(/To restore that backup by hand: npm run restore -- \S+ --force --database-only --no-migrate$/);
      expect(readdirSync(backupDir).filter((f) => f.endsWith("-pre-migration.tar.gz"))).toHaveLength(1);

      // As it was: the content, and no failed migration left on record to block the next start.
      expect(await query(engine, url, `select name from "SiteSettings"`)).toEqual([{ name: "Before the upgrade" }]);
      const rows = await query<{ migration_name: string; finished_at: unknown }>(engine, url, `select migration_name, finished_at from _prisma_migrations order by migration_name`);
      expect(rows.map((r) => r.migration_name)).toEqual(folders(engine).slice(0, -1));
      expect(rows.every((r) => r.finished_at)).toBe(true);
    }, 240_000);
  });
}
