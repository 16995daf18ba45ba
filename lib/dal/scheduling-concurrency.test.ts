// Several instances run the scheduler at once: each scheduled item must still be applied exactly once (one revision,
// one audit entry, reported by one worker), none marked failed, also when a worker dies mid-item. On PostgreSQL each
// worker has its own client (its own connections), as separate instances would; on SQLite, which runs as one
// instance by definition, the workers are concurrent passes in one process over its one client.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, ArticleStatus, type Db, type Prisma } from "@/lib/db";
import { describeEachEngine, type TestDatabase } from "@/lib/testing/databases";
import type { ArticleChange } from "@/lib/cache/tags";
import { publishDueArticles } from "./scheduling";

const STORIES = 50;
const UPDATES = 50;
const BREAKING = 10;
const WORKERS = 4;
const now = new Date("2030-06-01T12:00:00Z");
// Everything falls due in the same second.
const dueAt = new Date("2030-06-01T11:59:59Z");

async function seed(db: Db, prefix: string): Promise<void> {
  const section = await db.section.create({ data: { slug: `${prefix}-world`, name: "World" } });
  const tag = await db.tag.create({ data: { slug: `${prefix}-tag`, name: "Tag" } });
  const byline = await db.byline.create({ data: { slug: `${prefix}-desk`, name: "Desk" } });
  const relations = { sectionId: section.id, tags: { create: [{ tagId: tag.id }] }, bylines: { create: [{ bylineId: byline.id }] } };
  for (let i = 0; i < STORIES; i++) {
    await db.article.create({ data: { ...relations, slug: `${prefix}-scheduled-${i}`, headline: `Scheduled ${i}`, status: ArticleStatus.SCHEDULED, scheduledAt: dueAt } });
  }
  for (let i = 0; i < UPDATES; i++) {
    const live = await db.article.create({ data: { ...relations, slug: `${prefix}-live-${i}`, headline: `Old ${i}`, status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() - 3_600_000) } });
    const changes = { headline: `New ${i}`, standfirst: "", body: "Updated text", slug: live.slug, sectionId: section.id, tags: [tag.slug], bylineIds: [byline.id], heroMediaId: null, seoTitle: null, seoDescription: null, breaking: false, breakingUntil: null, featured: false };
    await db.scheduledUpdate.create({ data: { articleId: live.id, runAt: dueAt, baseVersion: 1, changes } });
  }
  for (let i = 0; i < BREAKING; i++) {
    await db.article.create({ data: { ...relations, slug: `${prefix}-breaking-${i}`, headline: `Breaking ${i}`, status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() - 3_600_000), breaking: true, breakingUntil: dueAt } });
  }
}

/** The workers: separate clients on PostgreSQL, the one client on SQLite. */
function workersFor(database: TestDatabase, count: number): Db[] {
  return Array.from({ length: count }, () => (database.engine === "postgresql" ? createDb(database.url) : database.db));
}

async function disconnectWorkers(database: TestDatabase, workers: Db[]): Promise<void> {
  await Promise.all(workers.filter((w) => w !== database.db).map((w) => w.$disconnect()));
}

/** Every scheduled item of `prefix` is done, each exactly once, and nothing was recorded as failed. */
async function expectEachDoneOnce(db: Db, prefix: string): Promise<void> {
  const scheduled = await db.article.findMany({ where: { slug: { startsWith: `${prefix}-scheduled-` } }, select: { id: true, status: true, version: true, scheduleAttempts: true, scheduleError: true, publishedAt: true } });
  expect(scheduled).toHaveLength(STORIES);
  for (const story of scheduled) expect(story).toMatchObject({ status: "PUBLISHED", version: 2, scheduleAttempts: 0, scheduleError: null, publishedAt: dueAt });
  const ids = scheduled.map((s) => s.id);
  const publishRevisions = await db.revision.groupBy({ by: ["articleId"], where: { articleId: { in: ids }, reason: "Published on schedule" }, _count: { _all: true } });
  expect(publishRevisions).toHaveLength(STORIES);
  expect(publishRevisions.every((r) => r._count._all === 1)).toBe(true);
  const publishAudits = await db.auditLog.groupBy({ by: ["entityId"], where: { entityId: { in: ids }, action: "article.publish.scheduled" }, _count: { _all: true } });
  expect(publishAudits).toHaveLength(STORIES);
  expect(publishAudits.every((r) => r._count._all === 1)).toBe(true);

  const updates = await db.scheduledUpdate.findMany({ where: { article: { slug: { startsWith: `${prefix}-live-` } } }, select: { articleId: true, appliedAt: true, failure: true, attempts: true, lastError: true } });
  expect(updates).toHaveLength(UPDATES);
  for (const update of updates) expect(update).toMatchObject({ appliedAt: now, failure: null, attempts: 0, lastError: null });
  const liveIds = updates.map((u) => u.articleId);
  for (const live of await db.article.findMany({ where: { id: { in: liveIds } }, select: { headline: true, version: true } })) {
    expect(live.headline).toMatch(/^New \d+$/);
    expect(live.version).toBe(2);
  }
  const updateRevisions = await db.revision.groupBy({ by: ["articleId"], where: { articleId: { in: liveIds }, reason: { startsWith: "Scheduled update applied" } }, _count: { _all: true } });
  expect(updateRevisions).toHaveLength(UPDATES);
  expect(updateRevisions.every((r) => r._count._all === 1)).toBe(true);
  const updateAudits = await db.auditLog.groupBy({ by: ["entityId"], where: { entityId: { in: liveIds }, action: "article.update.scheduled.applied" }, _count: { _all: true } });
  expect(updateAudits).toHaveLength(UPDATES);
  expect(updateAudits.every((r) => r._count._all === 1)).toBe(true);

  const breaking = await db.article.findMany({ where: { slug: { startsWith: `${prefix}-breaking-` } }, select: { id: true, breaking: true, breakingUntil: true, version: true } });
  expect(breaking).toHaveLength(BREAKING);
  for (const story of breaking) expect(story).toEqual({ id: story.id, breaking: false, breakingUntil: null, version: 1 });
  const breakingAudits = await db.auditLog.groupBy({ by: ["entityId"], where: { entityId: { in: breaking.map((b) => b.id) }, action: "article.breaking.expired" }, _count: { _all: true } });
  expect(breakingAudits).toHaveLength(BREAKING);
  expect(breakingAudits.every((r) => r._count._all === 1)).toBe(true);

  const allIds = [...ids, ...liveIds, ...breaking.map((b) => b.id)];
  expect(await db.auditLog.count({ where: { entityId: { in: allIds }, action: { in: ["article.publish.scheduled.failed", "article.update.scheduled.retry", "article.update.scheduled.failed"] } } })).toBe(0);
}

/** Each item reported exactly once across all workers, and only items of this run. */
function expectReportedOnce(reported: ArticleChange[][]): void {
  const ids = reported.flat().map((change) => change.id);
  expect(ids.every((id) => typeof id === "string")).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(STORIES + UPDATES + BREAKING);
}

interface Instrumentation {
  /** Runs before the worker's n-th transaction (0-based) starts. */
  beforeTransaction?: (index: number) => Promise<void>;
  /** Runs inside the worker's n-th transaction just before a revision is written (after the claim). */
  beforeRevision?: (index: number, tx: Prisma.TransactionClient, data: { articleId: string }) => Promise<void>;
}

/**
 * A worker's client that can be made to stall or die at chosen points. Once `kill()` is called every further call
 * rejects, as for a process that is gone: it records nothing more, not even its own failure.
 */
function instrumented(db: Db, hooks: Instrumentation): { db: Db; kill(): void } {
  let dead = false;
  let transactions = 0;
  const gone = () => new Error("worker killed");
  const wrap = <T extends object>(target: T, inTx: number | null): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (property === "$transaction" && typeof value === "function") {
          return async (fn: (tx: Prisma.TransactionClient) => Promise<unknown>) => {
            if (dead) throw gone();
            const index = transactions++;
            await hooks.beforeTransaction?.(index);
            if (dead) throw gone();
            // A long timeout: a stalled worker is ended by the test, not by Prisma's transaction timer.
            return (object as unknown as Db).$transaction((tx) => fn(wrap(tx, index)), { timeout: 60_000, maxWait: 60_000 });
          };
        }
        if (typeof property === "string" && !property.startsWith("$") && value && typeof value === "object") {
          const model = property;
          return new Proxy(value as object, {
            get(delegate, method, r) {
              const fn = Reflect.get(delegate, method, r);
              if (typeof fn !== "function") return fn;
              return async (...args: unknown[]) => {
                if (dead) throw gone();
                if (inTx !== null && model === "revision" && method === "create") {
                  await hooks.beforeRevision?.(inTx, target as unknown as Prisma.TransactionClient, (args[0] as { data: { articleId: string } }).data);
                }
                if (dead) throw gone();
                return fn.apply(delegate, args);
              };
            },
          });
        }
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            if (dead) return Promise.reject(gone());
            return value.apply(object, args);
          };
        }
        return value;
      },
    });
  return {
    db: wrap(db, null),
    kill() {
      dead = true;
    },
  };
}

describeEachEngine("scheduled work across concurrent workers", (database) => {
  let workers: Db[] = [];
  beforeAll(async () => {
    await seed(database().db, "race");
    workers = workersFor(database(), WORKERS);
  });
  afterAll(() => disconnectWorkers(database(), workers));

  it(`publishes ${STORIES} stories due in the same second, applies ${UPDATES} updates and clears ${BREAKING} breaking flags exactly once with ${WORKERS} workers`, async () => {
    const reported: ArticleChange[][] = workers.map(() => []);
    const failures: string[] = [];
    const returned = await Promise.all(
      workers.map((worker, i) => publishDueArticles(now, { onChange: (change) => reported[i].push(change), onFailure: (item, reason) => failures.push(`${item}: ${reason}`) }, worker)),
    );
    expect(failures).toEqual([]);
    expect(returned).toEqual(reported);
    expectReportedOnce(reported);
    await expectEachDoneOnce(database().db, "race");
    // A second round finds nothing left to do.
    expect((await Promise.all(workers.map((worker) => publishDueArticles(now, {}, worker)))).flat()).toEqual([]);
  });
});

describeEachEngine("a worker killed mid-run", (database) => {
  let survivors: Db[] = [];
  let victimDb: Db;
  beforeAll(async () => {
    await seed(database().db, "kill");
    survivors = workersFor(database(), WORKERS - 1);
    [victimDb] = workersFor(database(), 1);
  });
  afterAll(() => disconnectWorkers(database(), [...survivors, victimDb]));

  it("leaves the item it held to the others, and everything is still done exactly once", async () => {
    const { engine } = database();
    const reported: ArticleChange[][] = [[], [], [], []];
    let held = "";
    let backendPid: number | null = null;
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const victim = instrumented(victimDb, {
      beforeRevision: async (index, tx, data) => {
        if (index !== 2) return;
        // The third item: its claim is made (the row locked, the status changed) and not committed.
        held = data.articleId;
        if (engine === "postgresql") {
          [{ pid: backendPid }] = await tx.$queryRawUnsafe<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`);
          holding();
          await resumed;
        } else {
          holding();
        }
        // The process dies here: on PostgreSQL its connection is gone (the test ends it); on SQLite the transaction aborts.
        victim.kill();
        throw new Error("worker killed mid-transaction");
      },
    });
    const victimRun = publishDueArticles(now, { onChange: (change) => reported[3].push(change), onFailure: () => {} }, victim.db).then(
      () => "finished",
      (error: Error) => error.message,
    );
    await isHolding;

    const failures: string[] = [];
    const run = () => Promise.all(survivors.map((worker, i) => publishDueArticles(now, { onChange: (change) => reported[i].push(change), onFailure: (item, reason) => failures.push(`${item}: ${reason}`) }, worker)));
    await run();
    if (engine === "postgresql") {
      // While the stalled worker held its row, the others skipped it rather than wait or publish it twice.
      expect(held).toBeTruthy();
      expect((await database().db.article.findUniqueOrThrow({ where: { id: held }, select: { status: true } })).status).toBe("SCHEDULED");
      await database().db.$queryRawUnsafe(`SELECT pg_terminate_backend(${Number(backendPid)})`);
      resume();
    }
    expect(await victimRun).toBe("worker killed");
    // The next pass anywhere picks up what the dead worker had claimed.
    await run();
    expect(failures).toEqual([]);
    expectReportedOnce(reported);
    // What the victim reported before it died was committed by it, and only by it.
    expect(reported[3]).toHaveLength(2);
    await expectEachDoneOnce(database().db, "kill");
  });
});

describeEachEngine("a failure is recorded only if no other worker has done the item meanwhile", (database) => {
  let other: Db;
  beforeAll(async () => {
    [other] = workersFor(database(), 1);
  });
  afterAll(() => disconnectWorkers(database(), [other]));

  /** Worker A fails the item (a passing error inside its transaction); before A records that, worker B does it. */
  async function race(): Promise<{ aFailures: string[]; aChanges: ArticleChange[]; bChanges: ArticleChange[] }> {
    const aFailures: string[] = [];
    const aChanges: ArticleChange[] = [];
    let bChanges: ArticleChange[] = [];
    let failed = false;
    const a = instrumented(database().db, {
      beforeRevision: async () => {
        if (failed) return;
        failed = true;
        throw new Error("connection reset by peer");
      },
      beforeTransaction: async () => {
        if (failed) bChanges = await publishDueArticles(now, {}, other);
      },
    });
    await publishDueArticles(now, { onChange: (c) => aChanges.push(c), onFailure: (item, reason) => aFailures.push(`${item}: ${reason}`) }, a.db);
    expect(failed).toBe(true);
    return { aFailures, aChanges, bChanges };
  }

  it("a story another worker published is not marked failed", async () => {
    const { db } = database();
    const story = await db.article.create({ data: { slug: "contested", headline: "Contested", status: ArticleStatus.SCHEDULED, scheduledAt: dueAt } });
    const { aFailures, aChanges, bChanges } = await race();
    expect(aFailures).toEqual([]);
    expect(aChanges).toEqual([]);
    expect(bChanges.map((c) => c.id)).toEqual([story.id]);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "PUBLISHED", scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null });
    expect(await db.revision.count({ where: { articleId: story.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: story.id } })).toBe(1);
  });

  it("an update another worker applied is not marked failed", async () => {
    const { db } = database();
    const byline = await db.byline.create({ data: { slug: "contested-desk", name: "Desk" } });
    const live = await db.article.create({ data: { slug: "contested-live", headline: "Old", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() - 3_600_000) } });
    // An update the editor's checks accept (text and a byline), as every applied update must be.
    const changes = { headline: "New", standfirst: "", body: "New text", slug: live.slug, sectionId: null, tags: [], bylineIds: [byline.id], heroMediaId: null, seoTitle: null, seoDescription: null, breaking: false, breakingUntil: null, featured: false };
    const update = await db.scheduledUpdate.create({ data: { articleId: live.id, runAt: dueAt, baseVersion: 1, changes } });
    const { aFailures, aChanges, bChanges } = await race();
    expect(aFailures).toEqual([]);
    expect(aChanges).toEqual([]);
    expect(bChanges.map((c) => c.id)).toEqual([live.id]);
    expect(await db.scheduledUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ appliedAt: now, failure: null, attempts: 0, lastError: null, retryAt: null });
    expect(await db.revision.count({ where: { articleId: live.id } })).toBe(1);
    expect(await db.auditLog.findMany({ where: { entityId: live.id }, select: { action: true } })).toEqual([{ action: "article.update.scheduled.applied" }]);
  });

  it("a failure nobody overtook is still recorded, once", async () => {
    const { db } = database();
    const story = await db.article.create({ data: { slug: "really-failing", headline: "Failing", status: ArticleStatus.SCHEDULED, scheduledAt: dueAt } });
    const failures: string[] = [];
    let thrown = 0;
    const a = instrumented(database().db, {
      beforeRevision: async () => {
        thrown++;
        throw new Error("connection reset by peer");
      },
    });
    await publishDueArticles(now, { onFailure: (item) => failures.push(item) }, a.db);
    expect(thrown).toBe(1);
    expect(failures).toEqual(["story really-failing"]);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "SCHEDULED", scheduleAttempts: 1 });
    expect(await db.auditLog.count({ where: { entityId: story.id, action: "article.publish.scheduled.failed" } })).toBe(1);
  });
});
