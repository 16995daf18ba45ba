import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { parseEnv } from "@/lib/env-schema";
import { archiveName } from "@/lib/ops/backup/manifest";
import { createJobRunner } from "./index";
import { unregisterJob } from "./registry";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }), cookies: async () => ({ get: () => undefined }) }));

const { BACKUP_JOB, runScheduledBackup, startScheduledBackups } = await import("./backups");
const { getBackupStatus } = await import("@/lib/dal/backups");
const { ForbiddenError } = await import("@/lib/dal/session");

const scratch = mkdtempSync(path.join(tmpdir(), "breakingon-backup-job-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const HOUR = 3_600_000;

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

describeEachEngine("scheduled backups", (database) => {
  afterAll(() => unregisterJob(BACKUP_JOB));

  it("runs once a day through the job queue, records the run, and prunes older scheduled archives to the retention", async () => {
    const { db, engine } = database();
    const dir = path.join(scratch, engine);
    const config = parseEnv({ ...process.env, BACKUP_DIR: dir, STORAGE_DIR: path.join(scratch, `media-${engine}`), BACKUP_KEEP_DAILY: "2", BACKUP_KEEP_WEEKLY: "1" });
    let now = new Date("2030-03-06T10:15:00Z");
    const clock = () => now;
    await startScheduledBackups(config, clock);
    await startScheduledBackups(config, clock);
    expect(await db.job.findMany({ where: { name: BACKUP_JOB }, select: { runAt: true } })).toEqual([{ runAt: new Date("2030-03-07T00:00:00Z") }]);

    // Older scheduled archives (and a manual one, which retention leaves alone) from the days before.
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    const older = [1, 2, 3].map((days) => archiveName("scheduled", new Date(Date.UTC(2030, 2, 7) - days * 24 * HOUR)));
    const manual = archiveName("manual", new Date("2030-03-01T08:00:00Z"));
    for (const name of [...older, manual]) writeFileSync(path.join(dir, name), "old");

    const runner = createJobRunner({ pollMs: 60_000, db, now: clock, log: () => {} });
    now = new Date("2030-03-07T00:00:01Z");
    expect(await runner.runDue()).toBe(1);
    await runner.stop();

    const run = await db.backupRun.findFirstOrThrow({ select: { kind: true, status: true, file: true, sizeBytes: true, finishedAt: true } });
    expect(run).toMatchObject({ kind: "scheduled", status: "succeeded", file: path.join(dir, "breakingon-20300307T000001Z-scheduled.tar.gz") });
    expect(Number(run.sizeBytes)).toBeGreaterThan(1000);
    // Kept: today's and yesterday's (2 daily); the week's newest is today's. Removed: the two days before; the manual one stays.
    expect(readdirSync(dir).sort()).toEqual([manual, older[0], "breakingon-20300307T000001Z-scheduled.tar.gz"].sort());
    expect(await db.job.count({ where: { name: BACKUP_JOB, doneAt: null, runAt: new Date("2030-03-08T00:00:00Z") } })).toBe(1);
  }, 120_000);

  it("records a failed backup with its reason, and shows administrators the last success and whether one is overdue", async () => {
    const { db, engine } = database();
    const notADirectory = path.join(scratch, `file-${engine}`);
    writeFileSync(notADirectory, "");
    const config = parseEnv({ ...process.env, BACKUP_DIR: notADirectory });
    await expect(runScheduledBackup(config, new Date(), () => {})).rejects.toThrow();
    const failed = await db.backupRun.findFirstOrThrow({ where: { status: "failed" }, select: { error: true, finishedAt: true } });
    expect(failed.error).toMatch(/EEXIST|ENOTDIR/);
    expect(existsSync(notADirectory)).toBe(true);

    const admin = await db.user.create({ data: { email: `admin-${engine}@news.example`, name: "Ada", passwordHash: "x", role: "ADMIN" } });
    const writer = await db.user.create({ data: { email: `writer-${engine}@news.example`, name: "Wil", passwordHash: "x", role: "WRITER" } });
    signInAs(admin.id);
    const lastAt = (await db.backupRun.findFirstOrThrow({ where: { status: "succeeded" }, select: { finishedAt: true } })).finishedAt!;
    const status = await getBackupStatus(new Date(lastAt.getTime() + 25 * HOUR));
    expect(status).toMatchObject({ stale: false, lastSucceeded: { kind: "scheduled", status: "succeeded" }, lastFailed: { status: "failed" } });
    expect(status.lastSucceeded!.sizeBytes).toBeGreaterThan(1000);
    expect((await getBackupStatus(new Date(lastAt.getTime() + 27 * HOUR))).stale).toBe(true);
    signInAs(writer.id);
    await expect(getBackupStatus()).rejects.toBeInstanceOf(ForbiddenError);
  }, 60_000);
});
