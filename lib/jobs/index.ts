// Durable background work, exactly once per job across every instance.
//
//   registerJob("webhook.deliver", async (payload, { signal }) => { … }, { payload: schema, maxAttempts: 8 });
//   await enqueue("webhook.deliver", { hookId, eventId }, { key: `webhook:${hookId}:${eventId}`, runAt, tx });
//
// Jobs are rows in the Job table (prisma/models.prisma), claimed one at a time with a lease (lib/dal/jobs.ts): on
// PostgreSQL with FOR UPDATE SKIP LOCKED, on SQLite by a compare-and-set (one instance by definition). A failing job
// is retried with backoff (30 s doubling to 1 h) up to maxAttempts, a job whose worker died is taken over when its
// lease lapses, and finishing is conditional on still holding the lease. A key de-duplicates: enqueueing it again
// while the job exists adds nothing.
//
// Why not graphile-worker or pg-boss: either would be PostgreSQL only, and SQLite must keep working with the same
// code; the whole of what we need is the few statements in lib/dal/jobs.ts over the one database door.
//
// The publishing scheduler (lib/publishing/scheduler.ts) runs beside this runner, not on it: a scheduled story, a
// scheduled update and a breaking flag's expiry are already durable rows with their own due time, attempts, error
// and retry time that the newsroom sees and edits (unschedule, reschedule). Mirroring each into a Job row would give
// every one of those edits a second row to keep in step. Instead the scheduler claims those rows directly with the
// same discipline (SKIP LOCKED, conditional updates: lib/dal/claims.ts), and this queue takes work that has no row
// of its own: webhooks, pings, backups.
export { enqueue, JobInputError, MAX_PAYLOAD_BYTES, type EnqueueOptions } from "./enqueue";
export { registerJob, PermanentJobError, type JobContext, type JobHandler, type JobOptions } from "./registry";
export { createJobRunner, startJobRunner, pokeJobRunner, DEFAULT_LEASE_MS, type JobRunner, type JobRunnerOptions } from "./runner";
