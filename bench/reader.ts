// `npm run bench`: how the reader site holds up under a burst of traffic on a breaking story, and how much
// JavaScript the article page ships. Serves the production build on a fresh seeded database on loopback, warms the
// cache with one request per page, then runs a bounded load (autocannon: fixed connections, fixed duration) against
// each page type. Prints one line per page and the article page's first-load JavaScript.
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import { startBenchServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = process.env.NEXT_DIST_DIR || ".next-bench";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ARTICLE = "/articles/trump-administration-considers-military-action-against-mexican-drug-cartels";
const PAGES = { home: "/", article: ARTICLE, section: "/sections/world", feed: "/feeds/rss.xml" };

async function firstLoadJs(): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(`${BASE}${ARTICLE}`)).text();
  const sources = [...new Set([...html.matchAll(/src="\/_next\/static\/([^"]+\.js)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = path.join(DIST, "static", src);
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { files: sources.length, raw, gzip };
}

async function main() {
  const server = await startBenchServer(PORT, DIST);
  try {
    for (const url of Object.values(PAGES)) await fetch(`${BASE}${url}`);
    for (const [name, url] of Object.entries(PAGES)) {
      const result = await autocannon({ url: `${BASE}${url}`, connections: CONNECTIONS, duration: SECONDS });
      const errors = result.errors + result.non2xx;
      console.log(
        `${name.padEnd(8)} ${Math.round(result.requests.average)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
          `${result.requests.total} requests, ${errors} errors`,
      );
    }
    const js = await firstLoadJs();
    console.log(`article first-load JS: ${js.files} files, ${(js.raw / 1024).toFixed(1)} KiB, ${(js.gzip / 1024).toFixed(1)} KiB gzipped`);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
