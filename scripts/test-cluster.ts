// `npm run test:cluster`: issue #9's proof. One production build served by three instances (A, B, C) on the test's
// own PostgreSQL, Redis and S3 test server, with Debian's nginx in front, all on loopback (e2e/cluster/harness.ts);
// then each assertion of e2e/cluster/specs.ts, one line each, and a summary that `npm test` adds to its tally
// (test-results/cluster.json). Everything it starts is stopped at the end, on failure and on Ctrl-C too.
//   (default)           build into NEXT_DIST_DIR (else .next-cluster) only when the sources changed, as `npm start` does
//   --no-build          serve the build that is there (npm test: the one the Playwright stage just made)
//   --build             build in any case
//   CLUSTER_ONLY=text   run only the assertions whose name contains the text
import { mkdirSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { chromium } from "@playwright/test";
import { Cluster, PORTS } from "../e2e/cluster/harness";
import { BROWSER_ARGS, CHROMIUM } from "../e2e/cluster/newsroom";
import { killAllNow } from "../e2e/cluster/processes";
import { CLUSTER_REPORT, clusterToolsMissing, type ClusterReport } from "../e2e/cluster/requirements";
import { SPECS, type SpecContext } from "../e2e/cluster/specs";

/** The whole run, build excluded, must stay within a few minutes; this is the hard stop. */
const RUN_LIMIT_MS = 12 * 60_000;

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

type Result = ClusterReport["results"][number];

function report(results: Result[], skipped: number, note?: string) {
  mkdirSync("test-results", { recursive: true });
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const summary: ClusterReport = { passed, failed, skipped, note, results };
  writeFileSync(CLUSTER_REPORT, JSON.stringify(summary, null, 2));
  console.log(`\ncluster: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return failed;
}

async function main(): Promise<number> {
  const log = (line: string) => console.log(`[cluster] ${line}`);
  const missing = clusterToolsMissing();
  if (missing) {
    console.log(`cluster test skipped: ${missing}`);
    report([], SPECS.length, `skipped: ${missing}`);
    return 0;
  }
  const busy = [];
  for (const port of [PORTS.nginx, ...PORTS.instances, PORTS.redis, PORTS.postgres, PORTS.s3]) if (await portInUse(port)) busy.push(port);
  if (busy.length) throw new Error(`ports ${busy.join(", ")} are in use (the cluster test uses ${PORTS.nginx}–${PORTS.s3}); is another cluster test running?`);

  const only = process.env.CLUSTER_ONLY;
  const specs = only ? SPECS.filter((s) => s.name.includes(only) || s.name.startsWith("a signed-in editor")) : SPECS;
  const cluster = new Cluster({
    appDir: process.cwd(),
    distDir: process.env.NEXT_DIST_DIR || ".next-cluster",
    buildMode: process.argv.includes("--no-build") ? "never" : process.argv.includes("--build") ? "always" : "auto",
    log,
  });
  let tornDown = false;
  let interrupted = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    log("stopping the cluster");
    await cluster.stop();
  };
  const results: Result[] = [];
  // The browser is ours to close: Playwright's own signal handling would exit before the cluster is stopped.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[cluster] ${signal}: stopping everything`);
    void browser
      .close()
      .catch(() => {})
      .then(teardown)
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  process.on("SIGHUP", interrupt);
  // Last resort if the process ends any other way: kill what is left and remove the work folder.
  process.once("exit", () => {
    killAllNow();
    cluster.removeWorkDir();
  });

  try {
    const startedAt = Date.now();
    try {
      await cluster.start();
    } catch (error) {
      console.error(`[cluster] the cluster did not start: ${(error as Error).message}`);
      for (const spec of specs) results.push({ name: spec.name, ok: false, ms: 0, detail: "the cluster did not start" });
      for (const result of results) console.log(`✗ ${result.name}: ${result.detail}`);
      return report(results, 0, "the cluster did not start");
    }
    log(`cluster up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const run = Date.now().toString(36);
    const context: SpecContext = { cluster, browser, run, log, tag: { name: `Cluster Desk ${run}`, slug: `cluster-desk-${run}` } };
    const runDeadline = Date.now() + RUN_LIMIT_MS;
    for (const spec of specs) {
      if (interrupted) break;
      const began = Date.now();
      let result: Result;
      if (began > runDeadline) result = { name: spec.name, ok: false, ms: 0, detail: "not run: the cluster test's time limit was reached" };
      else {
        // On CI an assertion that failed runs once more, as Playwright's e2e specs do (retries: 1); a pass on the
        // second try is reported with the first failure, so a flaky bound stays visible.
        const attempts = process.env.CI ? 2 : 1;
        let firstFailure: string | null = null;
        result = { name: spec.name, ok: false, ms: 0, detail: "" };
        for (let attempt = 1; attempt <= attempts && !interrupted; attempt++) {
          try {
            const detail = await Promise.race([
              spec.run(context),
              new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${spec.timeoutMs / 1000} s`)), spec.timeoutMs).unref()),
            ]);
            const flaky = firstFailure ? `flaky: passed on the second try; the first failed with: ${firstFailure}\n    ` : "";
            result = { name: spec.name, ok: true, ms: Date.now() - began, detail: `${flaky}${detail ?? ""}` };
            break;
          } catch (error) {
            result = { name: spec.name, ok: false, ms: Date.now() - began, detail: (error as Error).message };
            firstFailure ??= (error as Error).message;
            if (attempt < attempts) {
              log(`${spec.name}: failed, trying once more (CI): ${firstFailure}`);
              for (const instance of cluster.instances) if (!instance.alive) await instance.start().catch(() => {});
            }
          }
        }
      }
      results.push(result);
      const seconds = `${(result.ms / 1000).toFixed(1)} s`;
      console.log(result.ok ? `✓ ${result.name} (${seconds})${result.detail ? `\n    ${result.detail}` : ""}` : `✗ ${result.name} (${seconds})\n    ${result.detail}`);
      // A killed or restarted service must be back before the next assertion; if it is not, say so there.
      for (const instance of cluster.instances) if (!interrupted && !instance.alive) {
        log(`instance ${instance.name} is down after that assertion; starting it again`);
        await instance.start().catch((error: Error) => log(`instance ${instance.name} did not come back: ${error.message}`));
      }
    }
    if (interrupted) return report(results, 0, "interrupted");
    if (results.some((r) => !r.ok) && process.env.CLUSTER_LOGS !== "0") console.log(`\n[cluster] log tails:\n${cluster.outputs()}`);
    return report(results, SPECS.length - specs.length);
  } finally {
    await browser.close().catch(() => {});
    await teardown();
  }
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error: Error) => {
    console.error(`npm run test:cluster: ${error.message}`);
    killAllNow();
    process.exit(1);
  },
);
