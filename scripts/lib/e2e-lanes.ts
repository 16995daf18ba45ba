// Splits the e2e spec files between npm test's Playwright lanes (one server and database each, run side by side) so
// the lanes finish at about the same time: longest first, each to the lane with the least so far. The times come
// from e2e/durations.json (seconds per spec file, written from a run's reports by `npm run e2e:durations`); a spec
// not in it yet counts as an average one.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { specsIn, type PlaywrightReport } from "./playwright-report";

export const DURATIONS_FILE = "e2e/durations.json";
/** The sign-in setup every lane runs first (its storage states are per port). */
export const SETUP_FILE = "e2e/newsroom.setup.ts";

export function specFiles(dir = "e2e"): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".spec.ts"))
    .sort()
    .map((name) => `${dir}/${name}`);
}

export function readDurations(file = DURATIONS_FILE): Record<string, number> {
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (!parsed || typeof parsed !== "object") return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] >= 0));
}

/** The files of each lane, in name order within a lane; every file in exactly one lane. */
export function planLanes(files: string[], lanes: number, durations: Record<string, number>): string[][] {
  const known = files.map((file) => durations[file]).filter((seconds): seconds is number => seconds !== undefined);
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const weight = (file: string) => durations[file] ?? average;
  const plan = Array.from({ length: Math.max(1, lanes) }, () => ({ files: [] as string[], seconds: 0 }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lane = plan.reduce((least, candidate) => (candidate.seconds < least.seconds ? candidate : least));
    lane.files.push(file);
    lane.seconds += weight(file);
  }
  return plan.map((lane) => lane.files.sort());
}

/** Seconds per spec file in Playwright JSON reports (every attempt counted: a retry costs time too). */
export function durationsFromReports(reports: PlaywrightReport[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const report of reports) {
    for (const { file, spec } of specsIn(report)) {
      if (!file.endsWith(".spec.ts")) continue;
      for (const test of spec.tests ?? []) for (const result of test.results ?? []) totals[file] = (totals[file] ?? 0) + (result.duration ?? 0) / 1000;
    }
  }
  return Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b)).map(([file, seconds]) => [file, Math.round(seconds)]));
}
