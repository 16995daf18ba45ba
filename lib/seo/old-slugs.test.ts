import { describe, expect, it, vi } from "vitest";
import { articleSlugOf, OLD_SLUG_CACHE_CONTROL, oldSlugRedirect, rememberMisses } from "./old-slugs";

describe("articleSlugOf", () => {
  it("takes the slug of an article page and nothing else", () => {
    expect(articleSlugOf("/articles/some-story")).toBe("some-story");
    expect(articleSlugOf("/articles/some-story/opengraph-image-1a2b3c")).toBeNull();
    expect(articleSlugOf("/articles/")).toBeNull();
    expect(articleSlugOf("/articles")).toBeNull();
    expect(articleSlugOf("/sections/world")).toBeNull();
  });
});

describe("oldSlugRedirect", () => {
  it("is one 308 with one Location and a lifetime of seconds", () => {
    const response = oldSlugRedirect("new-slug", "https://news.example/articles/old-slug?utm_source=x");
    expect(response.status).toBe(308);
    expect([...response.headers].filter(([name]) => name === "location")).toEqual([["location", "https://news.example/articles/new-slug?utm_source=x"]]);
    expect(response.headers.get("cache-control")).toBe(OLD_SLUG_CACHE_CONTROL);
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(OLD_SLUG_CACHE_CONTROL)?.[1]);
    expect(sMaxAge).toBeGreaterThan(0);
    expect(sMaxAge).toBeLessThanOrEqual(300);
    expect(OLD_SLUG_CACHE_CONTROL).toMatch(/max-age=0\b/);
  });
});

describe("rememberMisses", () => {
  it("asks once for a slug that has not moved, until the answer is too old", async () => {
    const look = vi.fn(async () => null);
    const movedTo = rememberMisses(look, { ttlMs: 100, max: 10 });
    await Promise.all([movedTo("a"), movedTo("a"), movedTo("a")]);
    await movedTo("a");
    expect(look).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await movedTo("a");
    expect(look).toHaveBeenCalledTimes(2);
  });

  it("never remembers a redirect: the story may move again, or back", async () => {
    let answer: string | null = "b";
    const look = vi.fn(async () => answer);
    const movedTo = rememberMisses(look, { ttlMs: 5_000, max: 10 });
    expect(await movedTo("a")).toBe("b");
    answer = null;
    expect(await movedTo("a")).toBeNull();
    expect(look).toHaveBeenCalledTimes(2);
  });

  it("forgets a failed lookup at once", async () => {
    const look = vi.fn().mockRejectedValueOnce(new Error("database down")).mockResolvedValue(null);
    const movedTo = rememberMisses(look, { ttlMs: 5_000, max: 10 });
    await expect(movedTo("a")).rejects.toThrow("database down");
    expect(await movedTo("a")).toBeNull();
    expect(look).toHaveBeenCalledTimes(2);
  });
});
