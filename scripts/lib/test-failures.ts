// The names of the failed tests in Vitest's and Playwright's JSON reports, for the last lines of `npm test`.
import path from "node:path";
import { specsIn, type PlaywrightReport } from "./playwright-report";

export type { PlaywrightReport };

export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[];
}

/** "vitest: lib/x.test.ts › describe › test" for each failed test, or the file when it failed as a whole. */
export function vitestFailures(report: VitestReport, root = process.cwd()): string[] {
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed) out.push(`vitest: ${name} › ${test.fullName}`);
    if (failed.length === 0 && file.status === "failed") out.push(`vitest: ${name} (${(file.message ?? "failed").split("\n")[0]})`);
  }
  return out;
}

/** "playwright: e2e/x.spec.ts:12 › title" for each test that failed on every try ("unexpected"). */
export function playwrightFailures(report: PlaywrightReport): string[] {
  return specsIn(report)
    .filter(({ spec }) => (spec.tests ?? []).some((test) => test.status === "unexpected"))
    .map(({ file, spec }) => `playwright: ${file}:${spec.line ?? "?"} › ${spec.title ?? ""}`);
}
