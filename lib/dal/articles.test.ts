import { beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";
import {
  findRedirect,
  getAuthorPage,
  getHomePage,
  getPublishedArticle,
  getSectionPage,
  getTagPage,
  listBreakingNews,
  takeUnshown,
  listPublishedArticles,
  listSections,
  PAGE_SIZE,
} from "./articles";

const HOUR = 3_600_000;
const HIDDEN = ["draft", "in-review", "scheduled", "archived", "future"];

describeEachEngine("reader queries", (database) => {
  beforeAll(async () => {
    const { db } = database();
    const world = await db.section.create({ data: { slug: "world", name: "World", sortOrder: 0 } });
    const politics = await db.section.create({ data: { slug: "politics", name: "Politics", sortOrder: 1 } });
    await db.section.create({ data: { slug: "empty", name: "Empty", sortOrder: 2 } });
    const desk = await db.byline.create({ data: { slug: "desk", name: "Desk", bio: "The news desk." } });
    const guest = await db.byline.create({ data: { slug: "guest", name: "Guest" } });
    const mexico = await db.tag.create({ data: { slug: "mexico", name: "Mexico" } });
    const now = Date.now();
    const stories = [
      { slug: "older", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 48 * HOUR), sectionId: world.id, tag: true },
      { slug: "newer", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - HOUR), sectionId: politics.id, tag: true, breaking: true },
      { slug: "pinned", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 72 * HOUR), sectionId: world.id, featured: true },
      { slug: "expired-breaking", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 96 * HOUR), sectionId: world.id, breaking: true, breakingUntil: new Date(now - HOUR) },
      { slug: "draft", status: ArticleStatus.DRAFT, publishedAt: null, sectionId: world.id, tag: true, featured: true, breaking: true },
      { slug: "in-review", status: ArticleStatus.IN_REVIEW, publishedAt: null, sectionId: world.id, tag: true },
      { slug: "scheduled", status: ArticleStatus.SCHEDULED, publishedAt: null, scheduledAt: new Date(now + HOUR), sectionId: world.id, tag: true },
      { slug: "archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - 24 * HOUR), sectionId: world.id, tag: true, breaking: true },
      // Marked published but dated in the future: not out yet.
      { slug: "future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + HOUR), sectionId: world.id, tag: true, featured: true },
    ];
    for (const { tag, ...story } of stories) {
      await db.article.create({
        data: {
          ...story,
          headline: `Headline ${story.slug}`,
          body: "## One\n\nText.\n\n## Two\n\nMore.\n\n## Three\n\nEnd.",
          bylines: { create: [{ bylineId: desk.id, position: 0 }, ...(story.slug === "older" ? [{ bylineId: guest.id, position: 1 }] : [])] },
          tags: tag ? { create: [{ tagId: mexico.id }] } : undefined,
        },
      });
    }
    const older = await db.article.findUniqueOrThrow({ where: { slug: "older" } });
    await db.slugRedirect.create({ data: { fromSlug: "older-first-slug", articleId: older.id } });
    const draft = await db.article.findUniqueOrThrow({ where: { slug: "draft" } });
    await db.slugRedirect.create({ data: { fromSlug: "draft-old-slug", articleId: draft.id } });
    await db.correction.create({ data: { articleId: older.id, body: "An earlier version misspelt a name.", publishedAt: new Date(now - 24 * HOUR) } });
  });

  it("lists only stories readers may see, newest first", async () => {
    const list = await listPublishedArticles();
    expect(list.map((a) => a.slug)).toEqual(["newer", "older", "pinned", "expired-breaking"]);
    expect(list[1]).toMatchObject({ section: { slug: "world", name: "World" }, bylines: [{ slug: "desk" }, { slug: "guest" }] });
    expect((await listPublishedArticles({ take: 1, skip: 1 })).map((a) => a.slug)).toEqual(["older"]);
  });

  it("returns the article page with rendered body, headings, corrections and related stories", async () => {
    const data = await getPublishedArticle("older");
    expect(data?.article.body).toContain("## One");
    expect(data?.bodyHtml).toContain('<h2 id="one">One</h2>');
    expect(data?.headings.map((h) => h.id)).toEqual(["one", "two", "three"]);
    expect(data?.article.corrections).toEqual([{ kind: "CORRECTION", body: "An earlier version misspelt a name.", publishedAt: expect.any(Date) }]);
    expect(data?.article.tags).toEqual([{ slug: "mexico", name: "Mexico" }]);
    // Related: same section (pinned, expired-breaking) or a shared tag (newer); never itself, never hidden ones.
    expect(data?.related.map((a) => a.slug).sort()).toEqual(["expired-breaking", "newer", "pinned"]);
  });

  it("never returns a hidden story, by slug or in related stories", async () => {
    for (const slug of [...HIDDEN, "no-such-story"]) expect(await getPublishedArticle(slug)).toBeNull();
    for (const slug of ["older", "newer", "pinned"]) {
      const related = (await getPublishedArticle(slug))?.related.map((a) => a.slug) ?? [];
      expect(related.filter((s) => HIDDEN.includes(s))).toEqual([]);
    }
  });

  it("redirects an old slug only to a story readers may see", async () => {
    expect(await findRedirect("older-first-slug")).toBe("older");
    expect(await findRedirect("draft-old-slug")).toBeNull();
    expect(await findRedirect("never-existed")).toBeNull();
  });

  it("builds the home page: the pinned lead, then the rest, each story once", async () => {
    const home = await getHomePage();
    expect(home.lead?.slug).toBe("pinned");
    expect(home.secondary.map((a) => a.slug)).toEqual(["newer", "older", "expired-breaking"]);
    expect(home.latest).toEqual([]);
    // Every story is already above, so no section has a block.
    expect(home.sections).toEqual([]);
  });

  it("shows breaking news only while flagged, published and unexpired", async () => {
    expect((await listBreakingNews()).map((a) => a.slug)).toEqual(["newer"]);
    const older = (await listPublishedArticles()).find((a) => a.slug === "expired-breaking");
    expect(older?.breaking).toBe(false);
  });

  it("pages sections, tags and authors, and knows unknown ones", async () => {
    const world = await getSectionPage("world", 1);
    expect(world?.section).toEqual({ slug: "world", name: "World", description: "" });
    expect(world?.articles).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect((await getSectionPage("empty", 1))?.articles).toMatchObject({ items: [], total: 0, pageCount: 1 });
    expect((await getTagPage("mexico", 1))?.articles.items.map((a) => a.slug)).toEqual(["newer", "older"]);
    const author = await getAuthorPage("desk", 1);
    expect(author?.author).toEqual({ slug: "desk", name: "Desk", bio: "The news desk." });
    expect(author?.articles.total).toBe(4);
    expect((await getAuthorPage("guest", 1))?.articles.items.map((a) => a.slug)).toEqual(["older"]);
    expect(await getSectionPage("nope", 1)).toBeNull();
    expect(await getTagPage("nope", 1)).toBeNull();
    expect(await getAuthorPage("nope", 1)).toBeNull();
    expect((await listSections()).map((s) => s.slug)).toEqual(["world", "politics", "empty"]);
  });

  it("has no page for a tag or author that only unpublished stories carry, but keeps empty sections", async () => {
    const { db } = database();
    const hidden = await db.tag.create({ data: { slug: "draft-only-topic", name: "Draft-only topic" } });
    const ghost = await db.byline.create({ data: { slug: "ghost-writer", name: "Ghost Writer" } });
    const unused = await db.tag.create({ data: { slug: "unused-topic", name: "Unused" } });
    await db.byline.create({ data: { slug: "no-stories-yet", name: "New Hire" } });
    for (const { id: articleId } of await db.article.findMany({ where: { slug: { in: HIDDEN } }, select: { id: true } })) {
      await db.articleTag.create({ data: { tagId: hidden.id, articleId } });
      await db.articleByline.create({ data: { bylineId: ghost.id, articleId, position: 1 } });
    }
    expect(await getTagPage("draft-only-topic", 1)).toBeNull();
    expect(await getTagPage("unused-topic", 1)).toBeNull();
    expect(await getAuthorPage("ghost-writer", 1)).toBeNull();
    expect(await getAuthorPage("no-stories-yet", 1)).toBeNull();
    expect((await getSectionPage("empty", 1))?.section.slug).toBe("empty");

    // The first published story brings the page.
    const newer = await db.article.findUniqueOrThrow({ where: { slug: "newer" } });
    await db.articleTag.create({ data: { tagId: unused.id, articleId: newer.id } });
    expect((await getTagPage("unused-topic", 1))?.articles.items.map((a) => a.slug)).toEqual(["newer"]);
  });

  it("splits long lists into pages of PAGE_SIZE", async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "busy", name: "Busy" } });
    for (let i = 0; i < PAGE_SIZE + 2; i++) {
      await db.article.create({
        data: { slug: `busy-${i}`, headline: `Busy ${i}`, status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - (i + 1) * 60_000), sectionId: section.id },
      });
    }
    const first = await getSectionPage("busy", 1);
    const second = await getSectionPage("busy", 2);
    expect(first?.articles).toMatchObject({ page: 1, pageCount: 2, total: PAGE_SIZE + 2 });
    expect(first?.articles.items).toHaveLength(PAGE_SIZE);
    expect(second?.articles.items.map((a) => a.slug)).toEqual([`busy-${PAGE_SIZE}`, `busy-${PAGE_SIZE + 1}`]);
  });
  it("fills the section blocks with stories not already on the front (after the busy section's 12 stories)", async () => {
    const home = await getHomePage();
    const slugs = (list: { slug: string }[]) => list.map((a) => a.slug);
    expect(home.lead?.slug).toBe("pinned");
    expect(slugs(home.secondary)).toEqual(["busy-0", "busy-1", "busy-2", "busy-3"]);
    expect(slugs(home.latest)).toEqual(["busy-4", "busy-5", "busy-6", "busy-7", "busy-8", "busy-9", "busy-10", "busy-11"]);
    // Busy's stories are all above, so it has no block; World's newest (pinned) is the lead, so its block starts after.
    expect(home.sections.map((block) => [block.section.slug, slugs(block.articles)])).toEqual([
      ["world", ["older", "expired-breaking"]],
      ["politics", ["newer"]],
    ]);
    const all = [home.lead!, ...home.secondary, ...home.latest, ...home.sections.flatMap((block) => block.articles)];
    expect(new Set(slugs(all)).size).toBe(all.length);
  });
});

describe("takeUnshown", () => {
  const items = ["a", "b", "c", "d", "e"].map((id) => ({ id }));

  it("takes the first items not yet shown and marks them shown", () => {
    const shown = new Set<string>();
    expect(takeUnshown(items, shown, 2)).toEqual([{ id: "a" }, { id: "b" }]);
    expect(takeUnshown(items, shown, 2)).toEqual([{ id: "c" }, { id: "d" }]);
    expect([...shown]).toEqual(["a", "b", "c", "d"]);
  });

  it("skips what an earlier slot took, repeats within one list, and empty entries", () => {
    const shown = new Set(["b"]);
    expect(takeUnshown([items[1], null, items[0], items[0], undefined, items[2]], shown, 5)).toEqual([{ id: "a" }, { id: "c" }]);
    // A pinned lead that is also the newest story is taken once.
    const front = new Set<string>();
    expect(takeUnshown([items[2], ...items], front, 1)).toEqual([{ id: "c" }]);
    expect(takeUnshown(items, front, 3)).toEqual([{ id: "a" }, { id: "b" }, { id: "d" }]);
  });

  it("takes nothing when everything is shown or nothing is asked", () => {
    expect(takeUnshown(items, new Set(items.map((item) => item.id)), 3)).toEqual([]);
    expect(takeUnshown(items, new Set(), 0)).toEqual([]);
  });
});
