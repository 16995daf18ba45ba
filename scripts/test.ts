// `npm test`: typecheck, lint, unit and integration tests (Vitest, both database engines), then Playwright e2e
// against a production build in the system Chromium. Ends with one line: "total: N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { runBin, StepError } from "./lib/run";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];

async function stage(name: string, body: () => Promise<void>): Promise<boolean> {
  console.log(`\n━━ ${name}`);
  try {
    await body();
    return true;
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return false;
  }
}

/** Checks that pass or fail as a whole (typecheck, lint) count as one test each. */
async function check(name: string, body: () => Promise<void>) {
  if (await stage(name, body)) tally.passed++;
  else tally.failed++;
}

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** Debian packages the tests need: Chromium for Playwright, xmllint (libxml2) for strict feed and sitemap parsing. */
function ensureDebianPackages() {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    ...(spawnSync("xmllint", ["--version"]).status === 0 ? [] : ["libxml2-utils"]),
  ];
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0;
  if (!canInstall) {
    throw new StepError(`missing ${missing.join(" and ")}. Install Debian's packages (sudo apt-get install ${missing.join(" ")})${existsSync(CHROMIUM) ? "" : " or set CHROMIUM_PATH"}.`);
  }
  console.log(`Installing Debian's ${missing.join(" and ")}…`);
  for (const args of [["update", "-q"], ["install", "-y", "-q", ...missing]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new StepError(`apt-get ${args[0]} failed; install ${missing.join(" ")} by hand.`);
  }
  if (!existsSync(CHROMIUM)) throw new StepError(`chromium installed but not at ${CHROMIUM}; set CHROMIUM_PATH.`);
}

async function main() {
  rmSync("test-results", { recursive: true, force: true });
  const env = { ...process.env };
  // Before Vitest too: the feed and sitemap tests parse with xmllint.
  const packagesReady = await stage("Debian packages the tests use (Chromium, xmllint)", async () => ensureDebianPackages());
  if (!packagesReady) tally.failed++;

  await check("Typecheck (tsc --noEmit)", () => runBin("tsc", ["--noEmit"], { env, what: "tsc" }));
  await check("Lint (eslint)", () => runBin("eslint", [".", "--max-warnings=0"], { env, what: "eslint" }));

  await stage("Unit and integration tests (Vitest; SQLite and PostgreSQL)", async () => {
    const out = "test-results/vitest.json";
    try {
      await runBin("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { env, what: "vitest" });
    } finally {
      const report = readJson(out) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
      if (report) {
        tally.passed += report.numPassedTests;
        tally.failed += report.numFailedTests;
        tally.skipped += report.numPendingTests + report.numTodoTests;
      } else tally.failed++;
    }
  });

  if (packagesReady) {
    await stage("End-to-end tests (Playwright, production build)", async () => {
      const out = "test-results/playwright.json";
      try {
        await runBin("playwright", ["test"], { env, what: "playwright" });
      } finally {
        const report = readJson(out) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
        if (report) {
          tally.passed += report.stats.expected + report.stats.flaky;
          tally.failed += report.stats.unexpected;
          tally.skipped += report.stats.skipped;
        } else tally.failed++;
      }
    });
  }

  console.log("");
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.log(`total: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(tally.failed > 0 || problems.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
});
