import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "./test-failures";

describe("vitestFailures", () => {
  it("names each failed test with its file, and a file that failed before its tests ran", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        { name: "/repo/lib/a.test.ts", status: "failed", assertionResults: [{ fullName: "a works", status: "passed" }, { fullName: "a breaks", status: "failed" }] },
        { name: "/repo/lib/b.test.ts", status: "failed", message: "Cannot find module x\n  at y", assertionResults: [] },
        { name: "/repo/lib/c.test.ts", status: "passed", assertionResults: [{ fullName: "c", status: "passed" }] },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual(["vitest: lib/a.test.ts › a breaks", "vitest: lib/b.test.ts (Cannot find module x)"]);
  });
});

describe("playwrightFailures", () => {
  it("names specs that failed on every try, not the flaky or passing ones, through nested suites", () => {
    const report = {
      stats: { expected: 1, unexpected: 1, flaky: 1, skipped: 0 },
      suites: [
        {
          title: "x.spec.ts",
          file: "x.spec.ts",
          specs: [
            { title: "passes", line: 3, tests: [{ status: "expected" }] },
            { title: "flakes", line: 9, tests: [{ status: "flaky" }] },
          ],
          suites: [{ title: "group", specs: [{ title: "fails", line: 20, tests: [{ status: "unexpected" }] }] }],
        },
      ],
    };
    expect(playwrightFailures(report)).toEqual(["playwright: e2e/x.spec.ts:20 › fails"]);
  });
});
