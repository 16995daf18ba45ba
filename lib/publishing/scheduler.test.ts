import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleChange } from "@/lib/cache/tags";
import { COMING_OUT_LOOKBACK_MS, delayUntilNextRun, startScheduler, type Scheduler } from "./scheduler";

const POLL = 15_000;

describe("delayUntilNextRun", () => {
  const now = new Date("2026-01-01T10:00:00Z");

  it("sleeps until just after the next event, capped by the poll interval", () => {
    expect(delayUntilNextRun(new Date("2026-01-01T10:00:05Z"), now, POLL)).toBe(5_020);
    expect(delayUntilNextRun(new Date("2026-01-01T11:00:00Z"), now, POLL)).toBe(POLL);
    expect(delayUntilNextRun(null, now, POLL)).toBe(POLL);
  });

  it("runs at once for an event already due (the server was down at the due time)", () => {
    expect(delayUntilNextRun(new Date("2026-01-01T09:00:00Z"), now, POLL)).toBe(20);
  });
});

describe("startScheduler", () => {
  let scheduler: Scheduler | undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-01-01T10:00:00Z") });
  });
  afterEach(() => {
    scheduler?.stop();
    vi.useRealTimers();
  });

  function fakeNewsroom(dueAt: Date) {
    let published = false;
    const invalidated: ArticleChange[][] = [];
    const deps = {
      publishDue: vi.fn(async (now: Date) => {
        if (published || now < dueAt) return [];
        published = true;
        return [{ slug: "due-story", sectionSlugs: ["world"] }];
      }),
      nextEvent: vi.fn(async () => (published ? null : dueAt)),
      invalidate: vi.fn(async (changes: ArticleChange[]) => {
        invalidated.push(changes);
      }),
      log: () => {},
    };
    return { deps, invalidated };
  }

  it("publishes a story at its due time and expires the caches, with nobody visiting", async () => {
    const dueAt = new Date("2026-01-01T10:00:03Z");
    const { deps, invalidated } = fakeNewsroom(dueAt);
    scheduler = startScheduler(deps, POLL);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(invalidated).toEqual([[{ slug: "due-story", sectionSlugs: ["world"] }]]);
    expect(deps.publishDue.mock.calls.at(-1)?.[0].getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
  });

  it("publishes at start-up what fell due while the server was down", async () => {
    const { deps, invalidated } = fakeNewsroom(new Date("2026-01-01T09:00:00Z"));
    scheduler = startScheduler(deps, POLL);
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidated).toHaveLength(1);
  });

  it("retries an invalidation that failed (e.g. before the server listens)", async () => {
    const { deps, invalidated } = fakeNewsroom(new Date("2026-01-01T09:00:00Z"));
    deps.invalidate.mockRejectedValueOnce(new Error("ECONNREFUSED"));
    scheduler = startScheduler(deps, POLL);
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(invalidated).toEqual([[{ slug: "due-story", sectionSlugs: ["world"] }]]);
  });

  it("expires listings when a future-dated story comes out or a breaking flag expires", async () => {
    const eventAt = new Date("2026-01-01T10:00:02Z");
    const invalidated: ArticleChange[][] = [];
    scheduler = startScheduler(
      {
        publishDue: async () => [],
        nextEvent: async (now) => (now < eventAt ? eventAt : null),
        invalidate: async (changes) => {
          invalidated.push(changes);
        },
        log: () => {},
      },
      POLL,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(invalidated).toEqual([[]]);
  });

  it("expires the pages of each story that came out by the clock, asking for the time since the last pass", async () => {
    const eventAt = new Date("2026-01-01T10:00:02Z");
    const start = new Date("2026-01-01T10:00:00Z");
    const invalidated: ArticleChange[][] = [];
    const windows: [string, string][] = [];
    const comingOut = vi.fn(async (after: Date, upTo: Date) => {
      windows.push([after.toISOString(), upTo.toISOString()]);
      return after < eventAt && eventAt <= upTo ? [{ id: "s1", slug: "dated-story", sectionSlugs: ["world"] }] : [];
    });
    scheduler = startScheduler(
      {
        publishDue: async () => [],
        nextEvent: async (now) => (now < eventAt ? eventAt : null),
        comingOut,
        invalidate: async (changes) => {
          invalidated.push(changes);
        },
        log: () => {},
      },
      POLL,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    // At start-up it looks back a day, for stories that came out while no scheduler ran.
    expect(windows[0]).toEqual([new Date(start.getTime() - COMING_OUT_LOOKBACK_MS).toISOString(), start.toISOString()]);
    expect(invalidated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(windows[1][0]).toBe(start.toISOString());
    expect(new Date(windows[1][1]) >= eventAt).toBe(true);
    expect(invalidated).toEqual([[{ id: "s1", slug: "dated-story", sectionSlugs: ["world"] }]]);
    await vi.advanceTimersByTimeAsync(POLL);
    // Each window starts where the last one ended, so a story is reported once per instance.
    expect(windows[2][0]).toBe(windows[1][1]);
    expect(invalidated).toHaveLength(1);
  });

  it("keeps running after a failed pass", async () => {
    const deps = { publishDue: vi.fn().mockRejectedValueOnce(new Error("database busy")).mockResolvedValue([]), nextEvent: async () => null, invalidate: async () => {}, log: vi.fn() };
    scheduler = startScheduler(deps, POLL);
    await vi.advanceTimersByTimeAsync(POLL + 10);
    expect(deps.publishDue).toHaveBeenCalledTimes(2);
    expect(deps.log).toHaveBeenCalledWith("scheduler: pass failed, retrying: database busy");
  });

  it("invalidates what a pass changed even when a later step of that pass fails", async () => {
    const change = { slug: "published-first", sectionSlugs: ["world"] };
    const invalidated: ArticleChange[][] = [];
    const log = vi.fn();
    scheduler = startScheduler(
      {
        publishDue: async (_now, listener) => {
          listener.onChange?.(change);
          listener.onFailure?.("update to broken-story", "The section chosen for this update has been deleted.");
          throw new Error("database went away");
        },
        nextEvent: async () => null,
        invalidate: async (changes) => {
          invalidated.push(changes);
        },
        log,
      },
      POLL,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidated).toEqual([[change]]);
    expect(log).toHaveBeenCalledWith("scheduler: update to broken-story failed, will retry: The section chosen for this update has been deleted.");
    expect(log).toHaveBeenCalledWith("scheduler: pass failed, retrying: database went away");
  });

  it("does not invalidate a change twice when it is both reported and returned", async () => {
    const change = { slug: "once" };
    const invalidated: ArticleChange[][] = [];
    scheduler = startScheduler(
      {
        publishDue: async (_now, listener) => {
          listener.onChange?.(change);
          return [change];
        },
        nextEvent: async () => null,
        invalidate: async (changes) => {
          invalidated.push(changes);
        },
        log: () => {},
      },
      POLL,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidated).toEqual([[change]]);
  });
});
