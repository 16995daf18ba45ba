// `tsx scripts/generate-stories.ts [--count 100000] [--seed 1] [--years 10]`: fills the database named by
// DATABASE_URL (SQLite or PostgreSQL, migrated and seeded) with published stories that look like a newsroom's
// archive — sections, a long tail of tags, a few hundred bylines, dates spread over years, 400–1,100-word bodies and
// one revision each — for benchmarks at scale. Rows go in with multi-row inserts, a batch per transaction; the
// engines' search triggers index each story as it lands, as the write path's updates would. Ends with ANALYZE
// (VACUUM too on PostgreSQL) so the planner sees the new table sizes (autovacuum would, a little later, in production).
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { ArticleStatus, createDb, type Db, type Prisma } from "../lib/db";
import { resolveDatabaseUrl } from "../lib/database-url";
import { toSlug } from "../lib/content/slug";

export interface GenerateOptions {
  count: number;
  /** Same seed, same stories (and slugs): a second run with one seed is refused rather than doubled. */
  seed?: number;
  /** How far back the oldest story goes; the newest is about now. */
  years?: number;
  now?: Date;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  stories: number;
  sections: number;
  tags: number;
  bylines: number;
  ms: number;
}

export const MAX_COUNT = 2_000_000;
const TAG_COUNT = 2_000;
const BYLINE_COUNT = 250;

const SECTIONS = [
  { slug: "world", name: "World" },
  { slug: "politics", name: "Politics" },
  { slug: "us", name: "U.S." },
  { slug: "business", name: "Business" },
  { slug: "technology", name: "Technology" },
  { slug: "opinion", name: "Opinion" },
  { slug: "science", name: "Science" },
  { slug: "health", name: "Health" },
  { slug: "climate", name: "Climate" },
  { slug: "sport", name: "Sport" },
  { slug: "culture", name: "Culture" },
  { slug: "local", name: "Local" },
];

const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Liam", "Maya", "Nikolai", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Victor", "Wen", "Yara", "Zoe"];
const LAST = ["Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Hassan", "Ito", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zhang"];
const PLACES = ["Mexico City", "Berlin", "Lagos", "Jakarta", "Ottawa", "Nairobi", "Lima", "Seoul", "Warsaw", "Manila", "Cairo", "Lisbon", "Denver", "Houston", "Chicago", "Brussels", "Geneva", "Mumbai", "Sydney", "Toronto"];
const SUBJECTS = ["Lawmakers", "Regulators", "The central bank", "City council", "Investigators", "Health officials", "The Supreme Court", "Union leaders", "Researchers", "Prosecutors", "The governor", "Shareholders", "Farmers", "Teachers", "Energy companies", "Residents", "The prime minister", "Election officials", "Scientists", "Airlines"];
const VERBS = ["approve", "reject", "delay", "weigh", "challenge", "unveil", "probe", "back", "scrap", "expand", "question", "defend", "cut", "extend", "announce", "revive", "block", "overhaul", "review", "resume"];
const OBJECTS = ["housing plan", "budget deal", "water rationing", "rail strike", "tariff increase", "data privacy rules", "vaccine rollout", "wildfire response", "bridge repairs", "minimum wage rise", "school funding", "port expansion", "drug pricing law", "border policy", "emissions target", "bank merger", "election reform", "stadium subsidy", "transit fares", "mining permit"];
// Function words every story uses; content words come from a vocabulary of the story's own (STORY_WORDS of
// CONTENT), so a topical word is in a few percent of stories, not in all of them (search's cost depends on it).
const COMMON = (
  "the of and to in a that for on with as was at by from it said he she they his her their this have has had been " +
  "which were would will after year years new more also who people about over two first last one told since before " +
  "during while despite because however although earlier later today yesterday according"
).split(" ");
const CONTENT = (
  "government officials state city country percent million billion week month report market prices plan law court " +
  "police president minister company workers public health water energy power election vote party leaders council " +
  "budget tax money bank rates inflation growth jobs schools students families homes housing rent climate storm " +
  "flood drought heat fire border trade deal talks agreement sanctions military troops security attack investigation " +
  "evidence trial judge ruling appeal decision policy reform proposal bill measure support opposition critics " +
  "analysts experts data study research scientists hospital patients doctors vaccine disease cases rise fall " +
  "increase decline record highest lowest statement spokesperson interview documents reviewed confirmed denied " +
  "warned expected announced estimated reported district region province capital residents community local national " +
  "federal international global regional industry sector companies executives shareholders investors profits losses " +
  "revenue costs spending debt deficit infrastructure roads bridges rail transit airport port shipping supply chain " +
  "factories farmers crops food fuel pension wages strike union contract tenants landlord eviction subsidy tariff " +
  "exports imports currency bonds lenders mortgage regulators antitrust merger lawsuit settlement verdict jury " +
  "prosecutors defendant testimony witness hearing senate parliament coalition ballot turnout polling campaign donors " +
  "lobbying ethics scandal resignation cabinet embassy diplomats ceasefire refugees asylum migrants humanitarian aid " +
  "earthquake wildfire hurricane emissions carbon renewable solar wind battery electric vehicles semiconductor chips " +
  "software hackers breach privacy platform startup funding valuation layoffs hiring productivity automation " +
  "artificial intelligence satellite launch telescope species wildlife conservation ocean glacier rainfall harvest " +
  "outbreak variant hospitals nurses clinics insurance premiums prescription opioid overdose addiction treatment " +
  "teachers curriculum tuition universities graduates enrollment stadium league championship tournament coach " +
  "transfer season museum exhibition festival film album novel theater heritage archaeology"
).split(" ");
const STORY_WORDS = 30;

/** mulberry32: a small fast deterministic generator, so one seed always gives the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Rand, low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
/** An index skewed towards 0 (a few tags and bylines carry most stories, as in a real archive). */
const skewed = (rand: Rand, size: number, power = 3) => Math.min(size - 1, Math.floor(size * rand() ** power));
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(rand: Rand, vocabulary: readonly string[]): string {
  const words = Array.from({ length: between(rand, 8, 26) }, () => pick(rand, rand() < 0.55 ? COMMON : vocabulary));
  if (rand() < 0.3) words.splice(between(rand, 1, words.length - 1), 0, "in", pick(rand, PLACES));
  return `${capital(words.join(" "))}.`;
}

function paragraph(rand: Rand, vocabulary: readonly string[]): string {
  return Array.from({ length: between(rand, 2, 5) }, () => sentence(rand, vocabulary)).join(" ");
}

/** Markdown of 400–1,100 words: paragraphs, now and then a subheading, a quote or a list. */
function body(rand: Rand, vocabulary: readonly string[]): string {
  const target = between(rand, 400, 1100);
  const blocks: string[] = [];
  let words = 0;
  while (words < target) {
    const roll = rand();
    let block: string;
    if (roll < 0.08 && blocks.length > 2) block = `## ${capital(pick(rand, OBJECTS))} in ${pick(rand, PLACES)}`;
    else if (roll < 0.12) block = `> ${sentence(rand, vocabulary)}`;
    else if (roll < 0.15) block = Array.from({ length: between(rand, 2, 4) }, () => `- ${sentence(rand, vocabulary)}`).join("\n");
    else block = paragraph(rand, vocabulary);
    blocks.push(block);
    words += block.split(" ").length;
  }
  return blocks.join("\n\n");
}

function cuidLike(rand: Rand): string {
  let id = "c";
  while (id.length < 25) id += Math.floor(rand() * 36).toString(36);
  return id;
}

async function ensureSections(db: Db): Promise<string[]> {
  const existing = await db.section.findMany({ select: { slug: true } });
  const have = new Set(existing.map((s) => s.slug));
  const base = existing.length;
  const missing = SECTIONS.filter((s) => !have.has(s.slug)).map((s, i) => ({ ...s, sortOrder: base + i }));
  if (missing.length > 0) await db.section.createMany({ data: missing });
  return (await db.section.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true } })).map((s) => s.id);
}

async function ensureTags(db: Db, rand: Rand, seed: number): Promise<{ id: string; name: string }[]> {
  const tags = Array.from({ length: TAG_COUNT }, (_, i) => {
    const name = i < PLACES.length ? PLACES[i]! : `${capital(pick(rand, OBJECTS))} ${pick(rand, PLACES)} ${i}`;
    return { id: cuidLike(rand), slug: `${toSlug(name)}-g${seed}-${i}`, name: `${name} (${seed})` };
  });
  await db.tag.createMany({ data: tags });
  return tags;
}

async function ensureBylines(db: Db, rand: Rand, seed: number): Promise<string[]> {
  const bylines = Array.from({ length: BYLINE_COUNT }, (_, i) => {
    const name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
    return { id: cuidLike(rand), slug: `${toSlug(name)}-g${seed}-${i}`, name, bio: `${name} reports from ${pick(rand, PLACES)}.` };
  });
  await db.byline.createMany({ data: bylines });
  return bylines.map((b) => b.id);
}

/** Checks the options and the database; throws one readable line for anything that would stop the run. */
export async function checkReady(db: Db, seed: number): Promise<void> {
  try {
    await db.siteSettings.count();
  } catch (error) {
    throw new Error(`the database has no BreakingOn tables (${(error as Error).message.split("\n")[0]}): run npm run db:migrate first`);
  }
  if (await db.tag.findFirst({ where: { slug: { endsWith: `-g${seed}-0` } }, select: { id: true } })) {
    throw new Error(`stories from seed ${seed} are already in this database; pass another --seed to add more`);
  }
}

export async function generateStories(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const { count, seed = 1, years = 10, batchSize = 500, now = new Date(), log = () => {} } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new Error(`--count must be a whole number from 1 to ${MAX_COUNT}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be a whole number from 0 up");
  if (!(years > 0 && years <= 50)) throw new Error("--years must be a number above 0 and at most 50");
  const started = Date.now();
  await checkReady(db, seed);
  const rand = random(seed);
  const sections = await ensureSections(db);
  const tags = await ensureTags(db, rand, seed);
  const bylines = await ensureBylines(db, rand, seed);
  const span = years * 365.25 * 86_400_000;
  const end = now.getTime() - 60_000;
  // Oldest first, the way an archive grows; the newest lands about a minute before `now` (so it is already live).
  const times = Array.from({ length: count }, () => end - Math.floor(rand() * span)).sort((a, b) => a - b);
  times[count - 1] = end;

  const postgres = resolveDatabaseUrl(process.env.DATABASE_URL).engine === "postgresql";
  const parallel = postgres ? 2 : 1;
  const inFlight = new Set<Promise<void>>();
  for (let start = 0; start < count; start += batchSize) {
    const articles: Prisma.ArticleCreateManyInput[] = [];
    const links: Prisma.ArticleBylineCreateManyInput[] = [];
    const tagged: Prisma.ArticleTagCreateManyInput[] = [];
    const revisions: Prisma.RevisionCreateManyInput[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const id = cuidLike(rand);
      const place = pick(rand, PLACES);
      const headline = `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} in ${place}`;
      const slug = `${toSlug(headline)}-${seed.toString(36)}x${i.toString(36)}`;
      const vocabulary = Array.from({ length: STORY_WORDS }, () => pick(rand, CONTENT));
      const standfirst = `${sentence(rand, vocabulary)} ${sentence(rand, vocabulary)}`.slice(0, 280);
      const text = body(rand, vocabulary);
      const publishedAt = new Date(times[i]!);
      const updated = rand() < 0.05 ? new Date(Math.min(end, times[i]! + between(rand, 1, 72) * 3_600_000)) : null;
      const sectionId = sections[skewed(rand, sections.length, 1.5)]!;
      const storyBylines = [...new Set(Array.from({ length: rand() < 0.15 ? 2 : 1 }, () => bylines[skewed(rand, bylines.length, 2)]!))];
      const storyTags = [...new Set(Array.from({ length: between(rand, 2, 5) }, () => tags[skewed(rand, tags.length)]!))];
      articles.push({
        id,
        slug,
        headline,
        standfirst,
        body: text,
        status: ArticleStatus.PUBLISHED,
        publishedAt,
        substantiveUpdatedAt: updated,
        featured: rand() < 0.001,
        sectionId,
        version: 2,
        createdAt: new Date(times[i]! - between(rand, 10, 600) * 60_000),
        updatedAt: updated ?? publishedAt,
      });
      storyBylines.forEach((bylineId, position) => links.push({ articleId: id, bylineId, position }));
      for (const tag of storyTags) tagged.push({ articleId: id, tagId: tag.id });
      revisions.push({
        id: cuidLike(rand),
        articleId: id,
        version: 2,
        reason: "Published",
        headline,
        standfirst,
        body: text,
        status: ArticleStatus.PUBLISHED,
        snapshot: { slug, sectionId, tags: storyTags.map((t) => t.name), bylineIds: storyBylines, heroMediaId: null, seoTitle: null, seoDescription: null, breaking: false, breakingUntil: null, featured: false },
        createdAt: publishedAt,
      });
    }
    const done = Math.min(count, start + batchSize);
    // A batch is one transaction; its time is mostly the search index (tsvector / FTS5) the triggers build.
    const insert = db
      .$transaction(
        async (tx) => {
          await tx.article.createMany({ data: articles });
          await tx.articleByline.createMany({ data: links });
          await tx.articleTag.createMany({ data: tagged });
          await tx.revision.createMany({ data: revisions });
        },
        { timeout: 600_000, maxWait: 600_000 },
      )
      .then(() => {
        if (done % 10_000 === 0 || done === count) log(`${done.toLocaleString("en")} / ${count.toLocaleString("en")} stories`);
      });
    inFlight.add(insert);
    void insert.finally(() => inFlight.delete(insert)).catch(() => {});
    // PostgreSQL indexes two batches at once on two connections; SQLite has one writer.
    if (inFlight.size >= parallel) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // PostgreSQL also gets VACUUM: it sets the visibility map, without which index-only scans (counts, keyset seeks)
  // fall back to reading the table, as they would not in production once autovacuum has run.
  await db.$executeRawUnsafe(postgres ? "VACUUM (ANALYZE)" : "ANALYZE");
  return { stories: count, sections: sections.length, tags: tags.length, bylines: bylines.length, ms: Date.now() - started };
}

function readOptions(argv: string[]): { count: number; seed: number; years: number } {
  const { values } = parseArgs({
    args: argv,
    options: { count: { type: "string", default: "100000" }, seed: { type: "string", default: "1" }, years: { type: "string", default: "10" } },
    strict: true,
    allowPositionals: false,
  });
  const whole = (name: string, raw: string, max: number) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < (name === "seed" ? 0 : 1) || value > max) {
      throw new Error(`--${name} must be a whole number from ${name === "seed" ? 0 : 1} to ${max} (got "${raw}")`);
    }
    return value;
  };
  return { count: whole("count", values.count!, MAX_COUNT), seed: whole("seed", values.seed!, 2 ** 31), years: whole("years", values.years!, 50) };
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const target = resolveDatabaseUrl(process.env.DATABASE_URL);
  const db = createDb(target.url);
  try {
    console.log(`Generating ${options.count.toLocaleString("en")} published stories in ${target.engine === "sqlite" ? target.file : "PostgreSQL"} (seed ${options.seed})`);
    const result = await generateStories(db, { ...options, log: (line) => console.log(line) });
    console.log(`Done in ${(result.ms / 1000).toFixed(1)} s: ${result.stories} stories, ${result.sections} sections, ${result.tags} tags, ${result.bylines} bylines.`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(`generate-stories: ${firstLine(error)}`);
    process.exit(1);
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message || String(error.cause ?? error.name) : String(error);
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  // Prisma's "Invalid `…` invocation" opens with the call site; the reason is the last line.
  return (lines[0]?.startsWith("Invalid `") ? lines.at(-1) : lines[0]) ?? "failed";
}
