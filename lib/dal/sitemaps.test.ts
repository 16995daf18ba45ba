import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus, type Db } from "@/lib/db";
import {
  getNewsSitemap,
  getSitemapChunkCounts,
  listSitemapArticles,
  listSitemapPages,
  listSitemapPagesChunk,
  loadSitemapChunkCounts,
  querySitemapArticles,
  querySitemapPagesChunk,
} from "./sitemaps";

const HOUR = 3_600_000;
const NOW = new Date();
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);

async function seed(db: Db) {
  await db.siteSettings.create({ data: { id: 1, name: "BreakingOn Daily", language: "en-GB" } });
  const world = await db.section.create({ data: { slug: "world", name: "World", sortOrder: 0 } });
  const politics = await db.section.create({ data: { slug: "politics", name: "Politics", sortOrder: 1 } });
  await db.section.create({ data: { slug: "empty", name: "Empty", sortOrder: 2 } });
  const desk = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
  const jane = await db.byline.create({ data: { slug: "jane", name: "Jane" } });
  const ghost = await db.byline.create({ data: { slug: "ghost", name: "Ghost" } });
  const mexico = await db.tag.create({ data: { slug: "mexico", name: "Mexico" } });
  const trade = await db.tag.create({ data: { slug: "trade", name: "Trade" } });
  const secret = await db.tag.create({ data: { slug: "secret-plan", name: "Secret plan" } });
  const stories = [
    { slug: "older", status: ArticleStatus.PUBLISHED, publishedAt: at(72), substantiveUpdatedAt: at(10), sectionId: world.id, bylineId: desk.id, tagIds: [mexico.id] },
    { slug: "third", status: ArticleStatus.PUBLISHED, publishedAt: at(30), sectionId: politics.id, bylineId: jane.id, tagIds: [trade.id] },
    { slug: "newer", status: ArticleStatus.PUBLISHED, publishedAt: at(1), sectionId: world.id, bylineId: desk.id, tagIds: [mexico.id, trade.id] },
    // Hidden: none of these, nor the tag and byline only they use, may appear in any sitemap.
    { slug: "draft", status: ArticleStatus.DRAFT, publishedAt: null },
    { slug: "in-review", status: ArticleStatus.IN_REVIEW, publishedAt: null },
    { slug: "scheduled", status: ArticleStatus.SCHEDULED, publishedAt: null, scheduledAt: at(-2) },
    { slug: "archived", status: ArticleStatus.ARCHIVED, publishedAt: at(5) },
    { slug: "future", status: ArticleStatus.PUBLISHED, publishedAt: at(-1) },
  ];
  for (const { bylineId, tagIds, ...story } of stories) {
    await db.article.create({
      data: {
        sectionId: politics.id,
        ...story,
        headline: `Headline ${story.slug}`,
        bylines: { create: [{ bylineId: bylineId ?? ghost.id }] },
        tags: { create: (tagIds ?? [secret.id]).map((tagId) => ({ tagId })) },
      },
    });
  }
}

describeEachEngine("sitemap queries", (database) => {
  beforeAll(async () => seed(database().db));

  it("chunks published story URLs, oldest first, dated by substantive update or publication", async () => {
    const first = await querySitemapArticles(1, { chunkSize: 2, now: NOW });
    expect(first).toEqual([
      { path: "/articles/older", lastModified: at(10) },
      { path: "/articles/third", lastModified: at(30) },
    ]);
    expect(await querySitemapArticles(2, { chunkSize: 2, now: NOW })).toEqual([{ path: "/articles/newer", lastModified: at(1) }]);
    expect(await querySitemapArticles(3, { chunkSize: 2, now: NOW })).toBeNull();
    expect((await querySitemapArticles(1, { now: NOW }))?.map((u) => u.path)).toEqual(["/articles/older", "/articles/third", "/articles/newer"]);
  });

  it("lists home, about, every section, and only the tags and authors with published stories", async () => {
    const about = (await database().db.siteSettings.findUniqueOrThrow({ where: { id: 1 } })).updatedAt;
    expect(await listSitemapPages({ now: NOW })).toEqual([
      { path: "/", lastModified: at(1) },
      { path: "/about", lastModified: about },
      { path: "/sections/world", lastModified: at(1) },
      { path: "/sections/politics", lastModified: at(30) },
      { path: "/sections/empty", lastModified: null },
      { path: "/tags/mexico", lastModified: at(1) },
      { path: "/tags/trade", lastModified: at(1) },
      { path: "/authors/desk", lastModified: at(1) },
      { path: "/authors/jane", lastModified: at(30) },
    ]);
  });

  it("dates a hub by its newest publication or substantive update", async () => {
    await database().db.article.update({ where: { slug: "third" }, data: { substantiveUpdatedAt: at(0.5) } });
    const pages = await listSitemapPages({ now: NOW });
    const date = (path: string) => pages.find((p) => p.path === path)?.lastModified;
    expect(date("/")).toEqual(at(0.5));
    expect(date("/sections/politics")).toEqual(at(0.5));
    expect(date("/tags/trade")).toEqual(at(0.5));
    expect(date("/authors/jane")).toEqual(at(0.5));
    expect(date("/tags/mexico")).toEqual(at(1));
    await database().db.article.update({ where: { slug: "third" }, data: { substantiveUpdatedAt: null } });
  });

  it("chunks the pages list and counts the chunks the index needs", async () => {
    expect(await loadSitemapChunkCounts({ chunkSize: 2, now: NOW })).toEqual({ articles: 2, pages: 5 });
    expect(await loadSitemapChunkCounts({ now: NOW })).toEqual({ articles: 1, pages: 1 });
    expect(await querySitemapPagesChunk(5, { chunkSize: 2, now: NOW })).toEqual([{ path: "/authors/jane", lastModified: at(30) }]);
    expect(await querySitemapPagesChunk(6, { chunkSize: 2, now: NOW })).toBeNull();
    // What the routes serve: the chunks that exist, and nothing (a 404) for any other number.
    expect((await listSitemapArticles(1))?.map((u) => u.path)).toEqual(["/articles/older", "/articles/third", "/articles/newer"]);
    expect((await listSitemapPagesChunk(1))?.map((u) => u.path)).toEqual((await listSitemapPages()).map((u) => u.path));
    for (const chunk of [0, -1, 2, 1.5]) {
      expect(await listSitemapArticles(chunk)).toBeNull();
      expect(await listSitemapPagesChunk(chunk)).toBeNull();
    }
  });

  it("the news sitemap holds stories published in the last 48 hours, newest first", async () => {
    expect(await getNewsSitemap({ now: NOW })).toEqual({
      publication: { name: "BreakingOn Daily", language: "en-GB" },
      entries: [
        { path: "/articles/newer", title: "Headline newer", publishedAt: at(1) },
        { path: "/articles/third", title: "Headline third", publishedAt: at(30) },
      ],
    });
  });

  it("a story published later than now is not in any sitemap yet", async () => {
    const later = new Date(NOW.getTime() + 2 * HOUR);
    expect((await getNewsSitemap({ now: later })).entries.map((e) => e.path)).toEqual([
      "/articles/future",
      "/articles/newer",
      "/articles/third",
    ]);
    expect((await querySitemapArticles(1, { now: NOW }))?.map((u) => u.path)).not.toContain("/articles/future");
    // Its tag and byline, used by no other live story, appear from its publication time on, dated by it.
    const pages = await listSitemapPages({ now: later });
    expect(pages.filter((p) => p.path === "/tags/secret-plan" || p.path === "/authors/ghost")).toEqual([
      { path: "/tags/secret-plan", lastModified: at(-1) },
      { path: "/authors/ghost", lastModified: at(-1) },
    ]);
    expect(await loadSitemapChunkCounts({ chunkSize: 2, now: later })).toEqual({ articles: 2, pages: 6 });
  });
});

/** The tags and authors listed at `now`, with their dates, worked out from the links themselves. */
async function hubsFromLinks(db: Db, now: Date) {
  const live = { where: { listedAt: { lte: now } }, select: { lastmod: true } };
  const newest = (links: { lastmod: Date | null }[]) => new Date(Math.max(...links.map((l) => l.lastmod!.getTime())));
  const tags = await db.tag.findMany({ select: { slug: true, articles: live }, orderBy: { slug: "asc" } });
  const bylines = await db.byline.findMany({ select: { slug: true, articles: live }, orderBy: { slug: "asc" } });
  return [
    ...tags.filter((t) => t.articles.length > 0).map((t) => ({ path: `/tags/${t.slug}`, lastModified: newest(t.articles) })),
    ...bylines.filter((b) => b.articles.length > 0).map((b) => ({ path: `/authors/${b.slug}`, lastModified: newest(b.articles) })),
  ];
}

const hubPages = async (now: Date) => (await listSitemapPages({ now })).filter((p) => p.path.startsWith("/tags/") || p.path.startsWith("/authors/"));

// The tags' and bylines' listing summaries (migration *_sitemap_hubs) follow every change to their stories and links.
describeEachEngine("sitemap hubs", (database) => {
  it("lists and dates a hub by the stories live at that moment, a story published for later from its time on", async () => {
    const { db } = database();
    const tag = await db.tag.create({ data: { slug: "mixed", name: "Mixed" } });
    const later = await db.tag.create({ data: { slug: "later", name: "Later" } });
    const byline = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
    const story = (slug: string, publishedAt: Date, tagIds: string[]) =>
      db.article.create({
        data: { slug, headline: slug, status: ArticleStatus.PUBLISHED, publishedAt, tags: { create: tagIds.map((tagId) => ({ tagId })) }, bylines: { create: [{ bylineId: byline.id }] } },
      });
    await story("live", at(3), [tag.id]);
    await story("soon", at(-1), [tag.id, later.id]);
    await story("much-later", at(-30), [tag.id]);
    expect(await hubPages(NOW)).toEqual([
      { path: "/tags/mixed", lastModified: at(3) },
      { path: "/authors/desk", lastModified: at(3) },
    ]);
    expect(await loadSitemapChunkCounts({ chunkSize: 1, now: NOW })).toEqual({ articles: 1, pages: 4 });
    const inTwoHours = new Date(NOW.getTime() + 2 * HOUR);
    expect(await hubPages(inTwoHours)).toEqual([
      { path: "/tags/later", lastModified: at(-1) },
      { path: "/tags/mixed", lastModified: at(-1) },
      { path: "/authors/desk", lastModified: at(-1) },
    ]);
    expect(await loadSitemapChunkCounts({ chunkSize: 1, now: inTwoHours })).toEqual({ articles: 2, pages: 5 });
    const inTwoDays = new Date(NOW.getTime() + 48 * HOUR);
    expect(await hubPages(inTwoDays)).toEqual(await hubsFromLinks(db, inTwoDays));
    expect((await hubPages(inTwoDays)).find((p) => p.path === "/tags/mixed")?.lastModified).toEqual(at(-30));
  });
});

describeEachEngine("sitemap hubs as stories change", (database) => {
  it("follows publishing, unpublishing, new dates, retagging and deletion", async () => {
    const { db } = database();
    const [a, b] = [await db.tag.create({ data: { slug: "a", name: "A" } }), await db.tag.create({ data: { slug: "b", name: "B" } })];
    const jane = await db.byline.create({ data: { slug: "jane", name: "Jane" } });
    const create = (slug: string, publishedAt: Date, tagIds: string[]) =>
      db.article.create({
        data: { slug, headline: slug, status: ArticleStatus.PUBLISHED, publishedAt, tags: { create: tagIds.map((tagId) => ({ tagId })) }, bylines: { create: [{ bylineId: jane.id }] } },
      });
    const first = await create("first", at(5), [a.id]);
    const second = await create("second", at(2), [a.id, b.id]);
    const check = async (expected: { path: string; lastModified: Date }[]) => {
      expect(await hubPages(NOW)).toEqual(expected);
      expect(expected).toEqual(await hubsFromLinks(db, NOW));
    };
    await check([
      { path: "/tags/a", lastModified: at(2) },
      { path: "/tags/b", lastModified: at(2) },
      { path: "/authors/jane", lastModified: at(2) },
    ]);
    await db.article.update({ where: { id: second.id }, data: { status: ArticleStatus.ARCHIVED } });
    await check([
      { path: "/tags/a", lastModified: at(5) },
      { path: "/authors/jane", lastModified: at(5) },
    ]);
    await db.article.update({ where: { id: first.id }, data: { substantiveUpdatedAt: at(1) } });
    await check([
      { path: "/tags/a", lastModified: at(1) },
      { path: "/authors/jane", lastModified: at(1) },
    ]);
    await db.article.update({ where: { id: first.id }, data: { substantiveUpdatedAt: null, publishedAt: at(8) } });
    await check([
      { path: "/tags/a", lastModified: at(8) },
      { path: "/authors/jane", lastModified: at(8) },
    ]);
    // Re-published, then moved from tag a to tag b the way the editor saves tags: remove all links, make the new ones.
    await db.article.update({ where: { id: second.id }, data: { status: ArticleStatus.PUBLISHED } });
    await db.$transaction(async (tx) => {
      await tx.articleTag.deleteMany({ where: { articleId: second.id } });
      await tx.articleTag.createMany({ data: [{ articleId: second.id, tagId: b.id }] });
    });
    await check([
      { path: "/tags/a", lastModified: at(8) },
      { path: "/tags/b", lastModified: at(2) },
      { path: "/authors/jane", lastModified: at(2) },
    ]);
    await db.article.delete({ where: { id: second.id } });
    await check([
      { path: "/tags/a", lastModified: at(8) },
      { path: "/authors/jane", lastModified: at(8) },
    ]);
    await db.article.update({ where: { id: first.id }, data: { status: ArticleStatus.DRAFT, publishedAt: null } });
    await check([]);
    expect(await loadSitemapChunkCounts({ chunkSize: 1, now: NOW })).toEqual({ articles: 0, pages: 2 });
  });
});

// Two stories sharing a tag, linked by two writers at once (PostgreSQL; SQLite has one writer at a time). A writer that
// holds its transaction open must not make the other wait for the tag (the scheduler's workers rely on not waiting
// for each other), and each writer's change must end up in the tag's summary, whichever commits last.
describeEachEngine(
  "sitemap hubs with concurrent writers",
  (database) => {
    it("neither waits for the other, and both stories are in the tag's summary", async () => {
      const { db } = database();
      const tag = await db.tag.create({ data: { slug: "shared", name: "Shared" } });
      const story = (slug: string, publishedAt: Date) => db.article.create({ data: { slug, headline: slug, status: ArticleStatus.PUBLISHED, publishedAt } });
      const newer = await story("newer", at(1));
      const older = await story("older", at(4));
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const done: string[] = [];
      // The first writer links the newer story and holds its transaction open while the second links the older one.
      let linked!: () => void;
      const firstLinked = new Promise<void>((resolve) => (linked = resolve));
      const first = db.$transaction(async (tx) => {
        await tx.articleTag.create({ data: { articleId: newer.id, tagId: tag.id } });
        linked();
        await sleep(1_000);
        done.push("first");
      });
      await firstLinked;
      await db.articleTag.create({ data: { articleId: older.id, tagId: tag.id } });
      done.push("second");
      await first;
      expect(done).toEqual(["second", "first"]);
      // Both writers queued the tag; the read works its summary out again and empties the queue.
      expect(await db.sitemapHubChange.count()).toBeGreaterThan(0);
      expect(await hubPages(NOW)).toEqual([{ path: "/tags/shared", lastModified: at(1) }]);
      expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { firstListedAt: true, lastListedAt: true, lastmod: true } })).toEqual({
        firstListedAt: at(4),
        lastListedAt: at(1),
        lastmod: at(1),
      });
      expect(await db.sitemapHubChange.count()).toBe(0);
    });

    it("reads a queued hub from its links while another reader holds its entry", async () => {
      const { db } = database();
      const tag = await db.tag.create({ data: { slug: "held", name: "Held" } });
      const create = (slug: string, publishedAt: Date) =>
        db.article.create({ data: { slug, headline: slug, status: ArticleStatus.PUBLISHED, publishedAt, tags: { create: [{ tagId: tag.id }] } } });
      await create("held-old", at(6));
      expect((await hubPages(NOW)).find((p) => p.path === "/tags/held")).toEqual({ path: "/tags/held", lastModified: at(6) });
      await create("held-new", at(2));
      const held = await db.$transaction(async (tx) => {
        // Another reader is working the queued entries out and has not finished: this read must skip them.
        await tx.$queryRawUnsafe(`SELECT "id" FROM "SitemapHubChange" FOR UPDATE`);
        const during = { pages: await hubPages(NOW), counts: await loadSitemapChunkCounts({ chunkSize: 1, now: NOW }) };
        expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { lastmod: true } })).toEqual({ lastmod: at(6) });
        return during;
      });
      expect(held.pages.find((p) => p.path === "/tags/held")).toEqual({ path: "/tags/held", lastModified: at(2) });
      // Unpublished while queued: the tag's summary still says listed, its links do not.
      await db.article.updateMany({ where: { slug: { startsWith: "held-" } }, data: { status: ArticleStatus.ARCHIVED } });
      const unpublished = await db.$transaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT "id" FROM "SitemapHubChange" FOR UPDATE`);
        return { pages: await hubPages(NOW), counts: await loadSitemapChunkCounts({ chunkSize: 1, now: NOW }) };
      });
      expect(unpublished.pages.find((p) => p.path === "/tags/held")).toBeUndefined();
      expect(unpublished.counts.pages).toBe(held.counts.pages - 1);
      expect(await hubPages(NOW)).toEqual(await hubsFromLinks(db, NOW));
      expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { firstListedAt: true } })).toEqual({ firstListedAt: null });
    });
  },
  ["postgresql"],
);

describeEachEngine("sitemap chunks of stories published at one instant", (database) => {
  it("splits them by id, each story in exactly one chunk, and keeps chunks put as later stories are added", async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const same = at(5);
    for (const slug of ["s-a", "s-b", "s-c", "s-d", "s-e", "s-f", "s-g"]) {
      await db.article.create({ data: { slug, headline: slug, sectionId: section.id, status: ArticleStatus.PUBLISHED, publishedAt: slug < "s-c" ? at(6) : same } });
    }
    const byId = await db.article.findMany({ where: { publishedAt: same }, orderBy: { id: "asc" }, select: { slug: true } });
    const chunks = async () => {
      const out: string[][] = [];
      for (let chunk = 1; ; chunk++) {
        const urls = await querySitemapArticles(chunk, { chunkSize: 2, now: NOW });
        if (!urls) return out;
        out.push(urls.map((u) => u.path.slice("/articles/".length)));
      }
    };
    const before = await chunks();
    expect(before.flat()).toEqual(["s-a", "s-b", ...byId.map((row) => row.slug)]);
    expect(before.map((chunk) => chunk.length)).toEqual([2, 2, 2, 1]);
    expect(await loadSitemapChunkCounts({ chunkSize: 2, now: NOW })).toEqual({ articles: 4, pages: 2 });
    await db.article.create({ data: { slug: "s-later", headline: "later", sectionId: section.id, status: ArticleStatus.PUBLISHED, publishedAt: at(1) } });
    const after = await chunks();
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]).toEqual([...before[3]!, "s-later"]);
  });
});

describeEachEngine("sitemap queries on an empty site", () => {
  it("has no article chunk, a pages chunk with home and about, and an empty news sitemap", async () => {
    expect(await getSitemapChunkCounts()).toEqual({ articles: 0, pages: 1 });
    expect(await listSitemapArticles(1)).toBeNull();
    expect(await listSitemapPages()).toEqual([
      { path: "/", lastModified: null },
      { path: "/about", lastModified: null },
    ]);
    expect(await getNewsSitemap()).toEqual({ publication: { name: "BreakingOn", language: "en" }, entries: [] });
  });
});
