// Live coverage under a crowd (#12 §2): one instance of the production build on a fresh seeded SQLite database, on
// loopback. The seeded article becomes a live coverage with 30 entries; then autocannon loads the cached article page
// and the live endpoint readers poll (/live/<id>) with the same connections and duration, and prints their req/s,
// latency and bytes, and what 1,000 open readers cost at the default poll interval (LIVE_POLL_SECONDS, 10 s).
// Run: `npx tsx bench/live.ts` (NEXT_DIST_DIR picks the build; BENCH_SECONDS, BENCH_CONNECTIONS as for `npm run bench`).
import autocannon from "autocannon";
import { createDb } from "../lib/db";
import { DIST } from "./build";
import { startBenchServer } from "./server";

const PORT = Number(process.env.BENCH_LIVE_PORT ?? 4620);
const BASE = `http://127.0.0.1:${PORT}`;
const ARTICLE_SLUG = "trump-administration-considers-military-action-against-mexican-drug-cartels";
const ENTRIES = 30;
const POLL_SECONDS = Number(process.env.LIVE_POLL_SECONDS ?? 10);

export interface LiveBenchRow {
  page: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  errors: number;
}

export interface LiveBenchResult {
  rows: LiveBenchRow[];
  ratio: number;
  per1000: { requestsPerSecond: number; shareOfInstance: number; bytesPerSecond: number; reloadBytesPerSecond: number };
}

/** Marks the seeded article as a started live coverage with ENTRIES entries, straight in the bench database. */
async function makeLiveCoverage(): Promise<string> {
  const db = createDb(`file:./data/e2e-${PORT}.db`);
  try {
    const article = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE_SLUG }, select: { id: true, bylines: { select: { bylineId: true }, take: 1 } } });
    await db.article.update({ where: { id: article.id }, data: { liveCoverage: true, coverageStartedAt: new Date(Date.now() - 3_600_000), coverageEndedAt: null } });
    await db.liveEntry.deleteMany({ where: { articleId: article.id } });
    for (let i = 0; i < ENTRIES; i++) {
      await db.liveEntry.create({
        data: {
          articleId: article.id,
          title: `Update ${i + 1}: officials give a briefing`,
          body: `Paragraph one of update ${i + 1}, with **bold** words and a [link](https://example.com).\n\nA second paragraph of reporting from the scene.`,
          keyEvent: i % 7 === 0,
          publishedAt: new Date(Date.now() - (ENTRIES - i) * 60_000),
          bylines: { create: article.bylines.map((b, position) => ({ bylineId: b.bylineId, position })) },
        },
      });
    }
    return article.id;
  } finally {
    await db.$disconnect();
  }
}

export async function runLiveBench(buildEnv: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<LiveBenchResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 6);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const server = await startBenchServer(PORT, DIST, buildEnv);
  try {
    const id = await makeLiveCoverage();
    const targets = [
      { page: "article (live)", path: `/articles/${ARTICLE_SLUG}` },
      { page: "live endpoint", path: `/live/${id}` },
    ];
    for (const target of targets) {
      const response = await fetch(`${BASE}${target.path}`);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${target.page} (${target.path}) answered ${response.status}`);
      if (target.page.startsWith("article") && !text.includes("Update 30: officials")) throw new Error("the article page does not show the live entries");
    }
    await autocannon({ url: `${BASE}${targets[0]!.path}`, connections, duration: 3 });
    const rows: LiveBenchRow[] = [];
    for (const target of targets) {
      const r = await autocannon({ url: `${BASE}${target.path}`, connections, duration: seconds });
      const row = { ...target, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, bytes: Math.round(r.throughput.total / Math.max(1, r.requests.total)), errors: r.errors + r.non2xx };
      rows.push(row);
      log(`${row.page.padEnd(16)} ${String(row.rps).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ${row.bytes} B/response  ${row.errors} errors`);
    }
    const [article, live] = rows as [LiveBenchRow, LiveBenchRow];
    const requestsPerSecond = 1000 / POLL_SECONDS;
    return {
      rows,
      ratio: live.rps / article.rps,
      per1000: {
        requestsPerSecond,
        shareOfInstance: requestsPerSecond / live.rps,
        bytesPerSecond: requestsPerSecond * live.bytes,
        reloadBytesPerSecond: requestsPerSecond * article.bytes,
      },
    };
  } finally {
    server.stop();
  }
}

export function printLive(result: LiveBenchResult): void {
  const { per1000 } = result;
  console.log(`\nLive coverage: the polled endpoint vs the cached article page (goal ≥ 1.0×): ×${result.ratio.toFixed(2)} ${result.ratio >= 1 ? "ok" : "MISS"}`);
  console.log(
    `1,000 open readers polling every ${POLL_SECONDS} s: ${per1000.requestsPerSecond} req/s, ${(per1000.shareOfInstance * 100).toFixed(1)}% of one instance's capacity, ` +
      `${(per1000.bytesPerSecond / 1024).toFixed(0)} KiB/s (reloading the page instead: ${(per1000.reloadBytesPerSecond / 1024).toFixed(0)} KiB/s)`,
  );
}

if (process.argv[1]?.endsWith("bench/live.ts")) {
  const { benchBuild } = await import("./build");
  runLiveBench(await benchBuild())
    .then((result) => {
      printLive(result);
      process.exit(0);
    })
    .catch((error) => {
      console.error(`bench live: ${(error as Error).message}`);
      process.exit(1);
    });
}
