import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { expireTags } from "./expire.mjs";
import CacheHandler from "./handler.mjs";
import { createRedisStore } from "./redis-store.mjs";
import { deleteKeys, redisAnswers, redisServerMissing, testRedis } from "./redis-test-server";
import { createMemoryStore, installCacheStore } from "./store.mjs";
import useCacheHandler from "./use-cache-handler.mjs";

const SHARED_REDIS = "redis://127.0.0.1:6379/5";
const sharedRedisMissing = (await redisAnswers(SHARED_REDIS)) ? undefined : "no Redis on 127.0.0.1:6379";
const prefix = `breakingon-test-expire-${randomUUID()}`;
const quiet = { info() {}, warn() {}, error() {} };
const closing: { close(): Promise<void> }[] = [];

afterEach(() => installCacheStore(undefined));
afterAll(async () => {
  await Promise.all(closing.map((store) => store.close()));
  if (!sharedRedisMissing) await deleteKeys(SHARED_REDIS, prefix);
});

const page = (tag: string) => ({ kind: "APP_PAGE", html: "<p/>", rscData: Buffer.from("r"), headers: { "x-next-cache-tags": tag }, status: 200 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("expireTags for background work", () => {
  it("expires pages and use-cache entries in this process's store, like revalidateTag", async () => {
    installCacheStore(createMemoryStore({ maxBytes: 1_000_000 }));
    const pages = new CacheHandler({});
    await pages.set("/a", page("story:a"), {});
    await pages.set("/b", page("story:b"), {});
    await useCacheHandler.set("k", Promise.resolve({ value: new Blob(["x"]).stream(), tags: ["story:a"], stale: 0, timestamp: performance.timeOrigin + performance.now(), expire: 60, revalidate: 60 }));
    await sleep(2);
    await expireTags(["story:a", "story:a"]);
    expect(await pages.get("/a", { kind: "APP_PAGE" })).toBeNull();
    expect(await useCacheHandler.get("k", [])).toBeUndefined();
    expect(await pages.get("/b", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("refuses anything but a list of tag names, changing nothing", async () => {
    const store = createMemoryStore({ maxBytes: 1_000_000 });
    installCacheStore(store);
    for (const bad of ["story:a", [""], [42], ["\u0000since"], null]) {
      await expect(expireTags(bad as never)).rejects.toThrow(TypeError);
    }
    expect(await store.tagsExpiredAt(["story:a", "\u0000since"])).toBe(0);
  });

  it.skipIf(sharedRedisMissing)("with Redis, reaches another instance's entries at once", async () => {
    const here = createRedisStore({ url: SHARED_REDIS, buildId: "b", prefix, log: quiet });
    const elsewhere = createRedisStore({ url: SHARED_REDIS, buildId: "b", prefix, log: quiet });
    closing.push(here, elsewhere);
    await Promise.all([here.ready(), elsewhere.ready()]);
    await elsewhere.set("/a", { value: page("story:a"), lastModified: Date.now(), tags: ["story:a"] });
    await sleep(2);
    installCacheStore(here);
    await expireTags(["story:a"]);
    const entry = await elsewhere.get("/a");
    expect(await elsewhere.tagsExpiredAt(entry!.tags)).toBeGreaterThanOrEqual(entry!.lastModified);
  });

  it.skipIf(redisServerMissing)("throws when Redis is down, and the expiry lands once it is back", async () => {
    const redis = testRedis(4290);
    await redis.start();
    try {
      const store = createRedisStore({ url: redis.url, buildId: "b", prefix: "x", log: quiet, retryMs: { min: 50, max: 100 } });
      closing.push(store);
      await store.ready();
      installCacheStore(store);
      await redis.kill();
      await expect(expireTags(["story:a"])).rejects.toThrow(/could not record/);
      await redis.start();
      for (let i = 0; i < 100 && store.pendingExpiries() > 0; i++) await sleep(50);
      expect(Number(redis.cli("ZSCORE", "x:tags", "story:a"))).toBeGreaterThan(0);
    } finally {
      await redis.dispose();
    }
  });
});
