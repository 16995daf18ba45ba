import { beforeEach, describe, expect, it, vi } from "vitest";
import CacheHandler, { cacheHandlerOver, cacheStore } from "./handler.mjs";
import { createMemoryStore, installCacheStore, type CacheStore } from "./store.mjs";

const page = (tags: string, status = 200) => ({ kind: "APP_PAGE", html: "<p>story</p>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tags }, status });
const data = (body: unknown) => ({ kind: "FETCH", data: { headers: {}, body: JSON.stringify(body), status: 200, url: "" }, revalidate: false, tags: ["articles"] });

describe("the page and data cache handler", () => {
  beforeEach(() => {
    vi.useRealTimers();
    installCacheStore(createMemoryStore({ maxBytes: 10_000_000 }));
  });

  it("serves a page until one of its tags is expired, then misses", async () => {
    const handler = new CacheHandler({});
    await handler.set("/articles/a", page("articles,article:a,_N_T_/articles/a"), { cacheControl: { revalidate: false } });
    expect((await handler.get("/articles/a", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "<p>story</p>" });
    await handler.revalidateTag(["article:b"], { expire: 0 });
    expect(await handler.get("/articles/a", { kind: "APP_PAGE" })).not.toBeNull();
    await handler.revalidateTag(["article:a"], { expire: 0 });
    expect(await handler.get("/articles/a", { kind: "APP_PAGE" })).toBeNull();
  });

  it("expires data-cache results by their tags and the request's implicit tags", async () => {
    const handler = new CacheHandler({});
    await handler.set("q1", data({ a: 1 }), { fetchCache: true, tags: ["articles"] });
    await handler.set("q2", data({ b: 2 }), { fetchCache: true, tags: ["settings"] });
    await handler.revalidateTag("_N_T_/articles/a");
    expect(await handler.get("q2", { kind: "FETCH", tags: ["settings"], softTags: ["_N_T_/articles/b"] })).not.toBeNull();
    expect(await handler.get("q2", { kind: "FETCH", tags: ["settings"], softTags: ["_N_T_/articles/a"] })).toBeNull();
    await handler.revalidateTag("articles", { expire: 300 });
    expect(await handler.get("q1", { kind: "FETCH", tags: ["articles"] })).toBeNull();
  });

  it("stores no 404 or other error page, and drops an earlier page for the same key", async () => {
    const handler = new CacheHandler({});
    await handler.set("/articles/gone", page("article:gone"), {});
    await handler.set("/articles/gone", page("article:gone", 404), {});
    await handler.set("/articles/random", page("article:random", 404), {});
    await handler.set("/pages/none", null, {});
    for (const key of ["/articles/gone", "/articles/random", "/pages/none"]) expect(await cacheStore().get(key)).toBeUndefined();
  });

  it("shares one store between the handlers Next creates per request", async () => {
    await new CacheHandler({}).set("/", page("articles"), {});
    expect(await new CacheHandler({}).get("/", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("asks the store to keep an entry no longer than the expire time Next gives it", async () => {
    const store = createMemoryStore({ maxBytes: 1_000_000 });
    const lifetimes: unknown[] = [];
    const Handler = cacheHandlerOver(() => ({ ...store, set: (key, entry, options) => (lifetimes.push(options), store.set(key, entry, options)) }) satisfies CacheStore);
    await new Handler({}).set("/a", page("a"), { cacheControl: { revalidate: false, expire: 600 } });
    await new Handler({}).set("/b", page("b"), { cacheControl: { revalidate: false } });
    expect(lifetimes).toEqual([{ ttlSeconds: 600 }, { ttlSeconds: undefined }]);
  });

  it("bounds the memory store, dropping the least recently used entries", async () => {
    const store = createMemoryStore({ maxBytes: 100_000 });
    for (let i = 0; i < 100; i++) {
      await store.set(`/articles/${i}`, { value: { kind: "APP_PAGE", html: "x".repeat(5_000), headers: {} }, lastModified: Date.now(), tags: [] });
    }
    expect(await store.get("/articles/0")).toBeUndefined();
    expect(await store.get("/articles/99")).toBeDefined();
  });
});

describe("a write that lands while a page renders", () => {
  it("makes the page stored after it a miss: the render may have read the old story", async () => {
    const handler = new CacheHandler({});
    expect(await handler.get("/articles/racing", { kind: "APP_PAGE" })).toBeNull(); // the render begins
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.revalidateTag(["article:racing"], { expire: 0 }); // the story is unpublished meanwhile
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.set("/articles/racing", page("articles,article:racing"), {}); // the old render is stored
    expect(await handler.get("/articles/racing", { kind: "APP_PAGE" })).toBeNull();
    // The next render starts after the write, so what it stores is served.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.set("/articles/racing", page("articles,article:racing"), {});
    expect(await handler.get("/articles/racing", { kind: "APP_PAGE" })).not.toBeNull();
  });
});
