// Where the page and data caches keep their entries and tag expiry times. Both of Next's handlers (handler.mjs for
// pages, route handlers and unstable_cache; use-cache-handler.mjs for "use cache") and expire.mjs (background work)
// talk to this small interface over one store per process: in memory by default, in Redis when REDIS_URL is set, so
// several instances share entries and every tag expiry (redis-store.mjs).
// Plain JavaScript: Next.js imports the cache handlers at run time with Node's own loader, outside its bundler.
import { readFileSync } from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { createRedisStore } from "./redis-store.mjs";

/**
 * @typedef {object} StoredEntry
 * @property {any} value Next's IncrementalCacheValue (a page, a route body or a data-cache result).
 * @property {number} lastModified When it was stored (ms since the epoch).
 * @property {string[]} tags The tags it carries; expiring any of them after lastModified makes it a miss.
 * @property {any} [cacheControl] The lifetime Next passed to set().
 */

/**
 * Reads never throw (a store that cannot answer misses); expireTags throws when the expiry could not be recorded.
 * @typedef {object} CacheStore
 * @property {(key: string) => Promise<StoredEntry | undefined>} get
 * @property {(key: string, entry: StoredEntry, options?: { ttlSeconds?: number }) => Promise<void>} set
 *   ttlSeconds bounds how long the store keeps the entry (its own cap applies too).
 * @property {(key: string) => Promise<void>} delete
 * @property {(tags: string[]) => Promise<number>} tagsExpiredAt An entry carrying these tags and made at or before
 *   the returned time is out of date: the latest expiry among them (0 if none), or later when the store cannot tell.
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
    async set(key, entry, options) {
      const ttl = options?.ttlSeconds;
      entries.set(key, entry, ttl !== undefined && Number.isFinite(ttl) ? { ttl: Math.max(1, ttl) * 1000 } : {});
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

// Room for a few thousand rendered story pages in memory; the least recently used go first.
const MAX_BYTES = 128 * 1024 * 1024;
const STORE = Symbol.for("breakingon.cache-store");
const scope = /** @type {Record<symbol, CacheStore | undefined>} */ (/** @type {unknown} */ (globalThis));

/**
 * The one store of this process. Next builds a page-cache handler per request and may load these modules more than
 * once (its own loader, and the bundle for expire.mjs), so the store lives on globalThis.
 * @param {{ serverDistDir?: string }} [context] Next's handler context, to find the build id.
 * @returns {CacheStore}
 */
export function cacheStore(context) {
  return (scope[STORE] ??= openStore(context?.serverDistDir));
}

/** Replaces the process's store (tests); undefined makes the next cacheStore() choose again. */
export function installCacheStore(/** @type {CacheStore | undefined} */ store) {
  scope[STORE] = store;
}

function openStore(/** @type {string | undefined} */ serverDistDir) {
  const url = process.env.REDIS_URL;
  // The build prerenders without services (and must not fill a shared cache with build-time renders).
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return createMemoryStore({ maxBytes: MAX_BYTES });
  return createRedisStore({ url, buildId: readBuildId(serverDistDir) });
}

/** The build's id, so entries of one release are never served by another (tags are shared across releases). */
function readBuildId(/** @type {string | undefined} */ serverDistDir) {
  // Run-time paths: the ignore comments keep Next's bundler from tracing the whole project into the build.
  const distDir = serverDistDir ? path.dirname(serverDistDir) : path.resolve(/* turbopackIgnore: true */ process.env.NEXT_DIST_DIR || ".next");
  try {
    return readFileSync(/* turbopackIgnore: true */ path.join(distDir, "BUILD_ID"), "utf8").trim();
  } catch {
    return "development"; // next dev writes no BUILD_ID
  }
}
