import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { ZodError } from "zod";
import { claimNextJob, completeJob, failJob, nextJobAt, pruneDoneJobs, renewJobLease, type ClaimedJob, type JobDb } from "@/lib/dal/jobs";
import { retryDelayMs } from "@/lib/dal/scheduling";
import { delayUntilNextRun } from "@/lib/publishing/scheduler";
import { metrics } from "@/lib/observability/metrics.mjs";
import { PermanentJobError, jobDefinition, registeredJobNames } from "./registry";

export const DEFAULT_LEASE_MS = 60_000;
/** Finished jobs are kept this long (their keys keep de-duplicating), then pruned. */
export const KEEP_DONE_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
const RETRY_MS = 1000;

export interface JobRunnerOptions {
  /** Longest sleep between looks at the queue (a job enqueued on another instance is seen within this). */
  pollMs: number;
  /** How long a claim holds a job before another runner may take it over; renewed every third of it while running. */
  leaseMs?: number;
  /** Names this runner in the lease (host, process, random), for the operator reading the Job table. */
  owner?: string;
  db?: JobDb;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface JobRunner {
  readonly owner: string;
  /** Claims and runs due jobs one at a time until none is due; resolves with how many it ran. */
  runDue(): Promise<number>;
  /** Looks at the queue now (an enqueue on this instance calls it). */
  poke(): void;
  /** Stops claiming; the job in hand is told to stop (its signal aborts) and is waited for. */
  stop(): Promise<void>;
  /** For /api/ready: when the loop last finished a look at the queue (ms since the epoch), and whether a job is running now. */
  liveness(): { lastPassAt: number | null; busy: boolean };
}

function reasonOf(error: unknown): string {
  if (error instanceof ZodError) return `Its payload is not what the handler takes: ${error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ")}`;
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * A runner for the Job table. It never holds a database transaction while a handler runs: the claim is a short
 * transaction that sets a lease (`lockedBy` = a token for this claim, `lockedUntil`), the handler runs while a
 * heartbeat extends the lease, and finishing, retrying or giving up are each conditional on the token still being
 * there. So a runner that dies leaves a lease that lapses and another runner takes the job over, and a runner that
 * stalled past its lease and comes back changes nothing. Handlers should still be idempotent: a worker can die
 * after the work's effect but before recording it, and then the job runs again.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const db = options.db;
  const stopping = new AbortController();
  let running: Promise<number> | null = null;

  async function execute(job: ClaimedJob): Promise<void> {
    const definition = jobDefinition(job.name);
    const label = `${job.name} ${job.id}`;
    if (!definition) {
      // Claimed by name, so only if it was unregistered since: hand it straight back.
      await failJob(job, `No handler for "${job.name}" on ${owner}.`, clock(), clock(), db);
      return;
    }
    if (job.attempts > job.maxAttempts) {
      const why = `Gave up after ${job.maxAttempts} tries: the last one stopped without finishing (its worker died or stalled)${job.lastError ? `; the error before: ${job.lastError}` : ""}.`;
      if (await failJob(job, why, null, clock(), db)) log(`jobs: ${label} failed for good: ${why}`);
      return;
    }

    const lost = new AbortController();
    const signal = AbortSignal.any([lost.signal, stopping.signal]);
    let renewing: Promise<void> = Promise.resolve();
    const heartbeat = setInterval(() => {
      renewing = renewJobLease(job, new Date(clock().getTime() + leaseMs), db).then(
        (held) => {
          if (!held) lost.abort(new Error("lease lost"));
        },
        (error: unknown) => log(`jobs: could not renew the lease of ${label}: ${reasonOf(error)}`),
      );
    }, Math.max(10, Math.floor(leaseMs / 3)));
    heartbeat.unref?.();

    let failure: unknown = null;
    try {
      const payload = definition.options.payload ? definition.options.payload.parse(job.payload) : job.payload;
      await definition.handler(payload, { jobId: job.id, attempt: job.attempts, signal });
    } catch (error) {
      failure = error ?? new Error("failed");
    } finally {
      clearInterval(heartbeat);
      await renewing;
    }

    if (failure === null) {
      metrics().jobsFinished.inc({ job: job.name, outcome: "done" });
      if (!(await completeJob(job, clock(), db))) log(`jobs: ${label} finished after another runner took it over; that runner's result stands`);
      return;
    }
    const reason = reasonOf(failure);
    const permanent = failure instanceof PermanentJobError || failure instanceof ZodError;
    const giveUp = permanent || job.attempts >= job.maxAttempts;
    const backoff = definition.options.backoffMs ?? retryDelayMs;
    const retryAt = giveUp ? null : new Date(clock().getTime() + Math.max(0, backoff(job.attempts)));
    metrics().jobsFinished.inc({ job: job.name, outcome: giveUp ? "failed" : "retry" });
    if (!(await failJob(job, reason, retryAt, clock(), db))) return;
    log(giveUp ? `jobs: ${label} failed for good: ${reason}` : `jobs: ${label} failed (try ${job.attempts} of ${job.maxAttempts}), retrying at ${retryAt?.toISOString()}: ${reason}`);
  }

  async function drain(): Promise<number> {
    let ran = 0;
    while (!stopping.signal.aborted) {
      const job = await claimNextJob(registeredJobNames(), owner, leaseMs, clock(), db);
      if (!job) break;
      await execute(job);
      ran++;
    }
    return ran;
  }

  function runDue(): Promise<number> {
    running ??= drain().finally(() => {
      running = null;
    });
    return running;
  }

  // The loop: run what is due, then sleep until the next job is due (or its lease lapses), at most pollMs.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPrune = 0;
  let looping = false;
  let lastPassAt: number | null = null;

  async function tick() {
    let delay = options.pollMs;
    try {
      await runDue();
      if (clock().getTime() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = clock().getTime();
        const pruned = await pruneDoneJobs(new Date(clock().getTime() - KEEP_DONE_MS), db);
        if (pruned) log(`jobs: pruned ${pruned} finished jobs`);
      }
      delay = delayUntilNextRun(await nextJobAt(registeredJobNames(), db), clock(), options.pollMs);
    } catch (error) {
      log(`jobs: pass failed, retrying: ${reasonOf(error)}`);
      delay = Math.min(delay, RETRY_MS);
    }
    lastPassAt = Date.now();
    schedule(delay);
  }

  function schedule(ms: number) {
    if (!looping || stopping.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  }

  const runner: JobRunner & { start(): void } = {
    owner,
    runDue,
    poke() {
      if (looping) schedule(0);
    },
    async stop() {
      stopping.abort(new Error("runner stopping"));
      looping = false;
      clearTimeout(timer);
      await running;
    },
    liveness() {
      return { lastPassAt, busy: running !== null };
    },
    start() {
      looping = true;
      schedule(0);
    },
  };
  return runner;
}

const globalForRunner = globalThis as { breakingOnJobRunner?: JobRunner };

/** Starts this process's job runner (lib/server-start.ts) and makes it the one `enqueue` wakes. */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const runner = createJobRunner(options) as JobRunner & { start(): void };
  runner.start();
  globalForRunner.breakingOnJobRunner = runner;
  return runner;
}

/** This process's runner, if one was started (SCHEDULER_POLL_MS 0 starts none). */
export function currentJobRunner(): JobRunner | undefined {
  return globalForRunner.breakingOnJobRunner;
}

/** Wakes this process's runner, so a job enqueued here for now starts at once. */
export function pokeJobRunner(): void {
  globalForRunner.breakingOnJobRunner?.poke();
}
