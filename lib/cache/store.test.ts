import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisStore } from "./redis-store.mjs";
import { cacheStore, createMemoryStore, installCacheStore, type CacheStore } from "./store.mjs";
import { deleteKeys, redisAnswers } from "./redis-test-server";

// The shared Redis, database 5, under a prefix of this run's own: never flushed, only our keys removed.
const SHARED_REDIS = "redis://127.0.0.1:6379/5";
const sharedRedisMissing = (await redisAnswers(SHARED_REDIS)) ? undefined : "no Redis on 127.0.0.1:6379";
if (sharedRedisMissing) console.warn(`store contract tests on Redis skipped: ${sharedRedisMissing}`);

const prefix = `breakingon-test-store-${randomUUID()}`;
const quiet = { info() {}, warn() {}, error() {} };
const redisStores: ReturnType<typeof createRedisStore>[] = [];

async function openRedis(buildId = "build-1") {
  const store = createRedisStore({ url: SHARED_REDIS, buildId, prefix, log: quiet });
  redisStores.push(store);
  expect(await store.ready()).toBe(true);
  return store;
}

afterAll(async () => {
  await Promise.all(redisStores.map((store) => store.close()));
  if (!sharedRedisMissing) await deleteKeys(SHARED_REDIS, prefix);
});

const page = (tags: string[], lastModified = Date.now()) => ({
  value: {
    kind: "APP_PAGE",
    html: "<p>story</p>",
    rscData: Buffer.from([0, 1, 2, 255]),
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
    headers: { "x-next-cache-tags": tags.join(",") },
    postponed: undefined,
    status: 200,
  },
  lastModified,
  tags,
  cacheControl: { revalidate: false, expire: 31536000 },
});

const engines: [string, () => Promise<CacheStore>, string | undefined][] = [
  ["memory", async () => createMemoryStore({ maxBytes: 10_000_000 }), undefined],
  ["Redis", () => openRedis(), sharedRedisMissing],
];

describe.each(engines)("the %s cache store", (_name, open, missing) => {
  it.skipIf(missing)("gives back what was stored, Buffers and Maps included, until it is deleted", async () => {
    const store = await open();
    const key = `/articles/${randomUUID()}`;
    const entry = page(["article:a"]);
    await store.set(key, entry);
    const read = await store.get(key);
    expect(read).toEqual(entry);
    expect(Buffer.isBuffer(read?.value.rscData)).toBe(true);
    expect(read?.value.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(read?.value.segmentData.get("/_tree"))).toBe(true);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.get(`/never/${randomUUID()}`)).toBeUndefined();
  });

  it.skipIf(missing)("reports the latest expiry among an entry's tags, and an expiry never moves earlier", async () => {
    const store = await open();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const before = Date.now() + 1;
    // An entry made now carries tags nobody expired: fresh.
    expect(await store.tagsExpiredAt([a, b])).toBeLessThan(before);
    await store.expireTags([a], before + 1000);
    await store.expireTags([b], before + 2000);
    expect(await store.tagsExpiredAt([a, b, c])).toBe(before + 2000);
    expect(await store.tagsExpiredAt([a])).toBe(before + 1000);
    // An older time (another instance's clock, a late retry) does not bring the expiry back.
    await store.expireTags([b], before + 500);
    expect(await store.tagsExpiredAt([b])).toBe(before + 2000);
    expect(await store.tagsExpiredAt([c])).toBeLessThan(before);
  });

  it.skipIf(missing)("drops an entry when its time to live runs out", async () => {
    const store = await open();
    const key = `/articles/${randomUUID()}`;
    await store.set(key, page([]), { ttlSeconds: 1 });
    expect(await store.get(key)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await store.get(key)).toBeUndefined();
  });
});

describe.skipIf(sharedRedisMissing)("the Redis store across builds", () => {
  it("keeps each build's entries apart but shares tag expiries between them", async () => {
    const [oldBuild, newBuild] = [await openRedis("build-old"), await openRedis("build-new")];
    const tag = randomUUID();
    await oldBuild.set("/", page([tag]));
    expect(await oldBuild.get("/")).toBeDefined();
    expect(await newBuild.get("/")).toBeUndefined();
    const at = Date.now() + 5;
    await newBuild.expireTags([tag], at);
    expect(await oldBuild.tagsExpiredAt([tag])).toBe(at);
  });

  it("forgets tag expiries older than any entry it can still hold, and still serves nothing from before them", async () => {
    const store = createRedisStore({ url: SHARED_REDIS, buildId: "build-prune", prefix: `${prefix}-prune`, maxTtlSeconds: 1, renderMarginMs: 1000, pruneEveryMs: 0, log: quiet });
    redisStores.push(store);
    await store.ready();
    const [old, recent] = [randomUUID(), randomUUID()];
    await store.expireTags([old], Date.now() - 10_000);
    await store.expireTags([recent], Date.now());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { createClient } = await import("redis");
    const client = createClient({ url: SHARED_REDIS });
    await client.connect();
    try {
      expect(await client.zScore(`${prefix}-prune:tags`, old)).toBeNull();
      expect(await client.zScore(`${prefix}-prune:tags`, recent)).not.toBeNull();
    } finally {
      await client.close();
    }
    // An entry made before the forgotten expiry (it could only be there if the cap were broken) is still a miss.
    expect(await store.tagsExpiredAt([old])).toBeGreaterThanOrEqual(Date.now() - 2000 - 1000);
    await deleteKeys(SHARED_REDIS, `${prefix}-prune`);
  });

  it("keeps entries for at most its cap, whatever lifetime Next asks for", async () => {
    const store = createRedisStore({ url: SHARED_REDIS, buildId: "build-cap", prefix, maxTtlSeconds: 1, log: quiet });
    redisStores.push(store);
    await store.ready();
    await store.set("/capped", page([]), { ttlSeconds: 31536000 });
    expect(await store.get("/capped")).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await store.get("/capped")).toBeUndefined();
  });
});

describe("the process's store", () => {
  async function choose(env: Record<string, string | undefined>, serverDistDir?: string) {
    const saved = { REDIS_URL: process.env.REDIS_URL, NEXT_PHASE: process.env.NEXT_PHASE };
    Object.assign(process.env, env);
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
    installCacheStore(undefined);
    try {
      return cacheStore({ serverDistDir });
    } finally {
      installCacheStore(undefined);
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  it("is in memory without REDIS_URL, and during the build even with it", async () => {
    expect(await choose({ REDIS_URL: undefined, NEXT_PHASE: undefined })).not.toHaveProperty("pendingExpiries");
    expect(await choose({ REDIS_URL: SHARED_REDIS, NEXT_PHASE: "phase-production-build" })).not.toHaveProperty("pendingExpiries");
  });

  it.skipIf(sharedRedisMissing)("is Redis with REDIS_URL, keyed by the build id Next wrote", async () => {
    const distDir = mkdtempSync(path.join(os.tmpdir(), "breakingon-dist-"));
    mkdirSync(path.join(distDir, "server"));
    const buildId = `build-${randomUUID()}`;
    writeFileSync(path.join(distDir, "BUILD_ID"), `${buildId}\n`);
    const { createClient } = await import("redis");
    const client = createClient({ url: SHARED_REDIS });
    await client.connect();
    // The app's own prefix: its tag set is removed afterwards only if this test made it.
    const hadTags = (await client.exists("breakingon:tags")) === 1;
    const store = (await choose({ REDIS_URL: SHARED_REDIS, NEXT_PHASE: undefined }, path.join(distDir, "server"))) as ReturnType<typeof createRedisStore>;
    redisStores.push(store);
    try {
      expect(await store.ready()).toBe(true);
      await store.set("/chosen", page([]));
      const peek = createRedisStore({ url: SHARED_REDIS, buildId, prefix: "breakingon", log: quiet });
      redisStores.push(peek);
      await peek.ready();
      expect(await peek.get("/chosen")).toBeDefined();
      await peek.delete("/chosen");
    } finally {
      rmSync(distDir, { recursive: true, force: true });
      if (!hadTags) await client.del("breakingon:tags");
      await client.close();
    }
  });
});
