import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";
import { getPublishedArticle, listPublishedArticles } from "./articles";

const HOUR = 3_600_000;

describeEachEngine("reader article queries", (database) => {
  beforeAll(async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const byline = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
    const now = Date.now();
    const stories = [
      { slug: "older", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - 48 * HOUR) },
      { slug: "newer", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now - HOUR) },
      { slug: "draft", status: ArticleStatus.DRAFT, publishedAt: null },
      { slug: "in-review", status: ArticleStatus.IN_REVIEW, publishedAt: null },
      { slug: "scheduled", status: ArticleStatus.SCHEDULED, publishedAt: null, scheduledAt: new Date(now + HOUR) },
      { slug: "archived", status: ArticleStatus.ARCHIVED, publishedAt: new Date(now - 72 * HOUR) },
      // Marked published but dated in the future: not out yet.
      { slug: "future", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now + HOUR) },
    ];
    for (const story of stories) {
      await db.article.create({
        data: {
          ...story,
          headline: `Headline ${story.slug}`,
          body: "## Sub\n\nText.",
          sectionId: section.id,
          bylines: { create: [{ bylineId: byline.id, position: 0 }] },
        },
      });
    }
  });

  it("lists only stories readers may see, newest first", async () => {
    const list = await listPublishedArticles();
    expect(list.map((a) => a.slug)).toEqual(["newer", "older"]);
    expect(list[0]).toMatchObject({ section: { slug: "world", name: "World" }, bylines: [{ slug: "desk", name: "Desk" }] });
    expect(Object.keys(list[0]).sort()).toEqual(
      ["breaking", "bylines", "headline", "hero", "id", "publishedAt", "section", "slug", "standfirst", "updatedAt"].sort(),
    );
  });

  it("pages through the list", async () => {
    expect((await listPublishedArticles({ take: 1 })).map((a) => a.slug)).toEqual(["newer"]);
    expect((await listPublishedArticles({ take: 1, skip: 1 })).map((a) => a.slug)).toEqual(["older"]);
  });

  it("returns a published story by slug and nothing for the rest", async () => {
    expect((await getPublishedArticle("older"))?.body).toBe("## Sub\n\nText.");
    for (const hidden of ["draft", "in-review", "scheduled", "archived", "future", "no-such-story"]) {
      expect(await getPublishedArticle(hidden)).toBeNull();
    }
  });
});
