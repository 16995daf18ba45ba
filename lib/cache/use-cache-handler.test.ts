import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { cacheHandlerOver } from "./handler.mjs";
import { createRedisStore } from "./redis-store.mjs";
import { deleteKeys, redisAnswers } from "./redis-test-server";
import { createMemoryStore, type CacheStore } from "./store.mjs";
import { createUseCacheHandler } from "./use-cache-handler.mjs";

const SHARED_REDIS = "redis://127.0.0.1:6379/5";
const sharedRedisMissing = (await redisAnswers(SHARED_REDIS)) ? undefined : "no Redis on 127.0.0.1:6379";
if (sharedRedisMissing) console.warn(`use-cache handler tests on Redis skipped: ${sharedRedisMissing}`);

const prefix = `breakingon-test-use-cache-${randomUUID()}`;
const quiet = { info() {}, warn() {}, error() {} };
const redisStores: ReturnType<typeof createRedisStore>[] = [];

/** A "process": its own Redis connection and state, on the shared Redis. */
async function openRedis() {
  const store = createRedisStore({ url: SHARED_REDIS, buildId: "build-1", prefix, log: quiet });
  redisStores.push(store);
  expect(await store.ready()).toBe(true);
  return store;
}

afterAll(async () => {
  await Promise.all(redisStores.map((store) => store.close()));
  if (!sharedRedisMissing) await deleteKeys(SHARED_REDIS, prefix);
});

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What Next hands set(): a pending entry whose value streams in chunks. */
function entry(chunks: string[], options: { tags?: string[]; timestamp?: number; expire?: number; revalidate?: number; fail?: boolean } = {}) {
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (options.fail) controller.error(new Error("render failed"));
      else controller.close();
    },
  });
  return {
    value,
    tags: options.tags ?? [],
    stale: 300,
    timestamp: options.timestamp ?? now(),
    expire: options.expire ?? 86_400,
    revalidate: options.revalidate ?? 3600,
  };
}

async function text(stream: ReadableStream<Uint8Array> | undefined) {
  return stream ? await new Response(stream).text() : undefined;
}

const engines: [string, () => Promise<CacheStore>, string | undefined][] = [
  ["memory", async () => createMemoryStore({ maxBytes: 10_000_000 }), undefined],
  ["Redis", openRedis, sharedRedisMissing],
];

describe.each(engines)("the use-cache handler over the %s store", (_name, open, missing) => {
  it.skipIf(missing)("stores the whole stream and gives a new stream of it on every get, with the entry's lifetimes and tags", async () => {
    const store = await open();
    const handler = createUseCacheHandler(() => store);
    const key = randomUUID();
    const stored = entry(["<p>", "story", "</p>"], { tags: ["story:1"] });
    await handler.set(key, Promise.resolve(stored));
    const first = await handler.get(key, []);
    expect(first).toMatchObject({ tags: ["story:1"], stale: 300, timestamp: stored.timestamp, expire: 86_400, revalidate: 3600 });
    expect(await text(first?.value)).toBe("<p>story</p>");
    expect(await text((await handler.get(key, []))?.value)).toBe("<p>story</p>");
    expect(await handler.get(randomUUID(), [])).toBeUndefined();
  });

  it.skipIf(missing)("makes an entry a miss once one of its tags or of the request's soft tags expires", async () => {
    const store = await open();
    const handler = createUseCacheHandler(() => store);
    const [tag, other, path] = [randomUUID(), randomUUID(), `_N_T_/${randomUUID()}`];
    const key = randomUUID();
    await handler.set(key, Promise.resolve(entry(["x"], { tags: [tag] })));
    await sleep(2);
    await handler.updateTags([other], { expire: 0 });
    expect(await handler.get(key, [path])).toBeDefined();
    // The soft tags are checked in get (getExpiration says so with Infinity).
    expect(await handler.getExpiration([path])).toBe(Infinity);
    await handler.updateTags([path]);
    expect(await handler.get(key, [path])).toBeUndefined();
    await sleep(2);
    await handler.set(key, Promise.resolve(entry(["x"], { tags: [tag] }))); // Next runs the function again
    expect(await handler.get(key, [path])).toBeDefined();
    // A profile with a later expire still expires at once: never a page known to be out of date.
    await handler.updateTags([tag], { expire: 3600 });
    expect(await handler.get(key, [])).toBeUndefined();
  });

  it.skipIf(missing)("counts an entry as made when its function began: a write meanwhile makes it a miss", async () => {
    const store = await open();
    const handler = createUseCacheHandler(() => store);
    const [tag, key] = [randomUUID(), randomUUID()];
    const began = now();
    await sleep(3);
    await handler.updateTags([tag]);
    await handler.set(key, Promise.resolve(entry(["old"], { tags: [tag], timestamp: began })));
    expect(await handler.get(key, [])).toBeUndefined();
  });

  it.skipIf(missing)("keeps nothing for a dynamic entry (expire 0), a broken stream, or past its expire time", async () => {
    const store = await open();
    const handler = createUseCacheHandler(() => store);
    const [dynamic, broken, old] = [randomUUID(), randomUUID(), randomUUID()];
    await handler.set(dynamic, Promise.resolve(entry(["x"], { expire: 0 })));
    await handler.set(broken, Promise.resolve(entry(["half"], { fail: true })));
    await handler.set(old, Promise.resolve(entry(["x"], { timestamp: now() - 10_000, expire: 5 })));
    for (const key of [dynamic, broken, old]) expect(await handler.get(key, [])).toBeUndefined();
  });

  it.skipIf(missing)("has a get wait for a set of the same key still in progress", async () => {
    const store = await open();
    const handler = createUseCacheHandler(() => store);
    const key = randomUUID();
    let resolve: (value: ReturnType<typeof entry>) => void = () => {};
    const setting = handler.set(key, new Promise((r) => (resolve = r)));
    const getting = handler.get(key, []);
    resolve(entry(["late"]));
    await setting;
    expect(await text((await getting)?.value)).toBe("late");
  });

  it.skipIf(missing)("shares one tag table with the page handler: an expiry from either side expires both kinds of entry", async () => {
    const store = await open();
    const useCache = createUseCacheHandler(() => store);
    const PageHandler = cacheHandlerOver(() => store);
    const pages = new PageHandler({});
    const [tagA, tagB] = [randomUUID(), randomUUID()];
    const page = (tag: string) => ({ kind: "APP_PAGE", html: "<p/>", rscData: Buffer.from("r"), headers: { "x-next-cache-tags": tag }, status: 200 });
    await pages.set(`/a/${tagA}`, page(tagA), {});
    await pages.set(`/b/${tagB}`, page(tagB), {});
    await useCache.set(tagA, Promise.resolve(entry(["a"], { tags: [tagA] })));
    await useCache.set(tagB, Promise.resolve(entry(["b"], { tags: [tagB] })));
    await sleep(2);
    await pages.revalidateTag([tagA]);
    expect(await useCache.get(tagA, [])).toBeUndefined();
    await useCache.updateTags([tagB]);
    expect(await pages.get(`/b/${tagB}`, { kind: "APP_PAGE" })).toBeNull();
    expect(await pages.get(`/a/${tagA}`, { kind: "APP_PAGE" })).toBeNull();
  });
});

describe.skipIf(sharedRedisMissing)("two instances on one Redis", () => {
  it("see each other's pages and use-cache entries, and each other's tag expiries at once", async () => {
    const [storeA, storeB] = [await openRedis(), await openRedis()];
    const [PagesA, PagesB] = [cacheHandlerOver(() => storeA), cacheHandlerOver(() => storeB)];
    const [useCacheA, useCacheB] = [createUseCacheHandler(() => storeA), createUseCacheHandler(() => storeB)];
    const [pagesA, pagesB] = [new PagesA({}), new PagesB({})];
    const tag = `story:${randomUUID()}`;
    const path = `/articles/${randomUUID()}`;

    expect(await pagesB.get(path, { kind: "APP_PAGE" })).toBeNull();
    await pagesA.set(path, { kind: "APP_PAGE", html: "<p>A</p>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tag }, status: 200 }, {
      cacheControl: { revalidate: false, expire: 3600 },
    });
    await useCacheA.set(tag, Promise.resolve(entry(["from A"], { tags: [tag] })));
    const seen = await pagesB.get(path, { kind: "APP_PAGE" });
    expect(seen?.value).toMatchObject({ html: "<p>A</p>", rscData: Buffer.from("rsc") });
    expect(await text((await useCacheB.get(tag, []))?.value)).toBe("from A");

    await sleep(2);
    await useCacheB.updateTags([tag]); // B's editor saves the story
    expect(await pagesA.get(path, { kind: "APP_PAGE" })).toBeNull();
    expect(await useCacheA.get(tag, [])).toBeUndefined();
  });
});
