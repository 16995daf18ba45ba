import { beforeEach, describe, expect, it } from "vitest";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { invalidateArticle, invalidateSettings, invalidateTaxonomy } from "./invalidate";
import { tagsForArticle } from "./tags";

describe("cache invalidation", () => {
  beforeEach(() => {
    revalidatedTags.length = 0;
  });

  it("a change of words expires only what shows the story: its page, its old slug and the sitemaps", async () => {
    const tags = await invalidateArticle({ id: "s1", slug: "new-slug", previousSlug: "old-slug", sectionSlugs: ["world"], listed: false });
    expect(tags).toEqual(["story:s1", "article:new-slug", "article:old-slug", "sitemaps"]);
    // Outside a server action updateTag refuses, so the route-handler path (revalidateTag, expire now) is used.
    expect(revalidatedTags).toEqual(tags.map((tag) => ({ tag, profile: { expire: 0 } })));
  });

  it("a change of lists also expires the front, the breaking banner and every section, tag and byline it left or joined", async () => {
    const tags = await invalidateArticle({ id: "s1", slug: "a", sectionSlugs: ["world", "world"], tagSlugs: ["mexico"], bylineSlugs: ["desk"], breaking: true });
    expect(tags).toEqual(["story:s1", "article:a", "sitemaps", "front", "breaking", "section:world", "tag:mexico", "byline:desk"]);
    // The banner on every page lists only breaking stories: an ordinary story's publish leaves every other page be.
    expect(tagsForArticle({ id: "s1", slug: "a", sectionSlugs: ["world"], breaking: false })).not.toContain("breaking");
  });

  it("without an id nothing says which lists show the story, so they count as touched even for a change of words", () => {
    expect(tagsForArticle({ slug: "a", listed: false })).toContain("front");
  });

  it("expires settings (every page) and taxonomy", async () => {
    expect(await invalidateSettings()).toEqual(["settings"]);
    expect(await invalidateTaxonomy("section", ["world"])).toEqual(["settings", "sitemaps", "sections", "section:world"]);
    expect(await invalidateTaxonomy("byline", ["desk"])).toEqual(["settings", "sitemaps", "byline:desk"]);
  });
});
