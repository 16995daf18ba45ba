// Part (d) of `npm run bench`: what a cache miss costs with a large archive. With N generated stories (default
// 100,000) on SQLite and on PostgreSQL, calls the reader data functions of lib/dal directly — the work a page does
// when nothing is cached — 50 times each after a short warm-up, and reports p50/p95 against the 50 ms goal.
// Run with next/cache swapped for the no-cache stand-in (bench/next-cache-hooks.mjs), so `"use cache"` functions
// just run. Why the data layer and not HTTP: a server with caching off would add rendering and HTTP to every figure
// and hide which query is slow; this names the query. For every function over the goal it records the SQL it sent
// and prints the engine's plan (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN plus a timed re-run on SQLite).
import { writeFileSync, mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb } from "@/lib/db";
import { getAuthorPage, getHomePage, getPublishedArticle, getSectionPage, getTagPage } from "@/lib/dal/articles";
import { getFeed } from "@/lib/dal/feeds";
import { searchArticles } from "@/lib/dal/search";
import { getCachedNewsSitemap, getSitemapChunkCounts, listSitemapArticles, listSitemapPagesChunk } from "@/lib/dal/sitemaps";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { ensureDataset, type Engine } from "./datasets";
import { percentile } from "./stats";

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const GOAL_MS = 50;
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",") as Engine[];
const OUT = process.env.BENCH_OUT ?? "bench/results/data-layer.json";
// A function far over the goal gets fewer samples, so one slow query cannot stretch the run past its budget.
const SLOW_MS = 400;
const SLOW_SAMPLES = 12;
const SEARCHES = ["housing plan", "inflation", "budget deal berlin", "vaccine rollout", "election reform court", "wildfire response", "rail strike lagos"];

interface Case {
  name: string;
  run: (i: number) => Promise<unknown>;
}

export interface Measured {
  engine: Engine;
  name: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  overGoal: boolean;
  plans?: { ms: number; sql: string; plan: string }[];
}

async function cases(url: string): Promise<Case[]> {
  const db = createDb(url);
  try {
    const [tag] = await db.tag.findMany({ orderBy: { articles: { _count: "desc" } }, take: 1, select: { slug: true } });
    const [author] = await db.byline.findMany({ orderBy: { articles: { _count: "desc" } }, take: 1, select: { slug: true } });
    const recent = await db.article.findMany({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, take: 100, select: { slug: true } });
    if (!tag || !author || recent.length === 0) throw new Error("the dataset has no tags, bylines or stories");
    const chunks = (await getSitemapChunkCounts()).articles;
    const must = async <T>(what: string, value: Promise<T | null>) => {
      if ((await value) === null) throw new Error(`${what} found nothing`);
    };
    return [
      // A different recent story each time: the article is the reference, Markdown rendering included.
      { name: "article", run: (i) => must("article", getPublishedArticle(recent[i % recent.length]!.slug)) },
      { name: "home", run: () => getHomePage() },
      { name: "section p1", run: () => must("section", getSectionPage("world", 1)) },
      { name: "section p200", run: () => must("section p200", getSectionPage("world", 200)) },
      { name: `tag (${tag.slug.slice(0, 18)}…)`, run: () => must("tag", getTagPage(tag.slug, 1)) },
      { name: "author", run: () => must("author", getAuthorPage(author.slug, 1)) },
      { name: "search", run: (i) => searchArticles(SEARCHES[i % SEARCHES.length]!) },
      { name: "rss/atom feed", run: () => must("feed", getFeed({ kind: "site" })) },
      { name: "sitemap index", run: () => getSitemapChunkCounts() },
      { name: "sitemap articles-1", run: () => must("sitemap chunk", listSitemapArticles(1)) },
      ...(chunks > 1 ? [{ name: `sitemap articles-${chunks}`, run: () => must("last sitemap chunk", listSitemapArticles(chunks)) }] : []),
      { name: "sitemap pages-1", run: () => must("pages sitemap", listSitemapPagesChunk(1)) },
      { name: "news sitemap", run: () => getCachedNewsSitemap() },
    ];
  } finally {
    await db.$disconnect();
  }
}

// ── Recording the SQL a call sends, to explain the slow ones ──────────────────────────────────────────────────────
type Statement = { sql: string; values: unknown[] };
let recording: Statement[] | null = null;

function recordSql(): void {
  const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    if (recording) {
      if (typeof config === "string") recording.push({ sql: config, values: (values as unknown[]) ?? [] });
      else if (config && typeof config === "object" && "text" in config) recording.push({ sql: (config as pg.QueryConfig).text, values: (config as pg.QueryConfig).values ?? [] });
    }
    return originalQuery.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("select 1")) as { bind: (...args: unknown[]) => unknown };
  probe.close();
  const databaseProto = Database.prototype as unknown as { prepare: (sql: string) => unknown };
  const originalPrepare = databaseProto.prepare;
  const sqlOf = new WeakMap<object, string>();
  databaseProto.prepare = function (this: unknown, sql: string) {
    const statement = originalPrepare.call(this, sql) as object;
    sqlOf.set(statement, sql);
    return statement;
  };
  const originalBind = statementProto.bind;
  statementProto.bind = function (this: object, ...args: unknown[]) {
    if (recording) recording.push({ sql: sqlOf.get(this) ?? "?", values: (Array.isArray(args[0]) ? args[0] : args) as unknown[] });
    return originalBind.apply(this, args);
  };
}

async function explain(engine: Engine, url: string, statements: Statement[]): Promise<{ ms: number; sql: string; plan: string }[]> {
  const out: { ms: number; sql: string; plan: string }[] = [];
  const reads = statements.filter((s) => /^\s*(select|with)/i.test(s.sql));
  if (engine === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of reads) {
        const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.values as unknown[]);
        const plan = result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        out.push({ ms, sql: s.sql, plan });
      }
    } finally {
      await client.end();
    }
  } else {
    const sqlite = new Database((resolveDatabaseUrl(url) as { file: string }).file, { readonly: true });
    try {
      for (const s of reads) {
        const values = s.values.map((v) => (typeof v === "boolean" ? Number(v) : v));
        const started = performance.now();
        sqlite.prepare(s.sql).all(...values);
        const ms = performance.now() - started;
        const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...values) as { detail: string; id: number; parent: number }[])
          .map((row) => `${row.parent === 0 ? "" : "  "}${row.detail}`)
          .join("\n");
        out.push({ ms: Math.round(ms * 10) / 10, sql: s.sql, plan });
      }
    } finally {
      sqlite.close();
    }
  }
  return out.sort((a, b) => b.ms - a.ms).slice(0, 3);
}

async function measure(engine: Engine, url: string, log: (line: string) => void): Promise<Measured[]> {
  process.env.DATABASE_URL = url;
  const results: Measured[] = [];
  for (const c of await cases(url)) {
    for (let i = 0; i < 3; i++) await c.run(i);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      await c.run(i);
      times.push(performance.now() - started);
      if (i === 4 && times.reduce((a, b) => a + b, 0) / times.length > SLOW_MS && SAMPLES > SLOW_SAMPLES) {
        while (times.length < SLOW_SAMPLES) {
          const again = performance.now();
          await c.run(times.length);
          times.push(performance.now() - again);
        }
        break;
      }
    }
    const m: Measured = { engine, name: c.name, samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), overGoal: false };
    m.overGoal = m.p95 > GOAL_MS && c.name !== "article";
    if (m.overGoal) {
      recording = [];
      await c.run(0);
      const statements = recording;
      recording = null;
      m.plans = await explain(engine, url, statements);
    }
    log(`${engine.padEnd(10)} ${c.name.padEnd(24)} p50 ${m.p50.toFixed(1).padStart(7)} ms  p95 ${m.p95.toFixed(1).padStart(7)} ms  (${m.samples})${m.overGoal ? "  > 50 ms" : ""}`);
    results.push(m);
  }
  return results;
}

export async function runDataLayerBench(log: (line: string) => void = console.log): Promise<Measured[]> {
  recordSql();
  const all: Measured[] = [];
  for (const engine of ENGINES) {
    const url = await ensureDataset(engine, STORIES, log);
    all.push(...(await measure(engine, url, log)));
  }
  return all;
}

async function main() {
  const results = await runDataLayerBench();
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(OUT, JSON.stringify({ stories: STORIES, goalMs: GOAL_MS, results }, null, 2));
  for (const m of results.filter((r) => r.overGoal)) {
    console.log(`\n── ${m.engine} ${m.name}: p95 ${m.p95.toFixed(1)} ms; slowest statements:`);
    for (const p of m.plans ?? []) console.log(`   ${p.ms} ms  ${p.sql.slice(0, 400)}\n${p.plan.split("\n").slice(0, 30).join("\n").replace(/^/gm, "      ")}`);
  }
  // The Prisma clients keep pools open; this process is done.
  process.exit(0);
}

main().catch((error) => {
  console.error(`bench data layer: ${(error as Error).message.split("\n").find(Boolean)}`);
  process.exit(1);
});
