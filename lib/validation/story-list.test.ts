import { describe, expect, it } from "vitest";
import { DEFAULT_STORY_LIST, isFiltered, storyListHref, storyListParams } from "./story-list";

describe("storyListParams", () => {
  it("defaults every parameter", () => {
    expect(storyListParams.parse({})).toEqual({ status: "all", section: undefined, byline: undefined, mine: false, q: "", sort: "updated-desc", page: 1 });
    expect(DEFAULT_STORY_LIST.status).toBe("all");
  });

  it("reads well-formed values", () => {
    expect(
      storyListParams.parse({ status: "in-review", section: "world", byline: "breakingon-newsroom", mine: "1", q: "  border   patrols ", sort: "headline-asc", page: "3" }),
    ).toEqual({ status: "IN_REVIEW", section: "world", byline: "breakingon-newsroom", mine: true, q: "border patrols", sort: "headline-asc", page: 3 });
    expect(storyListParams.parse({ status: "DRAFT" }).status).toBe("DRAFT");
    expect(storyListParams.parse({ status: "all" }).status).toBe("all");
  });

  it.each([
    ["status", "deleted", "all"],
    ["status", "", "all"],
    ["section", "../etc", undefined],
    ["section", "", undefined],
    ["byline", "Robert'); DROP", undefined],
    ["mine", "yes", false],
    ["sort", "password-asc", "updated-desc"],
    ["page", "0", 1],
    ["page", "-1", 1],
    ["page", "abc", 1],
    ["page", "2.5", 1],
    ["page", "1e3", 1],
    ["page", "10001", 1],
    ["page", "99999999999", 1],
  ])("falls back to the default for %s=%j", (key, value, expected) => {
    expect(storyListParams.parse({ [key]: value })[key as keyof typeof DEFAULT_STORY_LIST]).toEqual(expected);
  });

  it("takes the first of a repeated parameter and caps the search text", () => {
    expect(storyListParams.parse({ status: ["published", "draft"], page: ["2", "9"] })).toMatchObject({ status: "PUBLISHED", page: 2 });
    expect(storyListParams.parse({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(storyListParams.parse({ q: "a\u0000b" }).q).toBe("a b");
    expect(storyListParams.parse({ page: "10000" }).page).toBe(10_000);
  });

  it("builds short canonical list URLs", () => {
    expect(storyListHref()).toBe("/admin/stories");
    expect(storyListHref({ status: "IN_REVIEW" })).toBe("/admin/stories?status=in-review");
    expect(storyListHref({ ...DEFAULT_STORY_LIST, mine: true, q: "a b", page: 2 })).toBe("/admin/stories?mine=1&q=a+b&page=2");
    expect(storyListParams.parse(Object.fromEntries(new URL(storyListHref({ status: "SCHEDULED", sort: "scheduled-asc" }), "http://x").searchParams))).toMatchObject({
      status: "SCHEDULED",
      sort: "scheduled-asc",
    });
  });

  it("says whether the list is narrowed", () => {
    expect(isFiltered(DEFAULT_STORY_LIST)).toBe(false);
    expect(isFiltered({ ...DEFAULT_STORY_LIST, sort: "headline-asc", page: 4 })).toBe(false);
    expect(isFiltered({ ...DEFAULT_STORY_LIST, q: "x" })).toBe(true);
  });
});
