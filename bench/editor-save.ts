// `tsx bench/editor-save.ts`: how fast does the editor save a 5,000-word story while readers load the site (issue
// #10, "Speed": save p95 ≤ 150 ms)? Serves the production build on a fresh seeded database (like bench/history.ts),
// stores a 5,000-word story, signs an editor in, and saves it again and again through the real server action
// (saveStoryAction, the editor's own call: same id, encoding and cookie), each save one word different, on the version
// the last save returned. Readers load the home and article pages with autocannon twice: without saving, and while
// saving (as fast as the server answers, and arriving steadily at half that rate). Prints the save latency (p50/p95/max, alone and under
// each reader load) and the readers' req/s with and without saving.
// A benchmark, not a test: it asserts nothing. BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_SAVE_PORT (4604),
// BENCH_SAVE_MODE (autosave|manual), BENCH_SAVE_LIVE=1 to save a published story (each save then expires its pages).
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import { benchBuild, DIST } from "./build";
import { actionId, callAction, EDITOR, signIn } from "./newsroom";
import { pacedLoad } from "./paced-load";
import { startBenchServer } from "./server";
import { percentile } from "./stats";
import { createDb } from "@/lib/db";

const PORT = Number(process.env.BENCH_SAVE_PORT ?? 4604);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MODE = process.env.BENCH_SAVE_MODE === "manual" ? "manual" : "autosave";
const LIVE = process.env.BENCH_SAVE_LIVE === "1";
const WORDS = 5_000;
const ARTICLE = "/articles/trump-administration-considers-military-action-against-mexican-drug-cartels";

/** 5,000 words of deterministic prose in paragraphs of about 80 words, with a subheading every ten paragraphs. */
function body(words = WORDS): string {
  let s = 7;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  const vocabulary = "the council said on monday that its plans for the harbour would go ahead after a vote of residents who had asked for more time to read the report".split(" ");
  const paragraphs: string[] = [];
  for (let written = 0, n = 0; written < words; n++) {
    if (n % 10 === 9) paragraphs.push(`## Part ${n / 10 + 1}`);
    const count = Math.min(60 + (next() % 41), words - written);
    const paragraph = Array.from({ length: count }, () => vocabulary[next() % vocabulary.length]).join(" ");
    paragraphs.push(`${paragraph[0]!.toUpperCase()}${paragraph.slice(1)}.`);
    written += count;
  }
  return paragraphs.join("\n\n");
}

/** The editor and their story (with a byline, so a live story passes the publish checks), straight into the bench database. */
async function seedStory(text: string): Promise<{ id: string; bylineId: string }> {
  const db = createDb(`file:./data/e2e-${PORT}.db`);
  try {
    const user = await db.user.create({ data: { email: EDITOR.email, name: EDITOR.name, role: "EDITOR", passwordHash: await hash(EDITOR.password) }, select: { id: true } });
    const byline = await db.byline.create({ data: { slug: "bench-editor", name: EDITOR.name, userId: user.id }, select: { id: true } });
    const article = await db.article.create({
      data: {
        slug: "bench-five-thousand-words",
        headline: "Bench: five thousand words",
        standfirst: "A long story saved over and over.",
        body: text,
        createdById: user.id,
        lastEditedById: user.id,
        bylines: { create: [{ bylineId: byline.id, position: 0 }] },
        ...(LIVE && { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) }),
      },
      select: { id: true },
    });
    return { id: article.id, bylineId: byline.id };
  } finally {
    await db.$disconnect();
  }
}

interface ReaderLoad {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * Readers as fast as the server answers (autocannon, closed loop), or arriving at a steady average rate (req/s) when
 * `rate` is given (bench/paced-load.ts: autocannon's own rate limit sends each second's quota in one burst).
 */
async function readerLoad(rate?: number): Promise<ReaderLoad> {
  if (rate) return pacedLoad(BASE, ["/", ARTICLE], rate, SECONDS);
  // In a worker thread: the readers' load must not share an event loop with the save loop that times the editor
  // (a real editor's browser does not wait for 10 reader connections), or the figure is the bench's own queueing.
  const result = await autocannon({ url: BASE, connections: CONNECTIONS, duration: SECONDS, workers: 1, requests: [{ path: "/" }, { path: ARTICLE }] });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main() {
  const server = await startBenchServer(PORT, DIST, await benchBuild());
  try {
    const text = body();
    const story = await seedStory(text);
    const cookie = await signIn(BASE);
    const save = actionId(DIST, "saveStoryAction");
    const page = `/admin/stories/${story.id}`;
    let version = 1;
    let n = 0;
    const saveOnce = async (): Promise<number> => {
      n++;
      // One word changes per save, as while typing; the rest of the 5,000 words go along every time.
      const fields = {
        headline: "Bench: five thousand words",
        standfirst: "A long story saved over and over.",
        body: `${text}\n\nEdit ${n}.`,
        slug: "",
        sectionId: "",
        tags: [],
        bylineIds: [story.bylineId],
        heroMediaId: "",
        seoTitle: "",
        seoDescription: "",
        breaking: false,
        breakingUntil: "",
        featured: false,
      };
      const started = performance.now();
      const answer = await callAction(BASE, page, save, { id: story.id, baseVersion: version, fields, mode: MODE, substantive: false }, cookie);
      const elapsed = performance.now() - started;
      if (!answer.ok) throw new Error(`save ${n} refused: ${answer.message}`);
      version = Number(answer.data?.version);
      return elapsed;
    };

    // Warm the pages, the action and the JIT.
    await (await fetch(`${BASE}/`)).text();
    await (await fetch(`${BASE}${ARTICLE}`)).text();
    for (let i = 0; i < 5; i++) await saveOnce();
    await autocannon({ url: BASE, connections: CONNECTIONS, duration: 2, requests: [{ path: "/" }, { path: ARTICLE }] });

    const alone: number[] = [];
    const aloneUntil = performance.now() + SECONDS * 1000;
    while (performance.now() < aloneUntil) alone.push(await saveOnce());

    const idle = await readerLoad();

    // Saving while readers take all the server can give (the worst case: each save waits its turn behind them at
    // every step), then while readers arrive steadily at half that rate (a busy site that is not at its limit).
    const whileSaving = async (rate?: number): Promise<{ readers: ReaderLoad; saves: number[] }> => {
      const saves: number[] = [];
      let saving = true;
      const loop = (async () => {
        while (saving) saves.push(await saveOnce());
      })();
      const readers = await readerLoad(rate);
      saving = false;
      await loop;
      return { readers, saves };
    };
    const { readers: busy, saves: busySaves } = await whileSaving();
    // A busy site below its limit: readers at half and three quarters of what the server answers alone.
    const paced = [];
    for (const [label, share] of [["½", 0.5], ["¾", 0.75]] as const) {
      const rate = Math.max(1, Math.round(idle.rps * share));
      paced.push({ label, rate, ...(await whileSaving(rate)) });
    }

    const line = (label: string, times: number[]) =>
      console.log(`${label.padEnd(30)} ${String(times.length).padStart(5)} saves  p50 ${percentile(times, 50)} ms  p95 ${percentile(times, 95)} ms  max ${Math.round(Math.max(...times))} ms`);
    console.log(`\nEditor save, ${WORDS.toLocaleString("en")}-word ${LIVE ? "live" : "draft"} story (${text.length.toLocaleString("en")} characters), ${MODE}, through saveStoryAction (goal p95 ≤ 150 ms)`);
    line("saves alone", alone);
    for (const { label, rate, saves } of paced) line(`saves, readers at ${rate} req/s (${label})`, saves);
    line("saves, readers at full speed", busySaves);
    console.log(`readers (home + article), ${SECONDS} s (full speed: ${CONNECTIONS} connections; ½ and ¾: steady arrivals):`);
    const readers = (label: string, load: ReaderLoad) =>
      console.log(`  ${label.padEnd(22)} ${String(load.rps).padStart(6)} req/s  p50 ${load.p50} ms  p99 ${load.p99} ms  ${load.errors} errors`);
    readers("full speed, no saves", idle);
    readers(`full speed, saving`, busy);
    console.log(`    (×${(busy.rps / idle.rps).toFixed(2)} req/s while saving)`);
    for (const { label, readers: load } of paced) readers(`${label} rate, saving`, load);
  } finally {
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench editor-save: ${(error as Error).message}`);
    process.exit(1);
  },
);
