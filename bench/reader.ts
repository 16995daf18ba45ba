// Part (a) of `npm run bench`: one instance of the production build on a fresh seeded SQLite database, on loopback.
// Warms each reader page type with one request, then loads each with autocannon (fixed connections, fixed duration)
// and compares its req/s with the article page's: every reader page should be served from the cache about as fast
// (goal ≥ 0.8×). Also prints the article page's first-load JavaScript. Run alone: `tsx bench/reader.ts`.
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import { DIST } from "./build";
import { startBenchServer } from "./server";

const PORT = Number(process.env.BENCH_PORT ?? 4600);
const BASE = `http://127.0.0.1:${PORT}`;
const ARTICLE = "/articles/trump-administration-considers-military-action-against-mexican-drug-cartels";

export interface PageResult {
  page: string;
  path: string;
  rps: number;
  ratio: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ReaderResult {
  pages: PageResult[];
  firstLoadJs: { files: number; raw: number; gzip: number };
}

async function firstLoadJs(html: string): Promise<{ files: number; raw: number; gzip: number }> {
  const sources = [...new Set([...html.matchAll(/src="\/_next\/static\/([^"?]+\.js)/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const file = path.join(DIST, "static", src);
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { files: sources.length, raw, gzip };
}

/** Every reader page type, with paths found from the article page and the sitemap index (as a crawler would). */
async function readerPages(articleHtml: string): Promise<{ page: string; path: string }[]> {
  const first = (pattern: RegExp, what: string) => {
    const found = pattern.exec(articleHtml)?.[1];
    if (!found) throw new Error(`the article page links to no ${what}`);
    return found;
  };
  const tag = first(/href="(\/tags\/[a-z0-9-]+)"/, "tag");
  const author = first(/href="(\/authors\/[a-z0-9-]+)"/, "author");
  const og = new URL(first(/<meta property="og:image" content="([^"]+)"/, "OpenGraph image").replaceAll("&amp;", "&")).pathname;
  const index = await (await fetch(`${BASE}/sitemap.xml`)).text();
  const chunk = /<loc>([^<]*\/sitemaps\/articles-1\.xml)<\/loc>/.exec(index)?.[1];
  if (!chunk) throw new Error("the sitemap index lists no articles-1.xml");
  return [
    { page: "article", path: ARTICLE },
    { page: "home", path: "/" },
    { page: "section", path: "/sections/world" },
    { page: "tag", path: tag },
    { page: "author", path: author },
    { page: "search landing", path: "/search" },
    { page: "about", path: "/about" },
    { page: "RSS", path: "/feeds/rss.xml" },
    { page: "Atom", path: "/feeds/atom.xml" },
    { page: "sitemap index", path: "/sitemap.xml" },
    { page: "sitemap chunk", path: new URL(chunk).pathname },
    { page: "news sitemap", path: "/news-sitemap.xml" },
    { page: "article OG image", path: og },
  ];
}

export async function runReaderBench(buildEnv: NodeJS.ProcessEnv, log: (line: string) => void = console.log): Promise<ReaderResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 6);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const server = await startBenchServer(PORT, DIST, buildEnv);
  try {
    const html = await (await fetch(`${BASE}${ARTICLE}`)).text();
    const pages = await readerPages(html);
    for (const p of pages) {
      const response = await fetch(`${BASE}${p.path}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${p.page} (${p.path}) answered ${response.status}`);
    }
    // The first load also warms the server's JIT; without this the article (measured first) reads low.
    await autocannon({ url: `${BASE}${ARTICLE}`, connections, duration: 3 });
    const results: PageResult[] = [];
    for (const p of pages) {
      const r = await autocannon({ url: `${BASE}${p.path}`, connections, duration: seconds });
      const rps = Math.round(r.requests.average);
      const ratio = rps / (results[0]?.rps ?? rps);
      results.push({ ...p, rps, ratio, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
      log(`${p.page.padEnd(17)} ${String(rps).padStart(6)} req/s  ×${ratio.toFixed(2)}  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${r.errors + r.non2xx} errors`);
    }
    return { pages: results, firstLoadJs: await firstLoadJs(html) };
  } finally {
    server.stop();
  }
}

if (process.argv[1]?.endsWith("bench/reader.ts")) {
  const { benchBuild } = await import("./build");
  runReaderBench(await benchBuild())
    .then((r) => {
      console.log(`article first-load JS: ${r.firstLoadJs.files} files, ${(r.firstLoadJs.raw / 1024).toFixed(1)} KiB, ${(r.firstLoadJs.gzip / 1024).toFixed(1)} KiB gzipped`);
      process.exit(0);
    })
    .catch((error) => {
      console.error(`bench reader: ${(error as Error).message}`);
      process.exit(1);
    });
}
