// `npm run bench`: issue #9 §8 in one run on one machine, printed side by side as ratios and written to
// bench/results/bench-<time>.json (gitignored):
//   (a) each reader page type on one instance vs the article page, req/s          goal ≥ 0.8×   (bench/reader.ts)
//   (b) nginx in front of 2 instances vs nginx serving the same bytes from disk   goal ≥ 0.8×   (bench/cluster.ts)
//   (c) publish → visible on every instance (PostgreSQL + Redis)                  goal ≤ 1 s    (bench/cluster.ts)
//   (d) uncached p95 of the reader data functions with 100,000 stories, SQLite and PostgreSQL, goal ≤ 50 ms
//       (bench/data-layer.ts, in a child process with next/cache stubbed out)
//   (l) readers polling a live coverage's endpoint vs the cached article page, req/s  goal ≥ 1.0×   (bench/live.ts)
// A benchmark, not a test: it reports and asserts nothing. BENCH_SECONDS (6), BENCH_CONNECTIONS (20),
// BENCH_STORIES (100000), BENCH_SAMPLES (50), BENCH_BUILD (auto|always|never), BENCH_PARTS (a,b,d,l; c runs with b).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { benchBuild } from "./build";
import { runClusterBench, type ClusterResult } from "./cluster";
import type { Measured } from "./data-layer";
import { stopAll } from "./processes";
import { printLive, runLiveBench, type LiveBenchResult } from "./live";
import { runReaderBench, type ReaderResult } from "./reader";

const PARTS = new Set((process.env.BENCH_PARTS ?? "a,b,d,l").split(","));
const GOAL_RATIO = 0.8;
const GOAL_VISIBLE_MS = 1000;
const GOAL_P95_MS = 50;
const DATA_LAYER_OUT = "bench/results/data-layer.json";

function dataLayer(): Promise<{ stories: number; results: Measured[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "./bench/next-cache-hooks.mjs", "--import", "tsx", "--conditions=react-server", "bench/data-layer.ts"], {
      env: { ...process.env, BENCH_OUT: DATA_LAYER_OUT },
      stdio: "inherit",
    });
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(readFileSync(DATA_LAYER_OUT, "utf8"))) : reject(new Error(`the data-layer benchmark failed (exit ${code})`))));
  });
}

const mark = (ok: boolean) => (ok ? "ok" : "MISS");
const pad = (s: string | number, n: number) => String(s).padStart(n);

function printReader(r: ReaderResult) {
  console.log(`\n(a) One instance, ${process.env.BENCH_CONNECTIONS ?? 20} connections, ${process.env.BENCH_SECONDS ?? 6} s each — req/s vs the article page (goal ≥ ${GOAL_RATIO}×)`);
  console.log(`${"page".padEnd(18)} ${pad("req/s", 7)} ${pad("ratio", 6)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("errors", 6)}`);
  for (const p of r.pages) {
    console.log(`${p.page.padEnd(18)} ${pad(p.rps, 7)} ${pad(p.ratio.toFixed(2), 6)} ${pad(p.p50, 7)} ${pad(p.p99, 7)} ${pad(p.errors, 6)}  ${p.page === "article" ? "" : mark(p.ratio >= GOAL_RATIO)}`);
  }
  console.log(`article first-load JS: ${r.firstLoadJs.files} files, ${(r.firstLoadJs.gzip / 1024).toFixed(1)} KiB gzipped`);
}

function printCluster(c: ClusterResult) {
  console.log(`\n(b) nginx (${c.nginxConfig}) → 2 instances vs nginx serving the same bytes from disk (goal ≥ ${GOAL_RATIO}×)`);
  console.log(`${"page".padEnd(18)} ${pad("front", 7)} ${pad("disk", 7)} ${pad("ratio", 6)} ${pad("errors", 6)}`);
  for (const f of c.front) console.log(`${f.page.padEnd(18)} ${pad(f.nginxInstances, 7)} ${pad(f.nginxDisk, 7)} ${pad(f.ratio.toFixed(2), 6)} ${pad(f.errors, 6)}  ${mark(f.ratio >= GOAL_RATIO)}`);
  console.log(`\n(c) Publish on A → on home and article page of each (goal ≤ ${GOAL_VISIBLE_MS} ms; action itself ${c.actionMs.join("/")} ms)`);
  for (const p of c.publish) {
    const goal = p.instance === "nginx" ? "(nginx adds its ≤1 s micro-cache)" : mark(p.max <= GOAL_VISIBLE_MS);
    console.log(`${p.instance.padEnd(18)} p50 ${pad(Number.isFinite(p.p50) ? Math.round(p.p50) : "never", 5)} ms  max ${pad(Number.isFinite(p.max) ? Math.round(p.max) : "never", 5)} ms  [${p.samples.join(", ")}]  ${goal}`);
  }
}

function printDataLayer(d: { stories: number; results: Measured[] }) {
  console.log(`\n(d) Uncached data-layer time with ${d.stories.toLocaleString("en")} stories (goal p95 ≤ ${GOAL_P95_MS} ms)`);
  const engines = [...new Set(d.results.map((m) => m.engine))];
  const names = [...new Set(d.results.map((m) => m.name))];
  console.log(`${"function".padEnd(26)} ${engines.map((e) => `${pad(`${e} p50`, 15)} ${pad("p95", 7)}     `).join(" ")}`);
  for (const name of names) {
    const cells = engines.map((e) => {
      const m = d.results.find((r) => r.engine === e && r.name === name);
      return m ? `${pad(m.p50.toFixed(1), 15)} ${pad(m.p95.toFixed(1), 7)} ${name === "article" ? "ref " : mark(m.p95 <= GOAL_P95_MS).padEnd(4)}` : pad("-", 28);
    });
    console.log(`${name.padEnd(26)} ${cells.join(" ")}`);
  }
}

async function main() {
  const started = Date.now();
  const buildEnv = await benchBuild();
  const result: Record<string, unknown> = { at: new Date().toISOString() };
  if (PARTS.has("a")) result.reader = await runReaderBench(buildEnv);
  if (PARTS.has("b") || PARTS.has("c")) result.cluster = await runClusterBench(buildEnv);
  if (PARTS.has("d")) result.dataLayer = await dataLayer();
  if (PARTS.has("l")) result.live = await runLiveBench(buildEnv);
  result.seconds = Math.round((Date.now() - started) / 1000);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/bench-${(result.at as string).replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2));
  writeFileSync("bench/results/latest.json", JSON.stringify(result, null, 2));
  if (result.reader) printReader(result.reader as ReaderResult);
  if (result.cluster) printCluster(result.cluster as ClusterResult);
  if (result.dataLayer) printDataLayer(result.dataLayer as { stories: number; results: Measured[] });
  if (result.live) printLive(result.live as LiveBenchResult);
  console.log(`\n${result.seconds} s in all; written to ${file}`);
}

main().catch(async (error) => {
  console.error(`bench: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
});
