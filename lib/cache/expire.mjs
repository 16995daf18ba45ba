// Tag expiry for work outside a request (the scheduler, jobs, command-line tools): the same write revalidateTag and
// updateTag make through the cache handlers, straight into the process's store (store.mjs), so with REDIS_URL every
// instance sees it at once. Plain JavaScript: the cache handlers share this module's store (see store.mjs).
import { cacheStore } from "./store.mjs";

/**
 * Expires the tags now: everything carrying one of them, on every instance, becomes a miss.
 * Throws if the expiry could not be recorded (it is then retried in the background, and this process serves nothing
 * from the cache until it lands).
 * @param {string[]} tags
 * @returns {Promise<void>}
 */
export async function expireTags(tags) {
  if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== "string" || tag.length === 0 || tag.startsWith("\u0000"))) {
    throw new TypeError(`expireTags takes a list of non-empty tag names, got ${JSON.stringify(tags)}`);
  }
  const unique = [...new Set(tags)];
  if (unique.length > 0) await cacheStore().expireTags(unique, Date.now());
}
