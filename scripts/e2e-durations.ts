// `npm run e2e:durations [report.json …]`: writes e2e/durations.json (seconds per spec file) from Playwright JSON
// reports — by default the lanes' reports of the last `npm test` (test-results/playwright-<port>.json) — so the next
// run splits the specs between its lanes evenly (scripts/lib/e2e-lanes.ts).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
}

try {
  main();
} catch (error) {
  exitWithError("e2e:durations", error);
}
