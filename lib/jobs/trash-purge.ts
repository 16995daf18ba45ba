import "server-only";
import { purgeExpiredTrash } from "@/lib/dal/trash";
import { enqueue } from "./enqueue";
import { registerJob } from "./registry";

// Purging the trash is recurring work on the durable queue: each run purges what is past TRASH_DAYS and enqueues the
// next run. The key names the hour, so every instance starting up (or a run retried) adds at most one job per hour.

export const TRASH_PURGE_JOB = "trash.purge";
export const TRASH_PURGE_EVERY_MS = 60 * 60_000;

function nextRunAt(now: Date): Date {
  return new Date((Math.floor(now.getTime() / TRASH_PURGE_EVERY_MS) + 1) * TRASH_PURGE_EVERY_MS);
}

/** Enqueues the purge due at `runAt` (de-duplicated by its hour). */
export function enqueueTrashPurge(runAt: Date): Promise<{ id: string; created: boolean }> {
  return enqueue(TRASH_PURGE_JOB, {}, { runAt, key: `${TRASH_PURGE_JOB}:${runAt.toISOString()}`, maxAttempts: 5 });
}

/** Registers the purge and makes sure one is queued for the next hour. Called once at server start. */
export async function startTrashPurge(now: () => Date = () => new Date(), log: (line: string) => void = console.log): Promise<void> {
  registerJob(TRASH_PURGE_JOB, async () => {
    const at = now();
    // The next run is queued first, so a failing purge (retried by the queue) never ends the series.
    await enqueueTrashPurge(nextRunAt(at));
    const purged = await purgeExpiredTrash(at);
    if (purged > 0) log(`trash: purged ${purged} ${purged === 1 ? "story" : "stories"} trashed more than 30 days ago`);
  });
  // The first run soon after start (a server that was down for days catches up), then every hour.
  await enqueueTrashPurge(nextRunAt(now()));
}
