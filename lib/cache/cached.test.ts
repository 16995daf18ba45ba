import { describe, expect, it, vi } from "vitest";

// A stand-in for unstable_cache that behaves like Next's: a returned value is stored under the key, a throw is not.
const store = new Map<string, unknown>();
vi.mock("next/cache", () => ({
  unstable_cache:
    <T>(fn: () => Promise<T>, keyParts: string[]) =>
    async () => {
      const key = JSON.stringify(keyParts);
      if (store.has(key)) return store.get(key) as T;
      const value = await fn();
      store.set(key, value);
      return value;
    },
}));

const { cachedQuery } = await import("./cached");

describe("cachedQuery", () => {
  it("caches a found result, Dates intact", async () => {
    const load = vi.fn(async (slug: string) => ({ slug, publishedAt: new Date("2026-01-02T03:04:05Z") }));
    const cached = cachedQuery("story", load, ([slug]) => [`article:${slug}`]);
    expect(await cached("a")).toEqual({ slug: "a", publishedAt: new Date("2026-01-02T03:04:05Z") });
    expect(await cached("a")).toEqual({ slug: "a", publishedAt: new Date("2026-01-02T03:04:05Z") });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("stores nothing for a missing result: unknown slugs do not fill the cache", async () => {
    store.clear();
    const load = vi.fn(async (_slug: string) => null);
    const cached = cachedQuery("missing", load, ([slug]) => [`article:${slug}`]);
    for (let i = 0; i < 5; i++) expect(await cached(`random-${i}`)).toBeNull();
    expect(await cached("random-0")).toBeNull();
    expect(store.size).toBe(0);
    expect(load).toHaveBeenCalledTimes(6);
  });

  it("passes a query's own error through", async () => {
    const cached = cachedQuery("broken", async () => Promise.reject(new Error("database down")), () => []);
    await expect(cached()).rejects.toThrow("database down");
  });
});
