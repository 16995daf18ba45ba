import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { connectionPoolUse, jobQueueDepth, migrationState, pingDatabase } from "@/lib/dal/health";
import { LocalDiskStorage, newStorageKey } from "@/lib/media/storage";
import { describeEachEngine, migrationScripts } from "@/lib/testing/databases";
import { checkReadiness, jobRunnerCheck, storageCheck, type Check } from "./ready";

const fine: Check = async () => {};
const probeKey = () => `${newStorageKey()}/default.png`;

describe("readiness", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "breakingon-ready-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is ok only when every check passes, and says which failed and why", async () => {
    const ok = await checkReadiness({ database: fine, migrations: fine, storage: fine, jobRunner: async () => "last pass 1 s ago" });
    expect(ok.status).toBe("ok");
    expect(ok.checks.jobRunner).toMatchObject({ ok: true, detail: "last pass 1 s ago" });
    const failing = await checkReadiness({ database: fine, migrations: async () => { throw new Error("not applied: 2030_x"); }, storage: fine, jobRunner: fine });
    expect(failing.status).toBe("unavailable");
    expect(failing.checks.migrations).toMatchObject({ ok: false, detail: "not applied: 2030_x" });
    expect(failing.checks.database.ok).toBe(true);
  });

  it("gives up on a check that does not answer in time", async () => {
    const hung: Check = () => new Promise(() => {});
    const result = await checkReadiness({ database: hung, migrations: fine, storage: fine, jobRunner: fine }, 50);
    expect(result.status).toBe("unavailable");
    expect(result.checks.database.detail).toMatch(/no answer within 50 ms/);
  });

  it("is unavailable when the database is down", async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused at once.
    const down = createDb("postgresql://postgres@127.0.0.1:9/breakingon_nowhere");
    try {
      const result = await checkReadiness({ database: () => pingDatabase(down), migrations: fine, storage: fine, jobRunner: fine });
      expect(result.status).toBe("unavailable");
      expect(result.checks.database.ok).toBe(false);
      expect(result.checks.database.detail).toMatch(/reach database server|ECONNREFUSED|no answer within/i);
    } finally {
      await down.$disconnect().catch(() => {});
    }
  });

  it("is unavailable when storage cannot be written, and ok (leaving nothing behind) when it can", async () => {
    const blocked = path.join(scratch, "not-a-folder");
    writeFileSync(blocked, "a file where the storage folder should be");
    const unwritable = await checkReadiness({ database: fine, migrations: fine, storage: storageCheck(() => new LocalDiskStorage(blocked), probeKey), jobRunner: fine });
    expect(unwritable.status).toBe("unavailable");
    expect(unwritable.checks.storage.detail).toMatch(/ENOTDIR|EEXIST|not a directory/i);

    const root = path.join(scratch, "storage");
    const writable = await checkReadiness({ database: fine, migrations: fine, storage: storageCheck(() => new LocalDiskStorage(root), probeKey), jobRunner: fine });
    expect(writable.status).toBe("ok");
    const left = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(left).toEqual([]);
  });

  it("judges the job runner alive while it runs a job or looked at the queue within twice its poll interval", async () => {
    const now = 1_000_000_000;
    const runner = (lastPassAt: number | null, busy = false) => ({ liveness: () => ({ lastPassAt, busy }) });
    const check = (r: ReturnType<typeof runner> | undefined, pollMs = 15_000) => checkReadiness({ database: fine, migrations: fine, storage: fine, jobRunner: jobRunnerCheck(r, pollMs, () => now) });
    expect((await check(runner(now - 20_000))).status).toBe("ok");
    expect((await check(runner(now - 61_000))).checks.jobRunner).toMatchObject({ ok: false, detail: expect.stringMatching(/61 s ago/) });
    expect((await check(runner(now - 600_000, true))).status).toBe("ok");
    expect((await check(runner(null))).status).toBe("unavailable");
    expect((await check(undefined)).checks.jobRunner.detail).toMatch(/not started/);
    // SCHEDULER_POLL_MS=0 runs no runner on purpose.
    expect((await check(undefined, 0)).checks.jobRunner).toMatchObject({ ok: true, detail: expect.stringMatching(/off/) });
  });
});

describeEachEngine("readiness against the database", (database) => {
  const createMigrationsTable = async () => {
    await database().db.$executeRawUnsafe(
      `create table if not exists _prisma_migrations (id varchar(36) primary key, checksum varchar(64) not null default '', finished_at timestamp, migration_name varchar(255) not null, logs text, rolled_back_at timestamp, started_at timestamp not null default current_timestamp, applied_steps_count integer not null default 0)`,
    );
  };
  const record = (name: string, finished = true) =>
    database().db.$executeRawUnsafe(
      `insert into _prisma_migrations (id, migration_name, finished_at) values ('${name.slice(0, 36)}', '${name}', ${finished ? "current_timestamp" : "null"})`,
    );

  it("answers a ping", async () => {
    await expect(pingDatabase(database().db)).resolves.toBeUndefined();
  });

  it("names the migrations of this release that are not applied, and any that failed", async () => {
    const engine = database().engine;
    const folders = readdirSync(path.join("prisma", engine, "migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders.length).toBe(migrationScripts(engine).length);
    await createMigrationsTable();
    for (const name of folders.slice(0, -1)) await record(name);
    expect(await migrationState(database().db)).toEqual({ pending: [folders.at(-1)], failed: [] });
    await record(folders.at(-1)!, false);
    expect(await migrationState(database().db)).toEqual({ pending: [folders.at(-1)], failed: [folders.at(-1)] });
    await database().db.$executeRawUnsafe(`update _prisma_migrations set finished_at = current_timestamp`);
    expect(await migrationState(database().db)).toEqual({ pending: [], failed: [] });
  });

  it("reports the PostgreSQL connection pool's use (SQLite has none)", async () => {
    await pingDatabase();
    const use = connectionPoolUse();
    if (database().engine === "sqlite") expect(use).toBeNull();
    else expect(use).toMatchObject({ total: expect.any(Number), idle: expect.any(Number), waiting: 0 });
    if (use) expect(use.total).toBeGreaterThanOrEqual(1);
  });

  it("counts the job queue by state", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    const job = (data: Record<string, unknown>) => database().db.job.create({ data: { name: "test.job", payload: {}, ...data } });
    await job({ runAt: at(-1000) });
    await job({ runAt: at(-1000), lockedBy: "x", lockedUntil: at(-1) });
    await job({ runAt: at(60_000) });
    await job({ runAt: at(-1000), lockedBy: "y", lockedUntil: at(30_000) });
    await job({ runAt: at(-1000), failedAt: at(-10) });
    await job({ runAt: at(-1000), doneAt: at(-10) });
    expect(await jobQueueDepth(now, database().db)).toEqual({ due: 2, scheduled: 1, running: 1, failed: 1 });
  });
});
