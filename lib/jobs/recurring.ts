import "server-only";
import { enqueue } from "./enqueue";
import { registerJob } from "./registry";

// Recurring work on the durable queue: each run enqueues the next one first (so a failing run, retried by the queue,
// never ends the series), then does its work. The key names the period, so every instance starting up (or a run
// retried) adds at most one job per period.

export interface Recurring {
  name: string;
  everyMs: number;
  run: (at: Date) => Promise<void>;
  maxAttempts?: number;
}

/** The start of the next period after `now`. */
function nextPeriod(now: Date, everyMs: number): Date {
  return new Date((Math.floor(now.getTime() / everyMs) + 1) * everyMs);
}

/** Enqueues the run due at `runAt` (de-duplicated by its period). */
function enqueueRecurring(job: Pick<Recurring, "name" | "maxAttempts">, runAt: Date): Promise<{ id: string; created: boolean }> {
  return enqueue(job.name, {}, { runAt, key: `${job.name}:${runAt.toISOString()}`, maxAttempts: job.maxAttempts ?? 5 });
}

/** Registers the job and makes sure one run is queued for the next period. Called once at server start. */
export async function startRecurring(job: Recurring, now: () => Date = () => new Date()): Promise<void> {
  registerJob(job.name, async () => {
    const at = now();
    await enqueueRecurring(job, nextPeriod(at, job.everyMs));
    await job.run(at);
  });
  // The first run at the next period's start (a server that was down for days catches up then).
  await enqueueRecurring(job, nextPeriod(now(), job.everyMs));
}
