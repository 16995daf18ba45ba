import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus, type Db } from "@/lib/db";
import { getArticleCard, getFeed, loadFeed } from "./feeds";

const HOUR = 3_600_000;

const HIDDEN = ["draft", "in-review", "scheduled", "archived", "future"] as const;

async function seed(db: Db) {
  const now = Date.now();
  await db.siteSettings.create({ data: { id: 1, name: "BreakingOn", description: "Independent news.", copyright: "© BreakingOn", feedFullContent: false } });
  const world = await db.section.create({ data: { slug: "world", name: "World", description: "International news." } });
  const politics = await db.section.create({ data: { slug: "politics", name: "Politics" } });
  const desk = await db.byline.create({ data: { slug: "desk", name: "Desk", bio: "The news desk." } });
  const jane = await db.byline.create({ data: { slug: "jane", name: "Jane Doe" } });
  const ghost = await db.byline.create({ data: { slug: "ghost", name: "Ghost Writer" } });
  const mexico = await db.tag.create({ data: { slug: "mexico", name: "Mexico" } });
  const media = await db.media.create({
    data: { storageKey: "k1", originalName: "a.jpg", mimeType: "image/jpeg", width: 1600, height: 900, bytes: 4321, alt: "Alt" },
  });
  const stories = [
    { slug: "older", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 72 * HOUR), substantiveUpdatedAt: new Date(now - 60 * HOUR), sectionId: world.id, bylineIds: [desk.id], heroMediaId: media.id },
    { slug: "third", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 30 * HOUR), sectionId: politics.id, bylineIds: [jane.id] },
    { slug: "newer", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - HOUR), sectionId: world.id, bylineIds: [desk.id, jane.id] },
    // None of these may reach a reader: each is in World, by the desk and the ghost writer.
    { slug: "draft", status: ArticleStatus.DRAFT, publishedAt: null },
    { slug: "in-review", status: ArticleStatus.IN_REVIEW, publishedAt: null },
    { slug: "scheduled", status: ArticleStatus.SCHEDULED, publishedAt: null, scheduledAt: new Date(now + HOUR) },
    { slug: "archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - 24 * HOUR) },
    { slug: "future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + HOUR) },
  ];
  for (const { bylineIds, ...story } of stories) {
    const hidden = (HIDDEN as readonly string[]).includes(story.slug);
    await db.article.create({
      data: {
        sectionId: world.id,
        ...story,
        headline: `Headline ${story.slug}`,
        standfirst: `Standfirst ${story.slug}`,
        body: `## Body of ${story.slug}\n\nText.`,
        bylines: { create: (bylineIds ?? [desk.id, ghost.id]).map((bylineId, position) => ({ bylineId, position })) },
        tags: { create: hidden || story.slug === "older" ? [{ tagId: mexico.id }] : [] },
      },
    });
  }
}

describeEachEngine("feed queries", (database) => {
  beforeAll(async () => seed(database().db));

  it("the site feed lists only published stories, newest first, with their dates", async () => {
    const feed = await getFeed({ kind: "site" });
    expect(feed?.channel).toBeNull();
    expect(feed?.entries.map((e) => e.slug)).toEqual(["newer", "third", "older"]);
    const older = feed!.entries[2];
    expect(older.updatedAt!.getTime()).toBeGreaterThan(older.publishedAt.getTime());
    expect(older).toMatchObject({
      headline: "Headline older",
      standfirst: "Standfirst older",
      // Summary-only (feedFullContent off): the body is not rendered at all.
      bodyHtml: "",
      section: { slug: "world", name: "World" },
      bylines: [{ slug: "desk", name: "Desk" }],
      tags: [{ slug: "mexico", name: "Mexico" }],
      hero: { src: "/media/k1", width: 1600, height: 900, alt: "Alt", mimeType: "image/jpeg", bytes: 4321 },
    });
    expect(feed!.entries[0].bylines.map((b) => b.slug)).toEqual(["desk", "jane"]);
  });

  it("section and author feeds hold only their own published stories", async () => {
    const world = await getFeed({ kind: "section", slug: "world" });
    expect(world?.channel).toEqual({ name: "World", description: "International news." });
    expect(world?.entries.map((e) => e.slug)).toEqual(["newer", "older"]);
    expect((await getFeed({ kind: "section", slug: "politics" }))?.entries.map((e) => e.slug)).toEqual(["third"]);
    const desk = await getFeed({ kind: "author", slug: "desk" });
    expect(desk?.channel).toEqual({ name: "Desk", description: "The news desk." });
    expect(desk?.entries.map((e) => e.slug)).toEqual(["newer", "older"]);
  });

  it("an author with only unpublished stories has no feed, as they have no page", async () => {
    expect(await getFeed({ kind: "author", slug: "ghost" })).toBeNull();
  });

  it("unknown sections and authors have no feed", async () => {
    expect(await getFeed({ kind: "section", slug: "no-such-section" })).toBeNull();
    expect(await getFeed({ kind: "author", slug: "no-such-author" })).toBeNull();
  });

  it("reads the site's settings, full-content switch included", async () => {
    expect((await getFeed({ kind: "site" }))?.site).toEqual({
      name: "BreakingOn",
      description: "Independent news.",
      language: "en",
      copyright: "© BreakingOn",
      fullContent: false,
      hubUrl: "",
    });
    await database().db.siteSettings.update({ where: { id: 1 }, data: { feedFullContent: true } });
    const full = await getFeed({ kind: "site" });
    expect(full?.site.fullContent).toBe(true);
    // Full content: each body rendered (sanitised HTML) once, into the cached feed.
    expect(full?.entries.find((e) => e.slug === "older")?.bodyHtml).toBe('<h2 id="body-of-older">Body of older</h2>\n<p>Text.</p>');
  });

  it("stops at the item limit", async () => {
    expect((await loadFeed({ kind: "site" }, { limit: 2 }))?.entries.map((e) => e.slug)).toEqual(["newer", "third"]);
  });

  it("share cards exist only for published stories", async () => {
    expect(await getArticleCard("newer")).toEqual({ slug: "newer", headline: "Headline newer", section: "World", siteName: "BreakingOn" });
    for (const slug of [...HIDDEN, "no-such-story"]) expect(await getArticleCard(slug), slug).toBeNull();
  });
});
