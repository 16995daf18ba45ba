import "server-only";
import { purgeExpiredTrash } from "@/lib/dal/trash";
import { startRecurring } from "./recurring";

// Purging the trash is recurring work on the durable queue (lib/jobs/recurring.ts): every hour, what is past
// TRASH_DAYS is purged.

export const TRASH_PURGE_JOB = "trash.purge";
export const TRASH_PURGE_EVERY_MS = 60 * 60_000;

/** Registers the purge and makes sure one is queued for the next hour. Called once at server start. */
export function startTrashPurge(now: () => Date = () => new Date(), log: (line: string) => void = console.log): Promise<void> {
  return startRecurring(
    {
      name: TRASH_PURGE_JOB,
      everyMs: TRASH_PURGE_EVERY_MS,
      run: async (at) => {
        const purged = await purgeExpiredTrash(at);
        if (purged > 0) log(`trash: purged ${purged} ${purged === 1 ? "story" : "stories"} trashed more than 30 days ago`);
      },
    },
    now,
  );
}
