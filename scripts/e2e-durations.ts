// `npm run e2e:durations [report.json …]`: writes e2e/durations.json (seconds per spec file) from Playwright JSON
// reports — by default the lanes' reports of the last `npm test` (test-results/playwright-<port>.json) — so the next
// run splits the specs between its lanes evenly (scripts/lib/e2e-lanes.ts). With the last run's Vitest report
// (test-results/vitest.json) it also writes lib/testing/vitest-durations.json, the order Vitest starts files in
// (longest first: lib/testing/vitest-sequencer.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DURATIONS_FILE, durationsFromReports } from "./lib/e2e-lanes";
import { exitWithError } from "./lib/run";

function main() {
  const given = process.argv.slice(2);
  const files = given.length
    ? given
    : readdirSync("test-results")
        .filter((name) => /^playwright-\d+\.json$/.test(name))
        .map((name) => `test-results/${name}`);
  if (files.length === 0) throw new Error("no Playwright reports in test-results/; run npm test first or name the reports");
  const durations = durationsFromReports(files.map((file) => JSON.parse(readFileSync(file, "utf8"))));
  if (Object.keys(durations).length === 0) throw new Error(`no spec timings in ${files.join(", ")}`);
  writeFileSync(DURATIONS_FILE, `${JSON.stringify(durations, null, 2)}\n`);
  console.log(`${DURATIONS_FILE}: ${Object.keys(durations).length} spec files, ${Object.values(durations).reduce((a, b) => a + b, 0)} s in all`);
  writeVitestDurations();
}

const VITEST_REPORT = "test-results/vitest.json";
const VITEST_DURATIONS_FILE = "lib/testing/vitest-durations.json";

/** Seconds per Vitest file (1 s or more, longest first), from the last run's JSON report. */
function writeVitestDurations() {
  if (!existsSync(VITEST_REPORT)) return;
  const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as { testResults: { name: string; startTime: number; endTime: number }[] };
  const seconds = report.testResults
    .map((file) => [path.relative(process.cwd(), file.name).split(path.sep).join("/"), Math.round((file.endTime - file.startTime) / 1000)] as const)
    .filter(([, s]) => s >= 1)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  writeFileSync(VITEST_DURATIONS_FILE, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
  console.log(`${VITEST_DURATIONS_FILE}: ${seconds.length} files`);
}

try {
  main();
} catch (error) {
  exitWithError("e2e:durations", error);
}
