// Next.js's incremental cache (rendered pages and the unstable_cache data cache), configured in next.config.ts.
// Next's default handler writes every rendered page under the build directory and keeps tag expiry times only in
// memory, so after a restart it served pages of stories that had since been unpublished or corrected, and every
// random URL added files to disk. This handler keeps entries in the process's store (store.mjs: bounded memory by
// default, Redis shared by every instance when REDIS_URL is set), checks the tags of every entry against their
// expiry times itself, and never stores error pages.
// Plain JavaScript: Next imports it at run time with Node's own loader (see store.mjs).
import { LRUCache } from "lru-cache";
import { cacheStore } from "./store.mjs";
import { countCacheLookup } from "../observability/metrics.mjs";

export { cacheStore };

const TAGS_HEADER = "x-next-cache-tags";

// When this process last found no entry for a key, i.e. when the render or query that will fill it began. A write
// that lands while it runs may not be in what it stores, so the entry counts as made then, not when it is stored,
// and that write's expiry makes it a miss. Per process: the render happens here, whatever the store.
const renderStarts = new LRUCache({ max: 10_000, ttl: 60_000 });

function noteMiss(/** @type {string} */ key) {
  if (!renderStarts.has(key)) renderStarts.set(key, Date.now());
}

/** The tags an entry carries: a page's from its tags header, a data-cache result's from the request context. */
function tagsOf(/** @type {any} */ value, /** @type {any} */ ctx) {
  if (!value) return [];
  if (value.kind === "FETCH") return [...(value.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** A 404 (an unknown slug), any other error page, or Next's "no page here" null: never worth keeping. */
function isErrorResult(/** @type {any} */ value) {
  if (!value) return true;
  return typeof value.status === "number" && value.status >= 400;
}

/** How long the store may keep an entry: its expire time if Next gave one (the store caps it). */
function ttlOf(/** @type {any} */ ctx) {
  const expire = ctx?.cacheControl?.expire;
  return typeof expire === "number" && Number.isFinite(expire) && expire > 0 ? expire : undefined;
}

/**
 * The handler class over a given store; Next's (the default export) uses the process's store.
 * @param {(context: any) => import("./store.mjs").CacheStore} storeFor
 */
export function cacheHandlerOver(storeFor) {
  return class CacheHandler {
    /** @param {any} context Next's CacheHandlerContext: only serverDistDir (to find the build id) is used. */
    constructor(context) {
      this.store = storeFor(context);
    }

    /**
     * @param {string} key
     * @param {any} ctx
     */
    async get(key, ctx) {
      const entry = await this.store.get(key);
      if (!entry) {
        noteMiss(key);
        countCacheLookup("page", "miss");
        return null;
      }
      const tags = [...new Set([...entry.tags, ...tagsOf(entry.value, ctx)])];
      // An entry stored in the same millisecond as an expiry counts as expired: never serve what might be stale.
      // Asked even without tags: a shared store also answers "later than this entry" when it lost its records.
      if ((await this.store.tagsExpiredAt(tags)) >= entry.lastModified) {
        await this.store.delete(key);
        noteMiss(key);
        countCacheLookup("page", "expired");
        return null;
      }
      countCacheLookup("page", "hit");
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }

    /**
     * @param {string} key
     * @param {any} data
     * @param {any} ctx
     */
    async set(key, data, ctx) {
      const startedAt = renderStarts.get(key) ?? Date.now();
      renderStarts.delete(key);
      if (isErrorResult(data)) {
        await this.store.delete(key);
        return;
      }
      await this.store.set(
        key,
        {
          value: data,
          lastModified: startedAt,
          tags: tagsOf(data, ctx),
          cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
        },
        { ttlSeconds: ttlOf(ctx) },
      );
    }

    /**
     * revalidateTag(tag, profile) reaches here as (tags, { expire }) in seconds, or without durations for "now".
     * Everything carrying one of the tags becomes a miss at once, even with a later expire: this site never serves a
     * page it knows to be out of date (a background refresh could show the old story once more).
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [_durations]
     */
    async revalidateTag(tags, _durations) {
      const list = typeof tags === "string" ? [tags] : tags;
      if (list.length > 0) await this.store.expireTags(list, Date.now());
    }

    resetRequestCache() {}
  };
}

export default cacheHandlerOver((context) => cacheStore(context));
