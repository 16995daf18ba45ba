import "server-only";
import type { ArticleChange } from "@/lib/cache/tags";
import { metrics } from "@/lib/observability/metrics.mjs";

// Wake a hair after the due time, so "published at or before now" already holds when the pass runs.
const WAKE_MARGIN_MS = 20;
const RETRY_MS = 1000;

/** How long to sleep before looking again: until just after the next event, but never longer than the poll interval. */
export function delayUntilNextRun(next: Date | null, now: Date, pollMs: number): number {
  if (!next) return pollMs;
  return Math.min(pollMs, Math.max(0, next.getTime() - now.getTime()) + WAKE_MARGIN_MS);
}

/** What a pass reports as it goes (lib/dal/scheduling.ts): each change as soon as it is committed, each item that failed. */
export interface PassListener {
  onChange?: (change: ArticleChange) => void;
  onFailure?: (item: string, reason: string) => void;
}

export interface SchedulerDeps {
  /** Applies what is due; one failing item is recorded on the item and never stops the others. */
  publishDue: (now: Date, listener: PassListener) => Promise<ArticleChange[]>;
  nextEvent: (now: Date) => Promise<Date | null>;
  /**
   * Stories that appear by the clock alone (published, dated after `after` and up to `upTo`), whose pages must be
   * expired when their time passes. Without it, an event that passed is signalled as `invalidate([])`.
   */
  comingOut?: (after: Date, upTo: Date) => Promise<ArticleChange[]>;
  /** Expires reader caches for what changed; an empty list (without `comingOut`) means "an event passed". */
  invalidate: (changes: ArticleChange[]) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface Scheduler {
  /** Runs one pass now (also what a newsroom write calls after scheduling, so a near due time is not missed). */
  poke(): Promise<void>;
  stop(): void;
}

/** At start-up, how far back to look for stories that came out by the clock while no scheduler was running. */
export const COMING_OUT_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * Publishes scheduled stories on time, with nobody using the site: wakes for the next due event (a scheduled
 * story, a story dated in the future, a breaking flag's expiry), publishes what is due, and expires the reader
 * caches. Runs once at start-up, so stories that fell due while the server was down publish then. A failing item
 * is recorded on the item and retried with backoff by the data layer; a pass that fails as a whole is logged and
 * retried at the next wake, and what it did change is still invalidated.
 *
 * Every instance runs one. They need no leader: the data layer claims each item so that exactly one worker applies
 * it and reports it (lib/dal/claims.ts), and this loop expires the caches of what its own worker changed. The
 * generic job runner (lib/jobs) runs beside it for work that has no row of its own.
 */
export function startScheduler(deps: SchedulerDeps, pollMs: number): Scheduler {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.log(line));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastEventSeen: Date | null = null;
  let lastPassAt: Date | null = null;

  // Invalidations that have not gone through yet (e.g. the server was not listening at start-up): retried next pass.
  // Each with the time the pass that found it due began: publish → visible is measured from then (/api/metrics).
  let pending: { change: ArticleChange; since: number }[] = [];
  let refreshListings = false;

  async function pass() {
    const at = now();
    let delay = pollMs;
    // Changes are queued for invalidation as they are committed, so a pass that fails half-way still expires the
    // pages of what it did change.
    const seen = new Set<ArticleChange>();
    const changed = (change: ArticleChange) => {
      if (seen.has(change)) return;
      seen.add(change);
      pending.push({ change, since: at.getTime() });
      log(`scheduler: changed ${change.slug}`);
    };
    try {
      const changes = await deps.publishDue(at, {
        onChange: changed,
        onFailure: (item, reason) => log(`scheduler: ${item} failed, will retry: ${reason}`),
      });
      changes.forEach(changed);
      if (deps.comingOut) {
        // A future-dated story changes pages without any write: expire the pages of each one whose time passed.
        (await deps.comingOut(lastPassAt ?? new Date(at.getTime() - COMING_OUT_LOOKBACK_MS), at)).forEach(changed);
      } else if (lastEventSeen !== null && lastEventSeen <= at) {
        refreshListings = true;
      }
      lastPassAt = at;
      lastEventSeen = await deps.nextEvent(at);
      delay = delayUntilNextRun(lastEventSeen, now(), pollMs);
    } catch (error) {
      log(`scheduler: pass failed, retrying: ${(error as Error).message}`);
    }
    if (pending.length > 0 || refreshListings) {
      try {
        await deps.invalidate(pending.map((item) => item.change));
        const visibleAt = now().getTime();
        for (const { since } of pending) metrics().publishVisible.observe(Math.max(0, visibleAt - since) / 1000);
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
