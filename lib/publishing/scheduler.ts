import "server-only";
import type { ArticleChange } from "@/lib/cache/tags";

// Wake a hair after the due time, so "published at or before now" already holds when the pass runs.
const WAKE_MARGIN_MS = 20;
const RETRY_MS = 1000;

/** How long to sleep before looking again: until just after the next event, but never longer than the poll interval. */
export function delayUntilNextRun(next: Date | null, now: Date, pollMs: number): number {
  if (!next) return pollMs;
  return Math.min(pollMs, Math.max(0, next.getTime() - now.getTime()) + WAKE_MARGIN_MS);
}

export interface SchedulerDeps {
  publishDue: (now: Date) => Promise<ArticleChange[]>;
  nextEvent: (now: Date) => Promise<Date | null>;
  /** Expires reader caches for what changed; `time` alone means "an event passed" (future story, breaking expiry). */
  invalidate: (changes: ArticleChange[]) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface Scheduler {
  /** Runs one pass now (also what a newsroom write calls after scheduling, so a near due time is not missed). */
  poke(): Promise<void>;
  stop(): void;
}

/**
 * Publishes scheduled stories on time, with nobody using the site: wakes for the next due event (a scheduled
 * story, a story dated in the future, a breaking flag's expiry), publishes what is due, and expires the reader
 * caches. Runs once at start-up, so stories that fell due while the server was down publish then. A pass that
 * fails is logged and retried at the next wake.
 */
export function startScheduler(deps: SchedulerDeps, pollMs: number): Scheduler {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.log(line));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastEventSeen: Date | null = null;

  // Invalidations that have not gone through yet (e.g. the server was not listening at start-up): retried next pass.
  let pending: ArticleChange[] = [];
  let refreshListings = false;

  async function pass() {
    const at = now();
    let delay = pollMs;
    try {
      const changes = await deps.publishDue(at);
      for (const change of changes) log(`scheduler: published ${change.slug}`);
      pending.push(...changes);
      // A future-dated story or an expired breaking flag changes pages without any write: expire listings too.
      if (lastEventSeen !== null && lastEventSeen <= at) refreshListings = true;
      lastEventSeen = await deps.nextEvent(at);
      delay = delayUntilNextRun(lastEventSeen, now(), pollMs);
    } catch (error) {
      log(`scheduler: pass failed, retrying: ${(error as Error).message}`);
    }
    if (pending.length > 0 || refreshListings) {
      try {
        await deps.invalidate(pending);
        pending = [];
        refreshListings = false;
      } catch (error) {
        log(`scheduler: cache invalidation failed, retrying: ${(error as Error).message}`);
        delay = Math.min(delay, RETRY_MS);
      }
    }
    schedule(delay);
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
    timer.unref?.();
  }

  function run(): Promise<void> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  void run();
  return {
    poke: run,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
