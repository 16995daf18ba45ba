// The Redis store when Redis fails: killed, hung, flushed, restarted from an old snapshot. Each test runs its own
// redis-server (ports 4201+); the machine's shared Redis is never touched this way.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClient } from "redis";
import { createRedisStore } from "./redis-store.mjs";
import { redisServerMissing, testRedis, type TestRedis } from "./redis-test-server";

if (redisServerMissing) console.warn(`Redis fault tests skipped: ${redisServerMissing}`);

const page = (tags: string[], lastModified = Date.now()) => ({
  value: { kind: "APP_PAGE", html: "<p>story</p>", rscData: Buffer.from("rsc"), headers: {}, status: 200 },
  lastModified,
  tags,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error("condition not reached in time");
}

/** A hit means: the entry is there and none of its tags expired at or after it was made (as the handlers check). */
async function hit(store: ReturnType<typeof createRedisStore>, key: string) {
  const entry = await store.get(key);
  return entry !== undefined && (await store.tagsExpiredAt(entry.tags)) < entry.lastModified;
}

describe.skipIf(redisServerMissing)("the Redis store when Redis fails", () => {
  let redis: TestRedis;
  const stores: ReturnType<typeof createRedisStore>[] = [];
  let port = 4201;

  function open(options: Partial<Parameters<typeof createRedisStore>[0]> = {}) {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const store = createRedisStore({ url: redis.url, buildId: "b1", prefix: "t", log, retryMs: { min: 50, max: 200 }, ...options });
    stores.push(store);
    return { store, log };
  }

  beforeEach(async () => {
    redis = testRedis(port++);
    await redis.start();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await redis.dispose();
  });

  it("misses within the timeout while Redis is killed, logs the outage once, and serves again when it is back", async () => {
    const { store, log } = open();
    expect(await store.ready()).toBe(true);
    await store.set("/a", page(["story:a"]));
    expect(await hit(store, "/a")).toBe(true);

    await redis.kill();
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect(await store.get("/a")).toBeUndefined();
      expect(await store.tagsExpiredAt(["story:a"])).toBe(Infinity);
      await store.set("/b", page([]));
      expect(performance.now() - started).toBeLessThan(300);
    }
    expect(log.warn).toHaveBeenCalledTimes(1);

    await redis.start(); // empty: started without a snapshot
    await until(() => store.ready());
    expect(log.info).toHaveBeenCalledTimes(1);
    await store.set("/a", page(["story:a"]));
    expect(await hit(store, "/a")).toBe(true);
  });

  it("starts without Redis (every read a miss) and serves from it once it comes up", async () => {
    await redis.kill();
    const { store, log } = open();
    await sleep(1200); // several failed connection attempts
    expect(await store.get("/a")).toBeUndefined();
    await store.set("/a", page([]));
    expect(log.warn).toHaveBeenCalledTimes(1);
    await redis.start();
    await until(() => store.ready());
    await store.set("/a", page([]));
    expect(await hit(store, "/a")).toBe(true);
  });

  it("misses within the timeout while Redis hangs (stopped, connection open)", async () => {
    const { store, log } = open({ timeoutMs: 200 });
    await store.ready();
    await store.set("/a", page([]));
    redis.pause();
    try {
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        expect(await store.get("/a")).toBeUndefined();
        expect(performance.now() - started).toBeLessThan(350);
      }
      expect(log.warn).toHaveBeenCalledTimes(1);
    } finally {
      redis.resume();
    }
    await until(() => store.ready());
    expect(await hit(store, "/a")).toBe(true);
  });

  it("throws on an expiry Redis did not take, logs it as an error, and writes it once Redis is back", async () => {
    const { store, log } = open();
    await store.ready();
    await redis.kill();
    const at = Date.now();
    await expect(store.expireTags(["story:a"], at)).rejects.toThrow(/could not record the expiry of story:a/);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(store.pendingExpiries()).toBe(1);

    await sleep(400); // a few retries fail meanwhile, quietly
    await redis.start();
    await until(() => store.pendingExpiries() === 0);
    expect(Number(redis.cli("ZSCORE", "t:tags", "story:a"))).toBe(at);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it("serves no hit at all while this process holds an unsent expiry, though Redis answers reads", async () => {
    let failWrites = true;
    const { store: held } = open({
      makeClient: (options) => {
        const client = createClient(options);
        const zAdd = client.zAdd.bind(client);
        // Only the expiry write fails (as when Redis refuses writes, e.g. out of memory); reads keep working.
        Object.assign(client, { zAdd: (...args: Parameters<typeof zAdd>) => (failWrites ? Promise.reject(new Error("OOM command not allowed")) : zAdd(...args)) });
        return client;
      },
    });
    const { store: other } = open();
    await Promise.all([held.ready(), other.ready()]);
    await other.set("/unrelated", page(["story:b"]));
    expect(await hit(held, "/unrelated")).toBe(true);

    await expect(held.expireTags(["story:a"], Date.now())).rejects.toThrow();
    await sleep(200);
    // Redis is fine and the entry is not stale, but this process's renders may predate its own write: no hits, no stores.
    expect(await held.get("/unrelated")).toBeUndefined();
    expect(await held.tagsExpiredAt(["story:b"])).toBe(Infinity);
    await held.set("/from-held", page([]));
    expect(await other.get("/from-held")).toBeUndefined();
    expect(await hit(other, "/unrelated")).toBe(true);

    failWrites = false;
    await until(() => held.pendingExpiries() === 0);
    expect(await hit(held, "/unrelated")).toBe(true);
  });

  it("after FLUSHALL serves nothing from before it, even an entry a render that began before it stores after it", async () => {
    const { store } = open();
    await store.ready();
    const renderBegan = Date.now();
    await sleep(5);
    await store.expireTags(["story:a"], Date.now()); // the story changes while the render runs
    await store.set("/old", page(["story:b"]));
    redis.cli("FLUSHALL"); // the expiry of story:a is gone with it
    expect(await store.get("/old")).toBeUndefined();
    // The render that began before the change and the flush stores its (stale) page now.
    await store.set("/a", page(["story:a"], renderBegan));
    expect(await hit(store, "/a")).toBe(false);
    // A render that begins after the flush is served.
    await sleep(5);
    await store.set("/a", page(["story:a"]));
    expect(await hit(store, "/a")).toBe(true);
  });

  it("serves nothing while the tag set alone is gone (evicted or deleted), until a new write starts it again", async () => {
    const { store } = open();
    await store.ready();
    await store.set("/a", page(["story:a"]));
    expect(await hit(store, "/a")).toBe(true);
    redis.cli("DEL", "t:tags"); // an expiry of story:a may have gone with it
    expect(await hit(store, "/a")).toBe(false);
    // The next write starts the record again; it and everything rendered before it count as out of date.
    await store.set("/b", page(["story:b"]));
    expect(await hit(store, "/b")).toBe(false);
    await sleep(5);
    await store.set("/c", page(["story:b"]));
    expect(await hit(store, "/c")).toBe(true);
    expect(await hit(store, "/a")).toBe(false);
  });

  it("after a restart that reloads an old snapshot, serves none of the entries it brought back", async () => {
    const { store } = open();
    await store.ready();
    await sleep(5);
    await store.set("/a", page(["story:a"]));
    expect(await hit(store, "/a")).toBe(true);
    redis.cli("SAVE"); // the snapshot holds /a, fresh at the time
    await sleep(5);
    await store.expireTags(["story:a"], Date.now()); // never saved
    await redis.kill();
    await redis.start();
    expect(redis.cli("EXISTS", "t:b1:/a")).toBe("1"); // the stale page is back in Redis...
    expect(await redis.cli("ZSCORE", "t:tags", "story:a")).toBe(""); // ...without the expiry that made it stale
    await until(() => store.ready());
    expect(await hit(store, "/a")).toBe(false);
    // Another instance connecting later (same Redis run) agrees.
    const { store: later } = open();
    await later.ready();
    expect(await hit(later, "/a")).toBe(false);
    await store.set("/b", page([]));
    expect(await hit(later, "/b")).toBe(true);
  });
});
