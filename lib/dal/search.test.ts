import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleStatus } from "@/lib/db";
import { describeEachEngine, type Engine, type TestDatabase } from "@/lib/testing/databases";
import { searchEngineFor, searchIndex } from "@/lib/search";
import { searchArticles, type SearchResult } from "./search";

const HOUR = 3_600_000;

const HOSTILE_QUERIES = [
  "",
  "   \t\n ",
  "cartels ".repeat(1250),
  "x".repeat(10_000),
  '"',
  '"cartels',
  "'",
  "*",
  "cart*",
  "NEAR",
  "NEAR(cartels harbour)",
  "cartels OR harbour",
  "cartels AND NOT harbour",
  "AND",
  "-cartels",
  "^cartels",
  ":",
  "headline:cartels",
  "{headline body}: cartels",
  `'; DROP TABLE "Article"; --`,
  "cartels' OR '1'='1",
  "((cartels",
  "cartels))",
  "🔥🔥🔥",
  "cartels 🔥",
  "麻薬カルテル",
  "東京",
  "\u0000\u0007\uE000\uE001",
  "<script>alert(1)</script>",
  "!@#$%^&*()_+=[]{}|;:,.<>?/~`",
  "the",
];

function text(result: SearchResult): string {
  return result.snippet.map((segment) => segment.text).join("");
}

function highlighted(result: SearchResult): string[] {
  return result.snippet.filter((segment) => segment.highlighted).map((segment) => segment.text.toLowerCase());
}

/** The search migration and the ones that change it since (*_search_published), in order. */
const byArticleId = (a: { articleId: string }, b: { articleId: string }) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);

function searchMigrations(engine: Engine): string[] {
  const dir = path.join(process.cwd(), "prisma", engine, "migrations");
  const names = readdirSync(dir).filter((entry) => /_search(_published)?$/.test(entry)).sort();
  if (names.length !== 2) throw new Error(`expected the search and search_published migrations for ${engine}, found ${names.join(", ")}`);
  return names.map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

/** Runs a multi-statement script the way lib/testing/databases.ts applies migrations. */
async function runScript(database: TestDatabase, sql: string): Promise<void> {
  if (database.engine === "sqlite") {
    const sqlite = new Database(database.url.slice("file:".length));
    try {
      sqlite.exec(sql);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runRebuild(databaseUrl: string) {
  const tsx = path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
  return spawnSync(process.execPath, [tsx, "scripts/search-rebuild.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describeEachEngine("reader search", (database) => {
  let sectionId: string;
  let bylineId: string;

  async function createArticle(slug: string, data: { headline: string; standfirst?: string; body?: string; status?: ArticleStatus; publishedAt?: Date | null; scheduledAt?: Date }) {
    const { status = ArticleStatus.PUBLISHED, publishedAt = new Date(Date.now() - HOUR), ...rest } = data;
    return database().db.article.create({
      data: { slug, status, publishedAt, ...rest, sectionId, bylines: { create: [{ bylineId, position: 0 }] } },
      select: { id: true },
    });
  }

  async function slugsFor(query: string, pageSize = 50): Promise<string[]> {
    return (await searchArticles(query, { pageSize })).results.map((result) => result.slug);
  }

  /** What the index holds: each story's id and publication time, by id. */
  async function indexedTimes(): Promise<{ articleId: string; publishedAt: Date }[]> {
    const rows = await database().db.$queryRaw<{ articleId: string; publishedAt: Date | string }[]>`
      SELECT "articleId", "publishedAt" FROM "search_document"`;
    return rows.map((row) => ({ articleId: row.articleId, publishedAt: new Date(row.publishedAt) })).sort(byArticleId);
  }

  beforeAll(async () => {
    const { db } = database();
    sectionId = (await db.section.create({ data: { slug: "world", name: "World" } })).id;
    bylineId = (await db.byline.create({ data: { slug: "desk", name: "Desk" } })).id;
    const now = Date.now();
    // The body-only match is the newer story, so ranking (not recency) has to put the headline match first.
    await createArticle("headline-match", {
      headline: "Cartels redraw the smuggling map",
      standfirst: "Routes shift along the coast.",
      body: "Officials described new routes through the mountains.",
      publishedAt: new Date(now - 48 * HOUR),
    });
    await createArticle("body-match", {
      headline: "Harbour authority publishes annual report",
      standfirst: "Shipping volumes rose again.",
      body:
        "## Shipping\n\nThe report runs to forty pages. Buried on page thirty, a **short** note says the " +
        "[drug cartels](https://example.com/cartels) moved `cargo` through _three_ berths last winter.\n\n> Quoted text.",
      publishedAt: new Date(now - HOUR),
    });
    const hidden: { slug: string; status: ArticleStatus; publishedAt: Date | null; scheduledAt?: Date }[] = [
      { slug: "hidden-draft", status: ArticleStatus.DRAFT, publishedAt: null },
      { slug: "hidden-review", status: ArticleStatus.IN_REVIEW, publishedAt: null },
      { slug: "hidden-scheduled", status: ArticleStatus.SCHEDULED, publishedAt: null, scheduledAt: new Date(now + HOUR) },
      { slug: "hidden-archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - 72 * HOUR) },
      { slug: "hidden-future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + HOUR) },
    ];
    for (const story of hidden) {
      await createArticle(story.slug, { ...story, headline: "Cartels embargoed scoop", body: "Embargoed cartels copy." });
    }
    for (let i = 0; i < 13; i++) {
      await createArticle(`lighthouse-${String(i).padStart(2, "0")}`, {
        headline: `Coastal notes ${i}`,
        body: `The lighthouse keeper logged entry ${i}.`,
        publishedAt: new Date(now - (100 + i) * HOUR),
      });
    }
  });

  it("ranks a headline match above a body match, and highlights the matched words in the snippet", async () => {
    const found = await searchArticles("cartels");
    expect(found.results.map((r) => r.slug)).toEqual(["headline-match", "body-match"]);
    expect(found.total).toBe(2);
    const [, bodyMatch] = found.results;
    expect(bodyMatch).toMatchObject({ headline: "Harbour authority publishes annual report", section: { slug: "world", name: "World" } });
    expect(bodyMatch.publishedAt).toBeInstanceOf(Date);
    expect(highlighted(bodyMatch).some((word) => word.startsWith("cartel"))).toBe(true);
    // Plain text: Markdown syntax, link targets and the engines' markers do not reach readers.
    expect(text(bodyMatch)).toContain("moved cargo through");
    expect(text(bodyMatch)).not.toMatch(/\*\*|`|\]\(|https?:|[\uE000\uE001]/);
  });

  it("finds other forms of a word (stemming) and is not case-sensitive", async () => {
    expect(await slugsFor("CARTEL")).toEqual(["headline-match", "body-match"]);
    expect(await slugsFor("smuggling cartels")).toEqual(["headline-match"]);
  });

  it("counts every match and pages through them, keeping page numbers in range", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => searchArticles("lighthouse", { page, pageSize: 5 })));
    expect(pages.map((p) => [p.total, p.capped, p.page, p.pageCount, p.results.length])).toEqual([
      [13, false, 1, 3, 5],
      [13, false, 2, 3, 5],
      [13, false, 3, 3, 3],
    ]);
    const slugs = pages.flatMap((p) => p.results.map((r) => r.slug));
    expect(new Set(slugs).size).toBe(13);
    expect((await searchArticles("lighthouse", { page: 99, pageSize: 5 })).page).toBe(3);
    expect(await searchArticles("lighthouse", { page: 1e12, pageSize: 5 })).toMatchObject({ page: 3, total: 13 });
    expect((await searchArticles("lighthouse", { page: 1e12, pageSize: 5 })).results.map((r) => r.slug)).toEqual(pages[2]!.results.map((r) => r.slug));
    for (const page of [0, -1, Number.NaN, 1.5]) {
      expect((await searchArticles("lighthouse", { page, pageSize: 5 })).page).toBe(1);
    }
  });

  it("ranks only the newest matches when more match than it ranks, and says the count is capped", async () => {
    // The archive's cap (1,000) stood in for by 5 on 13 stories: the newest five are lighthouse-00 to -04.
    const pages = await Promise.all([1, 2, 3, 4].map((page) => searchArticles("lighthouse", { page, pageSize: 2, rankedMatches: 5 })));
    expect(pages.map((p) => [p.total, p.capped, p.page, p.pageCount, p.results.length])).toEqual([
      [5, true, 1, 3, 2],
      [5, true, 2, 3, 2],
      [5, true, 3, 3, 1],
      [5, true, 3, 3, 1],
    ]);
    expect(pages.slice(0, 3).flatMap((p) => p.results.map((r) => r.slug)).sort()).toEqual(["lighthouse-00", "lighthouse-01", "lighthouse-02", "lighthouse-03", "lighthouse-04"]);
    // Exactly as many matches as it ranks is no cap.
    expect(await searchArticles("lighthouse", { rankedMatches: 13 })).toMatchObject({ total: 13, capped: false });
    expect(await searchArticles("lighthouse", { rankedMatches: 12 })).toMatchObject({ total: 12, capped: true });
    // Newest first decides which matches are ranked; rank decides their order: the older headline match drops out
    // when one is ranked, and comes first again when both are.
    const one = await searchArticles("cartels", { rankedMatches: 1 });
    expect([one.total, one.capped, one.results.map((r) => r.slug)]).toEqual([1, true, ["body-match"]]);
    expect(await slugsFor("cartels")).toEqual(["headline-match", "body-match"]);
    expect((await searchArticles("cartels", { rankedMatches: 2 })).results.map((r) => r.slug)).toEqual(["headline-match", "body-match"]);
  });

  it("never shows drafts, stories in review, scheduled, archived or future-dated stories", async () => {
    expect(await slugsFor("embargoed")).toEqual([]);
    expect((await searchArticles("embargoed")).total).toBe(0);
    expect((await slugsFor("cartels")).filter((slug) => slug.startsWith("hidden"))).toEqual([]);
  });

  it("answers hostile queries without errors, and no query changes the database", async () => {
    const before = await database().db.article.count();
    for (const query of HOSTILE_QUERIES) {
      const found = await searchArticles(query);
      expect(found.results.length, JSON.stringify(query.slice(0, 40))).toBeLessThanOrEqual(found.total);
      expect(found.query.length).toBeLessThanOrEqual(200);
      for (const result of found.results) expect(result.slug).not.toMatch(/^hidden/);
    }
    expect(await database().db.article.count()).toBe(before);
    expect((await searchArticles("")).query).toBe("");
    // Words, not syntax: "smuggling:" is no FTS5 column filter, a stray quote opens no phrase.
    expect(await slugsFor("smuggling:cartels")).toEqual(["headline-match"]);
    expect(await slugsFor('"cartels')).toEqual(["headline-match", "body-match"]);
  });

  it("follows inserts, edits, unpublishing and deletes through the database's triggers", async () => {
    const { db } = database();
    const { id } = await createArticle("zeppelin", { headline: "Zeppelin returns", body: "A slow airship." });
    expect(await slugsFor("zeppelin")).toEqual(["zeppelin"]);
    await db.article.update({ where: { id }, data: { headline: "Dirigible returns", body: "A slow balloon." } });
    expect(await slugsFor("zeppelin")).toEqual([]);
    expect(await slugsFor("dirigible balloon")).toEqual(["zeppelin"]);
    await db.article.update({ where: { id }, data: { status: ArticleStatus.ARCHIVED } });
    expect(await slugsFor("dirigible")).toEqual([]);
    await db.article.update({ where: { id }, data: { status: ArticleStatus.PUBLISHED } });
    expect(await slugsFor("dirigible")).toEqual(["zeppelin"]);
    await db.article.updateMany({ where: { id }, data: { breaking: true } });
    expect(await slugsFor("dirigible")).toEqual(["zeppelin"]);
    await db.article.delete({ where: { id } });
    expect(await slugsFor("dirigible")).toEqual([]);
  });

  it("picks up a scheduled story when it is published", async () => {
    const { db } = database();
    const { id } = await createArticle("quasar", {
      headline: "Quasar survey",
      status: ArticleStatus.SCHEDULED,
      publishedAt: null,
      scheduledAt: new Date(Date.now() - 1000),
    });
    expect(await slugsFor("quasar")).toEqual([]);
    await db.article.update({ where: { id }, data: { status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 1000) } });
    expect(await slugsFor("quasar")).toEqual(["quasar"]);
  });

  it("keeps each story's publication time in the index: a story is found from that time on, and ranked by it", async () => {
    const { db, engine } = database();
    const idsAt = async (query: string, now: Date, rankedMatches?: number) =>
      (await searchIndex(db, searchEngineFor(engine), query, { now, rankedMatches })).hits.map((hit) => hit.articleId);
    const timeOf = async (id: string) => (await indexedTimes()).find((row) => row.articleId === id)?.publishedAt;
    const now = Date.now();
    // Published with a time to come (an embargo): not found before it, found from it on.
    const { id } = await createArticle("meridian", { headline: "Meridian survey", body: "An orrery in the hall.", publishedAt: new Date(now + 2 * HOUR) });
    expect(await slugsFor("meridian")).toEqual([]);
    expect(await idsAt("meridian", new Date(now + 2 * HOUR - 1))).toEqual([]);
    expect(await idsAt("meridian", new Date(now + 2 * HOUR))).toEqual([id]);
    expect(await timeOf(id)).toEqual(new Date(now + 2 * HOUR));

    // Re-published with a new time, text unchanged: the index follows.
    await db.article.update({ where: { id }, data: { publishedAt: new Date(now - 3 * HOUR) } });
    expect(await timeOf(id)).toEqual(new Date(now - 3 * HOUR));
    expect(await slugsFor("orrery")).toEqual(["meridian"]);
    // Which matches are the newest follows the new time too.
    const other = await createArticle("meridian-older", { headline: "Meridian notes", publishedAt: new Date(now - 2 * HOUR) });
    expect(await idsAt("meridian", new Date(now), 1)).toEqual([other.id]);
    await db.article.update({ where: { id }, data: { publishedAt: new Date(now - HOUR) } });
    expect(await idsAt("meridian", new Date(now), 1)).toEqual([id]);
    // Moved back into the future: gone until then.
    await db.article.update({ where: { id }, data: { publishedAt: new Date(now + HOUR) } });
    expect(await slugsFor("orrery")).toEqual([]);
    expect(await idsAt("orrery", new Date(now + HOUR))).toEqual([id]);

    // A new address keeps it findable there. Unpublished, it is gone, whatever its time. Published again with a new
    // time and headline in one write, it is found by the new words at the new time.
    await db.article.update({ where: { id }, data: { slug: "meridian-moved", publishedAt: new Date(now - HOUR) } });
    expect(await slugsFor("orrery")).toEqual(["meridian-moved"]);
    await db.article.update({ where: { id }, data: { status: ArticleStatus.ARCHIVED } });
    expect(await slugsFor("orrery")).toEqual([]);
    expect(await timeOf(id)).toBeUndefined();
    await db.article.update({ where: { id }, data: { status: ArticleStatus.PUBLISHED, headline: "Longitude survey", publishedAt: new Date(now - 30 * 60_000) } });
    expect(await slugsFor("longitude")).toEqual(["meridian-moved"]);
    expect(await slugsFor("meridian")).toEqual(["meridian-older"]);
    expect(await timeOf(id)).toEqual(new Date(now - 30 * 60_000));
    // Back to a draft and into the trash, then deleted: never found, never indexed.
    await db.article.update({ where: { id }, data: { status: ArticleStatus.DRAFT, deletedAt: new Date() } });
    expect(await slugsFor("longitude")).toEqual([]);
    await db.article.delete({ where: { id } });
    await db.article.delete({ where: { id: other.id } });
    expect(await timeOf(id)).toBeUndefined();
    expect(await slugsFor("meridian")).toEqual([]);

    // Stories published in the same millisecond are indexed side by side, and the rebuild numbers them alike.
    const same = new Date(now - 5 * HOUR);
    const twins = [await createArticle("twin-a", { headline: "Astrolabe twin", publishedAt: same }), await createArticle("twin-b", { headline: "Astrolabe twin", publishedAt: same })];
    expect((await slugsFor("astrolabe")).sort()).toEqual(["twin-a", "twin-b"]);
    expect((await idsAt("astrolabe", same)).sort()).toEqual(twins.map((twin) => twin.id).sort());
    expect(await idsAt("astrolabe", new Date(same.getTime() - 1))).toEqual([]);
    for (const twin of twins) await db.article.delete({ where: { id: twin.id } });

    // PUBLISHED without a publication time is not readable, so not indexed (and the write does not fail).
    const timeless = await createArticle("timeless", { headline: "Timeless meridian", publishedAt: null });
    expect(await timeOf(timeless.id)).toBeUndefined();
    await db.article.update({ where: { id: timeless.id }, data: { headline: "Timeless meridian, again" } });
    expect(await timeOf(timeless.id)).toBeUndefined();
    await db.article.delete({ where: { id: timeless.id } });
  });

  it("rebuilds the index with npm run search:rebuild, to exactly what the triggers keep", async () => {
    const { db, url } = database();
    const snapshot = () =>
      db.$queryRaw<{ articleId: string }[]>`SELECT "articleId" FROM "search_document" ORDER BY "articleId"`.then((rows) =>
        rows.map((row) => row.articleId),
      );
    const kept = await snapshot();
    const keptTimes = await indexedTimes();
    const keptResults = await searchArticles("cartels");
    await db.$executeRaw`DELETE FROM "search_document"`;
    expect(await slugsFor("cartels")).toEqual([]);

    const run = runRebuild(url);
    expect(run.stderr.trim()).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`search:rebuild: indexed ${kept.length} published stories (${database().engine})`);
    expect(await snapshot()).toEqual(kept);
    expect(await indexedTimes()).toEqual(keptTimes);
    expect(await searchArticles("cartels")).toEqual(keptResults);
  });

  it("the migration fills the index from stories that already exist", async () => {
    const { engine } = database();
    const drop =
      engine === "sqlite"
        ? `DROP TABLE "search_document_fts"; DROP TABLE "search_document";
           DROP TRIGGER "search_article_insert"; DROP TRIGGER "search_article_update"; DROP TRIGGER "search_article_delete";`
        : `DROP TABLE "search_document"; DROP FUNCTION "search_article_sync"() CASCADE; DROP FUNCTION "search_plain_text"(TEXT);`;
    const { db } = database();
    const published = (await db.article.findMany({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { not: null } }, select: { id: true, publishedAt: true } }))
      .map(({ id, publishedAt }) => ({ articleId: id, publishedAt }))
      .sort(byArticleId);
    await runScript(database(), drop);
    for (const sql of searchMigrations(engine)) await runScript(database(), sql);
    expect(await slugsFor("cartels")).toEqual(["headline-match", "body-match"]);
    expect(await slugsFor("zeppelin")).toEqual([]);
    expect(await indexedTimes()).toEqual(published);
  });

  it("search:rebuild refuses, in one line, when the triggers are missing or older than the publishedAt column", async () => {
    const { engine, url } = database();
    // The trigger an older migration made, as a later redefinition of "Article" might copy it by mistake.
    const [, published] = searchMigrations(engine);
    await runScript(
      database(),
      engine === "sqlite"
        ? `DROP TRIGGER "search_article_insert";
           CREATE TRIGGER "search_article_insert" AFTER INSERT ON "Article" WHEN NEW."status" = 'PUBLISHED'
           BEGIN
             INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
             VALUES (NEW."id", NEW."headline", NEW."standfirst", NEW."body");
           END;`
        : `CREATE OR REPLACE FUNCTION "search_article_sync"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;`,
    );
    const outdated = runRebuild(url);
    expect(outdated.status).toBe(1);
    expect(outdated.stderr.trim().split("\n")).toHaveLength(1);
    expect(outdated.stderr).toMatch(/^search:rebuild: the search index's triggers are missing or out of date \(search_article_(insert|sync)\)/);
    // The definition in the newest migration is the one it asks for.
    const current = engine === "sqlite" ? /CREATE TRIGGER "search_article_insert"[\s\S]*?\nEND;/ : /CREATE OR REPLACE FUNCTION "search_article_sync"[\s\S]*?\n';/;
    await runScript(database(), (engine === "sqlite" ? `DROP TRIGGER "search_article_insert";\n` : "") + published!.match(current)![0]);
    expect(runRebuild(url).status).toBe(0);

    await runScript(database(), engine === "sqlite" ? `DROP TRIGGER "search_article_update";` : `DROP TRIGGER "search_article_sync" ON "Article";`);
    const run = runRebuild(url);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^search:rebuild: the search index's triggers are missing or out of date \(search_article_(update|sync)\)/);
  });

  it("search:rebuild refuses, in one line, on an index made before the publishedAt column", async () => {
    const { engine, url } = database();
    await runScript(
      database(),
      engine === "sqlite"
        ? `DROP TRIGGER IF EXISTS "search_article_insert"; DROP TRIGGER IF EXISTS "search_article_update"; ALTER TABLE "search_document" DROP COLUMN "publishedAt";`
        : `ALTER TABLE "search_document" DROP COLUMN "publishedAt";`,
    );
    const run = runRebuild(url);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^search:rebuild: this database's search index lacks search_document\.publishedAt; apply the migrations first/);
  });
});

describe("search:rebuild configuration", () => {
  it("stops with one readable line on a bad DATABASE_URL", () => {
    const run = runRebuild("mysql://localhost/news");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toMatch(/^search:rebuild: DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
