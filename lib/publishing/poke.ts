import type { Scheduler } from "./scheduler";

/**
 * Wakes this instance's publishing scheduler (started in lib/server-start.ts) so a new schedule is seen at once.
 * Other instances see it at their next wake (within SCHEDULER_POLL_MS); whichever reaches a due item first claims
 * it, and only that one applies it (lib/dal/claims.ts), so waking one instance is enough.
 */
export function pokeScheduler(): void {
  const scheduler = (globalThis as { breakingOnScheduler?: Scheduler }).breakingOnScheduler;
  void scheduler?.poke().catch((error: unknown) => console.error("scheduler poke failed", error));
}
