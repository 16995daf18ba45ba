import { beforeEach, describe, expect, it } from "vitest";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { invalidateArticle, invalidateSettings, invalidateTaxonomy } from "./invalidate";

describe("cache invalidation", () => {
  beforeEach(() => {
    revalidatedTags.length = 0;
  });

  it("expires a story, its old slug and everything that lists stories, immediately", () => {
    const tags = invalidateArticle({
      slug: "new-slug",
      previousSlug: "old-slug",
      sectionSlugs: ["world", "world"],
      tagSlugs: ["mexico"],
      bylineSlugs: ["desk"],
    });
    expect(tags).toEqual(["articles", "article:new-slug", "article:old-slug", "section:world", "tag:mexico", "byline:desk"]);
    expect(revalidatedTags).toEqual(tags.map((tag) => ({ tag, profile: { expire: 0 } })));
  });

  it("expires settings and taxonomy", () => {
    expect(invalidateSettings()).toEqual(["settings", "articles"]);
    expect(invalidateTaxonomy("section", ["world"])).toEqual(["articles", "sections", "section:world"]);
    expect(invalidateTaxonomy("byline", ["desk"])).toEqual(["articles", "byline:desk"]);
  });
});
