// Where the page and data cache keep their entries and tag expiry times. The handler (handler.mjs) only talks to
// this small interface, so a shared store (e.g. Redis, for several servers) can replace the in-memory one.
// Plain JavaScript: Next.js imports the cache handler at run time with Node's own loader, outside its bundler.
import { LRUCache } from "lru-cache";

/**
 * @typedef {object} StoredEntry
 * @property {any} value Next's IncrementalCacheValue (a page, a route body or a data-cache result).
 * @property {number} lastModified When it was stored (ms since the epoch).
 * @property {string[]} tags The tags it carries; expiring any of them after lastModified makes it a miss.
 * @property {any} [cacheControl] The lifetime Next passed to set().
 */

/**
 * @typedef {object} CacheStore
 * @property {(key: string) => Promise<StoredEntry | undefined>} get
 * @property {(key: string, entry: StoredEntry) => Promise<void>} set
 * @property {(key: string) => Promise<void>} delete
 * @property {(tags: string[]) => Promise<number>} tagsExpiredAt The latest expiry time among the tags, 0 if none.
 * @property {(tags: string[], at: number) => Promise<void>} expireTags
 */

/** Rough byte size of an entry, for the LRU's bound (same idea as Next's own memory cache). */
export function entrySize(/** @type {string} */ key, /** @type {StoredEntry} */ entry) {
  const value = entry.value;
  let size = 64;
  if (value?.kind === "APP_PAGE") {
    size += (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.postponed?.length ?? 0);
    for (const [path, buffer] of value.segmentData ?? []) size += path.length + (buffer?.length ?? 0);
  } else if (value?.kind === "APP_ROUTE") {
    size += value.body?.length ?? 0;
  } else if (value?.kind === "FETCH") {
    size += typeof value.data?.body === "string" ? value.data.body.length : JSON.stringify(value.data ?? "").length;
  } else if (value) {
    size += JSON.stringify(value).length;
  }
  return key.length + size;
}

/**
 * A bounded in-process store: least recently used entries go first once maxBytes is reached. It lives in the
 * server's memory only, so a restart (clean or kill -9) starts empty and can never serve what was true before it.
 * @param {{ maxBytes: number }} options
 * @returns {CacheStore}
 */
export function createMemoryStore({ maxBytes }) {
  /** @type {LRUCache<string, StoredEntry>} */
  const entries = new LRUCache({ maxSize: maxBytes, maxEntrySize: maxBytes / 4, sizeCalculation: (entry, key) => entrySize(key, entry) });
  // One number per tag ever expired: bounded by the number of stories, sections, tags and bylines written.
  /** @type {Map<string, number>} */
  const expiredAt = new Map();
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry) {
      entries.set(key, entry);
    },
    async delete(key) {
      entries.delete(key);
    },
    async tagsExpiredAt(tags) {
      let latest = 0;
      for (const tag of tags) latest = Math.max(latest, expiredAt.get(tag) ?? 0);
      return latest;
    },
    async expireTags(tags, at) {
      for (const tag of tags) expiredAt.set(tag, Math.max(at, expiredAt.get(tag) ?? 0));
    },
  };
}
