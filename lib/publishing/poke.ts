import type { Scheduler } from "./scheduler";

/** Wakes the in-process publishing scheduler (started in lib/server-start.ts) so a new schedule is seen at once. */
export function pokeScheduler(): void {
  const scheduler = (globalThis as { breakingOnScheduler?: Scheduler }).breakingOnScheduler;
  void scheduler?.poke().catch((error: unknown) => console.error("scheduler poke failed", error));
}
