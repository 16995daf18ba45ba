import { afterAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { TRASH_DAYS } from "@/lib/dal/trash";
import { createJobRunner } from "./index";
import { unregisterJob } from "./registry";
import { startTrashPurge, TRASH_PURGE_JOB } from "./trash-purge";

const DAY = 24 * 3_600_000;

describeEachEngine("the trash purge job", (database) => {
  afterAll(() => unregisterJob(TRASH_PURGE_JOB));

  it("is queued once per hour however often servers start, purges what is past 30 days, and queues the next run", async () => {
    const { db } = database();
    let now = new Date("2030-03-01T10:15:00Z");
    const clock = () => now;
    const lines: string[] = [];
    await startTrashPurge(clock, (line) => lines.push(line));
    await startTrashPurge(clock, (line) => lines.push(line));
    const queued = await db.job.findMany({ where: { name: TRASH_PURGE_JOB }, select: { runAt: true } });
    expect(queued).toEqual([{ runAt: new Date("2030-03-01T11:00:00Z") }]);

    const old = await db.article.create({ data: { slug: "old", headline: "Old", deletedAt: new Date(now.getTime() - (TRASH_DAYS + 1) * DAY) } });
    const young = await db.article.create({ data: { slug: "young", headline: "Young", deletedAt: new Date(now.getTime() - DAY) } });
    const live = await db.article.create({ data: { slug: "live", headline: "Live" } });

    const runner = createJobRunner({ pollMs: 60_000, db, now: clock, log: () => {} });
    expect(await runner.runDue()).toBe(0);
    now = new Date("2030-03-01T11:00:01Z");
    expect(await runner.runDue()).toBe(1);
    await runner.stop();

    expect((await db.article.findMany({ orderBy: { slug: "asc" }, select: { id: true } })).map((a) => a.id).sort()).toEqual([young.id, live.id].sort());
    expect(await db.article.findUnique({ where: { id: old.id } })).toBeNull();
    expect(lines).toEqual(["trash: purged 1 story trashed more than 30 days ago"]);
    const next = await db.job.findMany({ where: { name: TRASH_PURGE_JOB, doneAt: null }, select: { runAt: true } });
    expect(next).toEqual([{ runAt: new Date("2030-03-01T12:00:00Z") }]);
  });
});
