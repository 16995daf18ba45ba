// `npm run bench:history` (also part of `npm run bench`): does comparing two huge revisions stall the reader site?
// Serves the production build on a fresh seeded database (like bench/reader.ts), stores a story with two unrelated
// 200,000-character revisions, signs an editor in, then loads the article page under a fixed load (autocannon)
// twice: idle, and while the history page compares the two revisions over and over. Prints the history page's time
// and the reader's latency during the diff as a ratio to idle. A benchmark, not a test: it asserts nothing.
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { benchBuild, DIST } from "./build";
import { EDITOR, signIn } from "./newsroom";
import { startBenchServer } from "./server";
import { createDb } from "@/lib/db";

const PORT = Number(process.env.BENCH_HISTORY_PORT ?? 4603);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ARTICLE = "/articles/trump-administration-considers-military-action-against-mexican-drug-cartels";
const BODY_CHARS = 200_000;

/**
 * Deterministic prose: paragraphs of 20–400 pseudo-random words, so two seeds share no paragraph and few words in
 * order — the worst case for a word diff, as after a rewrite.
 */
function body(seed: number, chars = BODY_CHARS): string {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const words: string[] = [];
    const count = 20 + (next() % 381);
    for (let i = 0; i < count; i++) words.push(`w${next() % 5000}`);
    const paragraph = words.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, chars);
}

/** A story with two huge revisions, and an editor to look at them; written straight to the bench database. */
async function seedStory(): Promise<{ id: string; left: string; right: string }> {
  const db = createDb(`file:./data/e2e-${PORT}.db`);
  try {
    const user = await db.user.create({ data: { email: EDITOR.email, name: EDITOR.name, role: "EDITOR", passwordHash: await hash(EDITOR.password) }, select: { id: true } });
    const [first, second] = [body(1), body(2)];
    const article = await db.article.create({
      data: { slug: "bench-huge-diff", headline: "Bench: huge diff", standfirst: "", body: second, createdById: user.id, lastEditedById: user.id, version: 2 },
      select: { id: true },
    });
    const revision = (version: number, text: string) =>
      db.revision.create({
        data: { articleId: article.id, version, reason: "Bench", headline: "Bench: huge diff", standfirst: "", body: text, status: "DRAFT", snapshot: {}, authorId: user.id, createdAt: new Date(Date.now() - (3 - version) * 60_000) },
        select: { id: true },
      });
    const left = await revision(1, first);
    const right = await revision(2, second);
    return { id: article.id, left: left.id, right: right.id };
  } finally {
    await db.$disconnect();
  }
}


async function readerLoad(): Promise<{ p50: number; p99: number; max: number; requests: number; errors: number }> {
  const result = await autocannon({ url: `${BASE}${ARTICLE}`, connections: CONNECTIONS, duration: SECONDS });
  return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, requests: result.requests.total, errors: result.errors + result.non2xx };
}

async function main() {
  const server = await startBenchServer(PORT, DIST, await benchBuild());
  try {
    const story = await seedStory();
    const cookie = await signIn(BASE);
    const historyUrl = `${BASE}/admin/stories/${story.id}/history?a=${story.left}&b=${story.right}`;
    await fetch(`${BASE}${ARTICLE}`);

    const alone: number[] = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await (await fetch(historyUrl, { headers: { cookie } })).text();
      alone.push(performance.now() - started);
    }
    const idle = await readerLoad();

    const historyTimes: number[] = [];
    const statuses = new Set<number>();
    let coarseNote = false;
    let diffing = true;
    const diffLoop = (async () => {
      while (diffing) {
        const started = performance.now();
        const response = await fetch(historyUrl, { headers: { cookie } });
        const html = await response.text();
        historyTimes.push(performance.now() - started);
        statuses.add(response.status);
        coarseNote ||= html.includes("too large to compare word by word");
      }
    })();
    const busy = await readerLoad();
    diffing = false;
    await diffLoop;

    const sorted = [...historyTimes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    console.log(`history page (two ${BODY_CHARS.toLocaleString("en")}-character revisions): ${historyTimes.length} loads, median ${Math.round(median)} ms, max ${Math.round(sorted.at(-1) ?? NaN)} ms, status ${[...statuses].join("/")}, "too large" note shown: ${coarseNote}`);
    console.log(`history page alone (no reader load): ${alone.map((t) => `${Math.round(t)} ms`).join(", ")}`);
    console.log(`reader idle:        p50 ${idle.p50} ms  p99 ${idle.p99} ms  max ${idle.max} ms  ${idle.requests} requests, ${idle.errors} errors`);
    console.log(`reader during diff: p50 ${busy.p50} ms  p99 ${busy.p99} ms  max ${busy.max} ms  ${busy.requests} requests, ${busy.errors} errors`);
    console.log(`ratio during diff / idle: p50 ×${(busy.p50 / idle.p50).toFixed(2)}  p99 ×${(busy.p99 / idle.p99).toFixed(2)}  max ×${(busy.max / idle.max).toFixed(2)}  throughput ×${(busy.requests / idle.requests).toFixed(2)}`);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
