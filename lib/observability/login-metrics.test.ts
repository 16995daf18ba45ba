// The sign-in throttle (lib/dal/login-throttle.ts) reports to the metrics: each wrong password, and each attempt
// refused before any check because the throttle asks it to wait.
import { expect, it } from "vitest";
import { beginLoginAttempt } from "@/lib/dal/login-throttle";
import { describeEachEngine } from "@/lib/testing/databases";
import { metrics } from "./metrics.mjs";

const value = async (counter: { get(): Promise<{ values: { value: number }[] }> }) => (await counter.get()).values[0]?.value ?? 0;

describeEachEngine(
  "login metrics",
  () => {
    it("counts failures and throttled attempts", async () => {
      const { loginFailures, loginThrottled } = metrics();
      const failuresBefore = await value(loginFailures);
      const throttledBefore = await value(loginThrottled);
      let throttled = false;
      let failures = 0;
      for (let i = 0; i < 8 && !throttled; i++) {
        const attempt = await beginLoginAttempt("metrics@breakingon.test", "203.0.113.9");
        if (!attempt.allowed) throttled = true;
        else {
          await attempt.failed();
          failures++;
        }
      }
      expect(throttled).toBe(true);
      expect(await value(loginFailures)).toBe(failuresBefore + failures);
      expect(await value(loginThrottled)).toBe(throttledBefore + 1);
    });
  },
  ["sqlite"],
);
