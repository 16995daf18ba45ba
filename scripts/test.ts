// `npm test`: typecheck, lint, unit and integration tests (Vitest, both database engines), then Playwright e2e
// against a production build in the system Chromium, then the cluster test on that same build where PostgreSQL and
// Redis are reachable. Ends with one line: "total: N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createConnection } from "node:net";
import pg from "pg";
import { readStamp } from "./lib/build-stamp";
import { runBin, StepError } from "./lib/run";
import { TEST_ACTIONS_KEY } from "./lib/test-release";
import { planLanes, readDurations, SETUP_FILE, specFiles } from "./lib/e2e-lanes";
import { playwrightFailures, vitestFailures, type PlaywrightReport, type VitestReport } from "./lib/test-failures";
import { CLUSTER_REPORT, clusterToolsMissing, type ClusterReport } from "../e2e/cluster/requirements";
import { NGINX_BIN } from "../e2e/cluster/nginx";

import { CHROMIUM, HEADLESS_CHROMIUM } from "../e2e/support/browsers";
// Playwright lanes run side by side (E2E_LANES=1 runs the specs one after another on one server).
const LANES = Math.max(1, Math.min(4, Number(process.env.E2E_LANES ?? 2) || 2));
// The first lane's port (the next lanes take the ports after it), so a run can go beside another one.
const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];
// Each failed test by name, printed again at the very end: CI logs are often cut to their last lines.
const failedTests: string[] = [];

// How long each stage took, printed at the end: where CI's time goes, read from the log's last lines.
const timings: string[] = [];

async function stage(name: string, body: () => Promise<void>): Promise<boolean> {
  console.log(`\n━━ ${name}`);
  const started = performance.now();
  try {
    await body();
    return true;
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return false;
  } finally {
    timings.push(`${Math.round((performance.now() - started) / 1000).toString().padStart(5)} s  ${name.replace(/ \(.*$/, "")}`);
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

/**
 * Debian packages the tests need: Chromium for Playwright, xmllint (libxml2: the reference the tests' in-process XML
 * parser is checked against), nginx for the cluster test (installed where we can; elsewhere that stage is skipped and says why).
 */
function ensureDebianPackages() {
  const canInstall = process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0;
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    // The lighter headless build the e2e lanes drive (e2e/support/browsers.ts); without it they use the full one.
    ...(HEADLESS_CHROMIUM !== CHROMIUM || process.env.CHROMIUM_PATH || !canInstall ? [] : ["chromium-headless-shell"]),
    ...(spawnSync("xmllint", ["--version"]).status === 0 ? [] : ["libxml2-utils"]),
    ...(existsSync(NGINX_BIN) || !canInstall ? [] : ["nginx"]),
  ];
  if (missing.length === 0) return;
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

/** Why the cluster test cannot run here (no shared PostgreSQL or Redis, or a missing tool), or null. */
async function clusterSkipReason(): Promise<string | null> {
  const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    return `no PostgreSQL at ${new URL(postgresUrl).host} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
  const redisUp = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port: 6379, timeout: 3000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
  if (!redisUp) return "no Redis on 127.0.0.1:6379";
  return clusterToolsMissing();
}

async function main() {
  rmSync("test-results", { recursive: true, force: true });
  // One release for the whole run, built once below: the start test's two instances, the Playwright lanes and the
  // cluster test's three instances all serve it (and must share its deployment id and server actions key).
  const { DEPLOYMENT_ID: _given, SITE_URL: _site, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: TEST_ACTIONS_KEY };
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // Before Vitest too: lib/seo/xml-strict.test.ts compares the in-process XML parser with xmllint.
  const packagesReady = await stage("Debian packages the tests use (Chromium, xmllint)", async () => ensureDebianPackages());
  if (!packagesReady) tally.failed++;

  // The typecheck and lint (one core each, mostly) go side by side with the production build, which types nothing
  // itself (NEXT_SKIP_TYPECHECK: tsc checks the whole tree here). tsc lists its files as it starts, long before the
  // build writes its route types (.next/types), which the next run's tsc then checks.
  // Nothing rebuilds this run's build, so it writes no Turbopack build cache (next.config.ts, NEXT_BUILD_CACHE).
  Object.assign(env, { NEXT_SKIP_TYPECHECK: "1", NEXT_BUILD_CACHE: "0" });
  const checks = (async () => {
    await check("Typecheck (tsc --noEmit)", () => runBin("tsc", ["--noEmit"], { env, what: "tsc" }));
    await check("Lint (eslint)", () => runBin("eslint", [".", "--max-warnings=0"], { env, what: "eslint" }));
  })();
  // The production build, made the way `npm start -- --build-only` makes one (its stamp names the sources and the
  // DEPLOYMENT_ID derived from them), so the start test finds it current instead of building its own.
  const [built] = await Promise.all([
    stage("Production build (served by the start test, the e2e lanes and the cluster test)", async () => {
      await runBin("tsx", ["scripts/start.ts", "--build-only"], { env: { ...env, NEXT_DIST_DIR: distDir }, what: "the build" });
    }),
    checks,
  ]);
  if (!built) tally.failed++;
  // The deployment id the build was made with (read again after Vitest, in case the start test had to rebuild).
  const servedEnv = () => ({ ...env, NEXT_DIST_DIR: distDir, DEPLOYMENT_ID: readStamp(distDir)?.deploymentId });

  await stage("Unit and integration tests (Vitest; SQLite and PostgreSQL)", async () => {
    const out = "test-results/vitest.json";
    try {
      await runBin("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { env: built ? { ...env, START_TEST_DIST_DIR: distDir } : env, what: "vitest" });
    } finally {
      const report = readJson(out) as VitestReport | null;
      if (report) {
        failedTests.push(...vitestFailures(report));
        tally.passed += report.numPassedTests;
        tally.failed += report.numFailedTests;
        tally.skipped += report.numPendingTests + report.numTodoTests;
      } else tally.failed++;
    }
  });

  if (packagesReady && built) {
    await stage(`End-to-end tests (Playwright, production build; ${LANES} lane${LANES === 1 ? "" : "s"})`, async () => {
      // The build above, then the lanes side by side: each its own server, database, SMTP port and share of the spec
      // files (split by their last known times, scripts/lib/e2e-lanes.ts; the sign-in setup runs in every lane). Most
      // e2e time is waiting on the browser and the server, so two lanes on two cores take about half as long as one.
      const env = servedEnv();
      const lanes = planLanes(specFiles(), LANES, readDurations()).map((files, i) => ({ port: E2E_BASE_PORT + i, files, name: `lane ${i + 1}/${LANES}` }));
      for (const lane of lanes) console.log(`${lane.name} (port ${lane.port}): ${lane.files.map((file) => file.replace(/^e2e\//, "")).join(", ")}`);
      const results = await Promise.allSettled(
        lanes.map(({ port, files, name }) =>
          runBin("playwright", ["test", SETUP_FILE, ...files], { env: { ...env, E2E_PORT: String(port), E2E_SKIP_BUILD: "1" }, what: `playwright ${name}` }),
        ),
      );
      for (const { port } of lanes) {
        const report = readJson(`test-results/playwright-${port}.json`) as PlaywrightReport | null;
        if (report?.stats) {
          failedTests.push(...playwrightFailures(report));
          tally.passed += report.stats.expected + report.stats.flaky;
          tally.failed += report.stats.unexpected;
          tally.skipped += report.stats.skipped;
        } else tally.failed++;
      }
      const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
      if (failed) throw failed.reason;
    });
  }

  const clusterSkip = await clusterSkipReason();
  if (clusterSkip) {
    console.log(`\n━━ Cluster test: skipped, ${clusterSkip}`);
    // CI has both services and installs nginx: there a skip means the proof did not run, which is a failure.
    if (process.env.REQUIRE_CLUSTER === "1") problems.push(`Cluster test: REQUIRE_CLUSTER=1 but ${clusterSkip}`);
    tally.skipped++;
  } else {
    await stage("Cluster test (three instances of one build behind nginx; PostgreSQL, Redis, S3)", async () => {
      rmSync(CLUSTER_REPORT, { force: true });
      // The build above, served as is; without one the cluster test builds its own.
      const reuse = built && existsSync(`${distDir}/BUILD_ID`);
      try {
        await runBin("tsx", ["scripts/test-cluster.ts", ...(reuse ? ["--no-build"] : [])], { env: reuse ? servedEnv() : { ...env, NEXT_DIST_DIR: distDir }, what: "cluster test" });
      } finally {
        const report = readJson(CLUSTER_REPORT) as ClusterReport | null;
        if (report) {
          failedTests.push(...report.results.filter((result) => !result.ok).map((result) => `cluster: ${result.name}`));
          tally.passed += report.passed;
          tally.failed += report.failed;
          tally.skipped += report.skipped;
        } else tally.failed++;
      }
    });
  }

  console.log("\nTime per stage:");
  for (const line of timings) console.log(line);
  console.log("");
  for (const test of failedTests) console.error(`✗ ${test}`);
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.log(`total: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  process.exit(tally.failed > 0 || problems.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(1);
});
