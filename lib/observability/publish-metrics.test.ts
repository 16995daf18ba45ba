// The publishing scheduler (lib/publishing/scheduler.ts) reports publish → visible: from the pass that found a story
// due to its pages being expired, once the expiry went through (a failed one is retried and measured then).
import { expect, it, vi } from "vitest";
import { startScheduler } from "@/lib/publishing/scheduler";
import { metrics } from "./metrics.mjs";

const observed = async () => {
  const values = (await metrics().publishVisible.get()).values;
  return {
    count: values.find((v) => v.metricName === "breakingon_publish_visible_seconds_count")?.value ?? 0,
    sum: values.find((v) => v.metricName === "breakingon_publish_visible_seconds_sum")?.value ?? 0,
  };
};

it("observes publish → visible once the invalidation has gone through", async () => {
  const before = await observed();
  let clock = 1_000_000;
  let failInvalidation = true;
  const invalidate = vi.fn(async () => {
    clock += 1500;
    if (failInvalidation) throw new Error("store down");
  });
  let published = false;
  const scheduler = startScheduler(
    {
      publishDue: async () => {
        if (published) return [];
        published = true;
        return [{ id: "a1", slug: "due-story" }];
      },
      nextEvent: async () => null,
      invalidate,
      now: () => new Date(clock),
      log: () => {},
    },
    60_000,
  );
  try {
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await observed()).count).toBe(before.count);
    failInvalidation = false;
    await scheduler.poke();
    expect(invalidate).toHaveBeenCalledTimes(2);
    const after = await observed();
    expect(after.count).toBe(before.count + 1);
    // Two invalidation tries of 1.5 s each passed since the pass that found it due.
    expect(after.sum - before.sum).toBeCloseTo(3, 5);
  } finally {
    scheduler.stop();
  }
});
