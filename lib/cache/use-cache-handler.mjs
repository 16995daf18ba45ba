// Next's cacheHandlers interface ("use cache" functions; next.config.ts names it for `default` and `remote`) over the
// same per-process store as the page cache (store.mjs): in memory, or Redis shared by every instance. One tag table
// serves both handlers, so revalidateTag/updateTag from either side, or expireTags from background work, expires
// both kinds of entry. Like handler.mjs, an entry carrying an expired tag (its own or the request's soft tags) is a
// miss at once, never served stale; past its revalidate time it is still served while Next refreshes it, and past
// its expire time it is gone.
// Plain JavaScript: Next imports it at run time with Node's own loader, outside its bundler.
import { cacheStore } from "./store.mjs";
import { countCacheLookup } from "../observability/metrics.mjs";

/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler} NextCacheHandler */
/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheEntry} NextCacheEntry */

const KEY_PREFIX = "use-cache:";

/** Reads a stream to the end; rejects if it errors (a partial entry is never kept). */
async function readAll(/** @type {ReadableStream<Uint8Array>} */ stream) {
  /** @type {Buffer[]} */
  const chunks = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

/** A fresh stream over stored bytes: every get must return a new one. */
function streamOf(/** @type {Buffer} */ bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

// Next stamps an entry with performance.timeOrigin + performance.now(), which drifts from Date.now() (the clock tag
// expiries are written in) over a long uptime; compare in one clock.
const wallClock = (/** @type {number} */ performanceTime) => performanceTime - (performance.timeOrigin + performance.now() - Date.now());

/**
 * The handler over a given store; Next's (the default export) uses the process's store.
 * @param {() => import("./store.mjs").CacheStore} storeOf
 * @returns {NextCacheHandler}
 */
export function createUseCacheHandler(storeOf) {
  // Sets still reading their stream, so a get of the same key waits for them (the interface asks for it). Only this
  // handler's own promises are kept, never Next's pending entry, and each is gone once its set ends.
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map();

  return {
    async get(cacheKey, softTags) {
      await pendingSets.get(cacheKey);
      const store = storeOf();
      const stored = await store.get(KEY_PREFIX + cacheKey);
      const entry = stored?.value;
      if (!stored || entry?.kind !== "USE_CACHE") {
        countCacheLookup("data", "miss");
        return undefined;
      }
      if (Date.now() > stored.lastModified + entry.expire * 1000) {
        countCacheLookup("data", "expired");
        return undefined;
      }
      if ((await store.tagsExpiredAt([...new Set([...stored.tags, ...softTags])])) >= stored.lastModified) {
        await store.delete(KEY_PREFIX + cacheKey);
        countCacheLookup("data", "expired");
        return undefined;
      }
      countCacheLookup("data", "hit");
      return {
        value: streamOf(entry.bytes),
        tags: stored.tags,
        stale: entry.stale,
        timestamp: entry.timestamp,
        expire: entry.expire,
        revalidate: entry.revalidate,
      };
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      const pending = new Promise((resolve) => (done = () => resolve(undefined)));
      pendingSets.set(cacheKey, pending);
      try {
        const entry = await pendingEntry;
        // expire 0 is a dynamic entry: Next regenerates it on every read, so storing it would be wasted.
        if (entry.expire === 0) {
          await entry.value.cancel();
          return;
        }
        const bytes = await readAll(entry.value);
        await storeOf().set(
          KEY_PREFIX + cacheKey,
          {
            value: { kind: "USE_CACHE", bytes, timestamp: entry.timestamp, stale: entry.stale, expire: entry.expire, revalidate: entry.revalidate },
            // Next's timestamp is when the function began, so a write landing while it ran makes the entry a miss.
            lastModified: wallClock(entry.timestamp),
            tags: entry.tags,
          },
          { ttlSeconds: entry.expire },
        );
      } catch {
        // The function failed or its stream broke: keep nothing, the next call runs it again.
      } finally {
        done();
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey);
      }
    },

    // Every read asks the store, which is the tag table itself: nothing to refresh per request.
    async refreshTags() {},

    // Infinity tells Next to pass the request's soft tags to get(), which checks them with the entry's own tags in
    // one look-up (and in the same clock as the entry).
    async getExpiration(_tags) {
      return Infinity;
    },

    // As in handler.mjs: the tags expire now whatever the profile's durations; throws if the expiry is not recorded.
    async updateTags(tags, _durations) {
      if (tags.length > 0) await storeOf().expireTags(tags, Date.now());
    },
  };
}

export default createUseCacheHandler(() => cacheStore());
