import { describe, expect, it } from "vitest";
import { durationsFromReports, planLanes, specFiles } from "./e2e-lanes";

describe("planLanes", () => {
  it("puts every file in exactly one lane and balances the lanes by time, longest first", () => {
    const files = ["e2e/a.spec.ts", "e2e/b.spec.ts", "e2e/c.spec.ts", "e2e/d.spec.ts", "e2e/e.spec.ts"];
    const durations = { "e2e/a.spec.ts": 300, "e2e/b.spec.ts": 100, "e2e/c.spec.ts": 100, "e2e/d.spec.ts": 90, "e2e/e.spec.ts": 20 };
    const lanes = planLanes(files, 2, durations);
    expect(lanes.flat().sort()).toEqual(files);
    const seconds = lanes.map((lane) => lane.reduce((sum, file) => sum + durations[file as keyof typeof durations], 0));
    // 300 alone against 100 + 100 + 90 + 20 = 310: the best split there is.
    expect(seconds.sort((a, b) => a - b)).toEqual([300, 310]);
    expect(lanes.find((lane) => lane.includes("e2e/a.spec.ts"))).toEqual(["e2e/a.spec.ts"]);
  });

  it("counts a spec without a known time as an average one, and one lane takes everything", () => {
    const lanes = planLanes(["e2e/new.spec.ts", "e2e/old.spec.ts", "e2e/slow.spec.ts"], 2, { "e2e/old.spec.ts": 10, "e2e/slow.spec.ts": 50 });
    // new counts as 30: slow (50) in one lane, new (30) + old (10) in the other.
    expect(lanes).toEqual([["e2e/slow.spec.ts"], ["e2e/new.spec.ts", "e2e/old.spec.ts"]]);
    expect(planLanes(["e2e/x.spec.ts", "e2e/y.spec.ts"], 1, {})).toEqual([["e2e/x.spec.ts", "e2e/y.spec.ts"]]);
  });

  it("lists the repository's spec files, none of them the setup", () => {
    const files = specFiles();
    expect(files).toContain("e2e/reader.spec.ts");
    expect(files.every((file) => file.endsWith(".spec.ts"))).toBe(true);
  });
});

describe("durationsFromReports", () => {
  it("sums every attempt of every test per spec file, across lanes' reports", () => {
    const report = (file: string, durations: number[]) => ({
      suites: [{ file, specs: [{ file, tests: [{ projectName: "chromium", results: durations.map((duration) => ({ duration })) }] }], suites: [] }],
    });
    const nested = { suites: [{ file: "b.spec.ts", suites: [{ specs: [{ file: "b.spec.ts", tests: [{ results: [{ duration: 2500 }] }] }] }] }] };
    expect(durationsFromReports([report("a.spec.ts", [1000, 1600]), nested, report("newsroom.setup.ts", [9000])])).toEqual({ "e2e/a.spec.ts": 3, "e2e/b.spec.ts": 3 });
  });
});
