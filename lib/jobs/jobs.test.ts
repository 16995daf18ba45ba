import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { z } from "zod";
import { createDb, type Db } from "@/lib/db";
import { describeEachEngine, type TestDatabase } from "@/lib/testing/databases";
import { claimNextJob, completeJob, failJob, findJob, nextJobAt, pruneDoneJobs } from "@/lib/dal/jobs";
import { retryDelayMs } from "@/lib/dal/scheduling";
import { createJobRunner, enqueue, JobInputError, MAX_PAYLOAD_BYTES, PermanentJobError, registerJob, startJobRunner, type JobRunner } from "./index";
import { unregisterJob } from "./registry";

const t0 = new Date("2030-06-01T12:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);
const quiet = () => {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let current = start.getTime();
  return { now: () => new Date(current), set: (date: Date) => void (current = date.getTime()) };
}

/** Separate clients (connections) on PostgreSQL, as separate instances would have; the one client on SQLite. */
function clientsFor(database: TestDatabase, count: number): Db[] {
  return Array.from({ length: count }, () => (database.engine === "postgresql" ? createDb(database.url) : database.db));
}

describeEachEngine("the job queue", (database) => {
  const registered: string[] = [];
  const register: typeof registerJob = (name, handler, options) => {
    registered.push(name);
    registerJob(name, handler, options);
  };
  const extraClients: Db[] = [];
  const clients = (count: number) => {
    const made = clientsFor(database(), count);
    extraClients.push(...made.filter((c) => c !== database().db));
    return made;
  };
  let runners: JobRunner[] = [];

  beforeAll(() => {
    // Jobs enqueued by other suites' handlers never leak in: each test registers its own names.
    expect(registered).toEqual([]);
  });
  afterEach(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    runners = [];
    registered.splice(0).forEach(unregisterJob);
  });
  afterAll(async () => {
    await Promise.all(extraClients.map((client) => client.$disconnect()));
  });

  it("adds a job once per key, also when many instances enqueue it at the same moment", async () => {
    const { db } = database();
    const first = await enqueue("dedup.ping", { url: "https://example.org/" }, { key: "ping:1", runAt: t0 });
    expect(first.created).toBe(true);
    const again = await enqueue("dedup.ping", { url: "https://other.example/" }, { key: "ping:1", runAt: after(5000) });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await findJob(first.id)).toMatchObject({ name: "dedup.ping", payload: { url: "https://example.org/" }, runAt: t0, key: "ping:1", attempts: 0, maxAttempts: 10, doneAt: null });

    const many = clients(4);
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => enqueue("dedup.ping", { i }, { key: "ping:2", tx: many[i % many.length] })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.job.count({ where: { key: "ping:2" } })).toBe(1);
    // Without a key, nothing is de-duplicated.
    await enqueue("dedup.ping", {});
    await enqueue("dedup.ping", {});
    expect(await db.job.count({ where: { name: "dedup.ping", key: null } })).toBe(2);
  });

  it("enqueued inside a transaction, exists exactly when that transaction commits", async () => {
    const { db } = database();
    await expect(
      db.$transaction(async (tx) => {
        await enqueue("outbox.send", { n: 1 }, { key: "outbox:1", tx });
        throw new Error("the write that asked for it failed");
      }),
    ).rejects.toThrow("the write that asked for it failed");
    expect(await db.job.count({ where: { key: "outbox:1" } })).toBe(0);
    await db.$transaction(async (tx) => {
      await enqueue("outbox.send", { n: 1 }, { key: "outbox:1", tx });
      // A duplicate inside the same transaction does not abort it (PostgreSQL aborts a transaction on any error).
      expect((await enqueue("outbox.send", { n: 1 }, { key: "outbox:1", tx })).created).toBe(false);
    });
    expect(await db.job.count({ where: { key: "outbox:1" } })).toBe(1);
  });

  it("refuses bad input with a clear error and adds nothing", async () => {
    const { db } = database();
    register("strict.job", async () => {}, { payload: z.object({ articleId: z.string().min(1) }) });
    const before = await db.job.count();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const cases: [string, unknown, Parameters<typeof enqueue>[2], RegExp][] = [
      ["not a name!", {}, {}, /job name starts with a letter/],
      ["", {}, {}, /job name/],
      ["ok.name", {}, { key: "" }, /key must not be empty/],
      ["ok.name", {}, { key: "k".repeat(201) }, /key must be at most 200/],
      ["ok.name", {}, { runAt: new Date("nonsense") }, /runAt/],
      ["ok.name", {}, { runAt: new Date("+010000-01-01T00:00:00Z") }, /runAt must be a valid date/],
      ["ok.name", {}, { maxAttempts: 0 }, /maxAttempts/],
      ["ok.name", { big: 1n }, {}, /cannot be stored as JSON/],
      ["ok.name", circular, {}, /cannot be stored as JSON/],
      ["ok.name", undefined, {}, /cannot be stored as JSON/],
      ["ok.name", { text: "x".repeat(MAX_PAYLOAD_BYTES) }, {}, /larger than 65536 bytes/],
      ["strict.job", { articleId: "" }, {}, /not what its handler takes: articleId/],
    ];
    for (const [name, payload, options, message] of cases) {
      const attempt = enqueue(name, payload, options);
      await expect(attempt).rejects.toBeInstanceOf(JobInputError);
      await expect(attempt).rejects.toThrow(message);
    }
    expect(await db.job.count()).toBe(before);
    expect(() => registerJob("bad name", async () => {})).toThrow(/must start with a letter/);
    expect(() => registerJob("ok.name", async () => {}, { maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  it("runs due jobs once, oldest first, with their payload, and leaves future ones", async () => {
    const { db } = database();
    const seen: string[] = [];
    register("order.job", async (payload: { n: number }, context) => {
      seen.push(`${payload.n}@${context.attempt}`);
    });
    await enqueue("order.job", { n: 2 }, { runAt: after(-1000) });
    await enqueue("order.job", { n: 1 }, { runAt: after(-2000) });
    const future = await enqueue("order.job", { n: 3 }, { runAt: after(60_000) });
    const clock = manualClock(t0);
    const runner = createJobRunner({ pollMs: 60_000, now: clock.now, log: quiet });
    expect(await runner.runDue()).toBe(2);
    expect(seen).toEqual(["1@1", "2@1"]);
    expect(await runner.runDue()).toBe(0);
    expect(await db.job.count({ where: { name: "order.job", doneAt: t0, lockedBy: null, lastError: null } })).toBe(2);
    expect(await nextJobAt(["order.job"])).toEqual(after(60_000));
    clock.set(after(60_000));
    expect(await runner.runDue()).toBe(1);
    expect((await findJob(future.id))?.doneAt).toEqual(after(60_000));
    expect(await nextJobAt(["order.job"])).toBeNull();
  });

  it("retries a failing job with backoff (30 s, then 60 s …) and clears the error when it succeeds", async () => {
    let calls = 0;
    register("flaky.job", async () => {
      calls++;
      if (calls <= 2) throw new Error(`remote said 503 (${calls})`);
    });
    const { id } = await enqueue("flaky.job", {}, { runAt: t0 });
    const clock = manualClock(t0);
    const runner = createJobRunner({ pollMs: 60_000, now: clock.now, log: quiet });
    await runner.runDue();
    expect(await findJob(id)).toMatchObject({ attempts: 1, lastError: "remote said 503 (1)", runAt: after(retryDelayMs(1)), lockedBy: null, doneAt: null, failedAt: null });
    clock.set(after(retryDelayMs(1) - 1));
    expect(await runner.runDue()).toBe(0);
    clock.set(after(retryDelayMs(1)));
    await runner.runDue();
    expect(await findJob(id)).toMatchObject({ attempts: 2, lastError: "remote said 503 (2)", runAt: after(retryDelayMs(1) + retryDelayMs(2)) });
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    clock.set(after(retryDelayMs(1) + retryDelayMs(2)));
    await runner.runDue();
    expect(await findJob(id)).toMatchObject({ attempts: 3, lastError: null, doneAt: after(retryDelayMs(1) + retryDelayMs(2)) });
    expect(calls).toBe(3);
  });

  it("gives up after maxAttempts, at once on a PermanentJobError or a payload the handler cannot take", async () => {
    const log = vi.fn();
    register("doomed.job", async () => {
      throw new Error("always");
    }, { maxAttempts: 2, backoffMs: () => 1000 });
    register("gone.job", async () => {
      throw new PermanentJobError("the webhook's address answers 410 Gone");
    });
    const doomed = await enqueue("doomed.job", {}, { runAt: t0 });
    const gone = await enqueue("gone.job", {}, { runAt: t0 });
    // Enqueued before its schema was registered here (e.g. by an older release): checked when it runs.
    const malformed = await enqueue("typed.job", { articleId: 42 }, { runAt: t0 });
    register("typed.job", async () => {}, { payload: z.object({ articleId: z.string() }) });
    const clock = manualClock(t0);
    const runner = createJobRunner({ pollMs: 60_000, now: clock.now, log });
    await runner.runDue();
    expect(await findJob(gone.id)).toMatchObject({ attempts: 1, failedAt: t0, lastError: "the webhook's address answers 410 Gone" });
    expect(await findJob(malformed.id)).toMatchObject({ attempts: 1, failedAt: t0, lastError: expect.stringMatching(/payload is not what the handler takes: articleId/) });
    expect(await findJob(doomed.id)).toMatchObject({ attempts: 1, failedAt: null, runAt: after(1000) });
    clock.set(after(1000));
    await runner.runDue();
    expect(await findJob(doomed.id)).toMatchObject({ attempts: 2, failedAt: after(1000), lastError: "always" });
    clock.set(after(10 * 60_000));
    expect(await runner.runDue()).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^jobs: doomed\.job \S+ failed for good: always$/));
  });

  it("takes over a job whose worker died once its lease lapses, and the dead worker's late word changes nothing", async () => {
    const runs: number[] = [];
    register("orphan.job", async (_payload, context) => {
      runs.push(context.attempt);
    });
    const { id } = await enqueue("orphan.job", {}, { runAt: t0 });
    // A worker claims it and dies (no heartbeat, no completion).
    const dead = await claimNextJob(["orphan.job"], "dead-instance", 60_000, t0);
    expect(dead).toMatchObject({ id, attempts: 1 });
    expect(await findJob(id)).toMatchObject({ lockedBy: dead!.token, lockedUntil: after(60_000) });
    const clock = manualClock(after(30_000));
    const runner = createJobRunner({ pollMs: 60_000, now: clock.now, log: quiet, owner: "survivor" });
    expect(await runner.runDue()).toBe(0);
    expect(await nextJobAt(["orphan.job"])).toEqual(after(60_000));
    clock.set(after(60_000));
    expect(await runner.runDue()).toBe(1);
    expect(runs).toEqual([2]);
    expect(await findJob(id)).toMatchObject({ attempts: 2, doneAt: after(60_000), lockedBy: null });
    expect(await completeJob(dead!, after(61_000))).toBe(false);
    expect(await failJob(dead!, "late failure", after(90_000), after(61_000))).toBe(false);
    expect(await findJob(id)).toMatchObject({ doneAt: after(60_000), lastError: null, failedAt: null });
  });

  it("gives up on a job whose workers keep dying, once it has used its attempts", async () => {
    register("crasher.job", async () => {
      throw new Error("never reached");
    }, { maxAttempts: 2 });
    const { id } = await enqueue("crasher.job", {}, { runAt: t0, maxAttempts: 2 });
    await claimNextJob(["crasher.job"], "dies-1", 1000, t0);
    await claimNextJob(["crasher.job"], "dies-2", 1000, after(1000));
    const runner = createJobRunner({ pollMs: 60_000, now: () => after(2000), log: quiet });
    expect(await runner.runDue()).toBe(1);
    expect(await findJob(id)).toMatchObject({ attempts: 3, failedAt: after(2000), lastError: expect.stringMatching(/Gave up after 2 tries: the last one stopped without finishing/) });
  });

  it("keeps a running job's lease alive, so no other runner takes it while its worker lives", async () => {
    const [a, b] = clients(2);
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    register("slow.job", async () => {
      runs++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(1600);
      running--;
    });
    const { id } = await enqueue("slow.job", {}, { runAt: new Date(Date.now() - 1000) });
    const first = createJobRunner({ pollMs: 60_000, leaseMs: 600, log: quiet, db: a, owner: "first" });
    const second = createJobRunner({ pollMs: 60_000, leaseMs: 600, log: quiet, db: b, owner: "second" });
    const firstRun = first.runDue();
    // Once the first runner has it in hand (a fixed wait raced its claim on a loaded machine).
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 3000, interval: 5 });
    // Well past the first lease (600 ms): renewed every 200 ms, it is still held.
    for (let i = 0; i < 5; i++) {
      await sleep(250);
      expect(await second.runDue()).toBe(0);
    }
    expect(await firstRun).toBe(1);
    expect(runs).toBe(1);
    expect(maxRunning).toBe(1);
    expect(await findJob(id)).toMatchObject({ attempts: 1, lockedBy: null });
    expect((await findJob(id))?.doneAt).toBeInstanceOf(Date);
  });

  it("a runner that stalled past its lease and was overtaken is told to stop, and its finish changes nothing", async () => {
    const [a, b] = clients(2);
    const log = vi.fn();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstSignal: AbortSignal | undefined;
    const attempts: number[] = [];
    register("stall.job", async (_payload, context) => {
      attempts.push(context.attempt);
      if (context.attempt === 1) {
        firstSignal = context.signal;
        await released;
      }
    });
    const { id } = await enqueue("stall.job", {}, { runAt: t0 });
    // The first runner's clock stands still at t0, so its renewals never move the lease past t0 + 300 ms.
    const stalled = createJobRunner({ pollMs: 60_000, leaseMs: 300, now: () => t0, log, db: a, owner: "stalled" });
    const overtaker = createJobRunner({ pollMs: 60_000, leaseMs: 300, now: () => after(1000), log: quiet, db: b, owner: "overtaker" });
    const stalledRun = stalled.runDue();
    await vi.waitFor(() => expect(firstSignal).toBeDefined());
    // On PostgreSQL a claim skips a row locked at that instant (SKIP LOCKED), and the stalled runner renews its lease
    // every 100 ms: a look that falls on a renewal takes nothing and the next one takes the job, as a poll would.
    await vi.waitFor(async () => expect(await overtaker.runDue()).toBe(1), { timeout: 3000, interval: 20 });
    await vi.waitFor(() => expect(firstSignal?.aborted).toBe(true), { timeout: 2000 });
    release();
    await stalledRun;
    expect(attempts).toEqual([1, 2]);
    expect(await findJob(id)).toMatchObject({ attempts: 2, doneAt: after(1000), lastError: null });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/finished after another runner took it over/));
  });

  it("never runs one job twice with several runners draining the queue at once", async () => {
    const runs = new Map<string, number>();
    const byRunner = new Map<string, number>();
    register("bulk.job", async (payload: { n: number }) => {
      runs.set(String(payload.n), (runs.get(String(payload.n)) ?? 0) + 1);
      await sleep(2);
    });
    const due = new Date(Date.now() - 1000);
    for (let n = 0; n < 40; n++) await enqueue("bulk.job", { n }, { runAt: due });
    const runnerClients = clients(3);
    const ran = await Promise.all(
      runnerClients.map((db, i) => {
        const runner = createJobRunner({ pollMs: 60_000, log: quiet, db, owner: `runner-${i}` });
        return runner.runDue().then((count) => byRunner.set(`runner-${i}`, count));
      }),
    );
    expect(ran).toHaveLength(3);
    // They really ran side by side (each claim is one short transaction, so the queue is shared out).
    expect([...byRunner.values()].filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect([...byRunner.values()].reduce((sum, count) => sum + count, 0)).toBe(40);
    expect(await database().db.job.count({ where: { name: "bulk.job", doneAt: null } })).toBe(0);
    expect(await database().db.job.count({ where: { name: "bulk.job", attempts: { not: 1 } } })).toBe(0);
  });

  it("the started runner wakes for a job enqueued now and for one due later, and stop waits for the job in hand", async () => {
    const started: string[] = [];
    const done: string[] = [];
    register("loop.job", async (payload: { tag: string }) => {
      started.push(payload.tag);
      await sleep(50);
      done.push(payload.tag);
    });
    const runner = startJobRunner({ pollMs: 60_000, log: quiet });
    runners.push(runner);
    await sleep(50);
    await enqueue("loop.job", { tag: "now" });
    await vi.waitFor(() => expect(done).toEqual(["now"]), { timeout: 3000 });
    await enqueue("loop.job", { tag: "soon" }, { runAt: new Date(Date.now() + 400) });
    await sleep(100);
    expect(done).toEqual(["now"]);
    await vi.waitFor(() => expect(done).toEqual(["now", "soon"]), { timeout: 3000 });
    await enqueue("loop.job", { tag: "last" });
    // Stopped while "last" is in hand (its handler has begun and sleeps 50 ms): stop waits for it to finish. (A fixed
    // 10 ms wait here raced the claim on a loaded machine.)
    await vi.waitFor(() => expect(started).toContain("last"), { timeout: 3000, interval: 2 });
    expect(done).toEqual(["now", "soon"]);
    await runner.stop();
    expect(done).toEqual(["now", "soon", "last"]);
  });

  it("prunes finished jobs after a while, which frees their keys", async () => {
    const { db } = database();
    register("prune.job", async () => {});
    const { id } = await enqueue("prune.job", {}, { key: "prune:1", runAt: t0 });
    await createJobRunner({ pollMs: 60_000, now: () => t0, log: quiet }).runDue();
    await pruneDoneJobs(t0);
    expect(await db.job.findUnique({ where: { id } })).not.toBeNull();
    expect(await pruneDoneJobs(after(1))).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUnique({ where: { id } })).toBeNull();
    expect((await enqueue("prune.job", {}, { key: "prune:1", runAt: t0 })).created).toBe(true);
  });
});
