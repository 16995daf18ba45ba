import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";
import { currentSlugOf } from "./moved-articles";

const HOUR = 3_600_000;

describeEachEngine("currentSlugOf", (database) => {
  beforeAll(async () => {
    const { db } = database();
    const now = Date.now();
    const story = (slug: string, status: ArticleStatus, publishedAt: Date | null) =>
      db.article.create({ data: { slug, headline: slug, status, publishedAt } });
    const moved = await story("moved-story", ArticleStatus.PUBLISHED, new Date(now - HOUR));
    const archived = await story("archived-story", ArticleStatus.ARCHIVED, new Date(now - HOUR));
    const future = await story("future-story", ArticleStatus.PUBLISHED, new Date(now + HOUR));
    await story("reused-slug", ArticleStatus.PUBLISHED, new Date(now - HOUR));
    await db.slugRedirect.createMany({
      data: [
        { fromSlug: "moved-story-draft", articleId: moved.id },
        { fromSlug: "archived-story-draft", articleId: archived.id },
        { fromSlug: "future-story-draft", articleId: future.id },
        // An old slug another published story has taken since: the current story wins.
        { fromSlug: "reused-slug", articleId: moved.id },
      ],
    });
  });

  it("names the current slug of a published story that moved", async () => {
    expect(await currentSlugOf("moved-story-draft")).toBe("moved-story");
  });

  it("is null for a current slug, an unknown one, and a story readers may not see", async () => {
    for (const slug of ["moved-story", "no-such-story", "reused-slug", "archived-story-draft", "future-story-draft"]) {
      expect(await currentSlugOf(slug), slug).toBeNull();
    }
  });
});
