import { describe, expect, it } from "vitest";
import { makeZodJitless } from "./zod-jitless";

describe("zod in the browser runs without its eval probe", () => {
  it("is what zod's own config reports, set before or after zod loads", async () => {
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
    makeZodJitless();
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
    // Setting it again once zod has loaded writes the object zod holds, not a new one.
    config({ jitless: false });
    makeZodJitless();
    expect(config().jitless).toBe(true);
  });

  it("never probes for eval, and still parses", async () => {
    makeZodJitless();
    const { util } = await import("zod/v4/core");
    const z = await import("zod");
    // The probe is cached: under jitless it answers false without running `new Function`.
    expect(util.allowsEval.value).toBe(false);
    expect(z.object({ title: z.string().min(1) }).safeParse({ title: "" }).success).toBe(false);
    expect(z.object({ title: z.string().min(1) }).parse({ title: "Storm" })).toEqual({ title: "Storm" });
  });
});
