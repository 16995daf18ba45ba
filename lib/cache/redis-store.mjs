// The cache store shared by every instance of one build (chosen by REDIS_URL, see store.mjs): entries under a key
// prefix naming the build, so a new release never serves an old one's pages, and one sorted set of tag expiry times
// shared by all builds and by both of Next's handlers, so revalidateTag/updateTag from either side expires both
// kinds of entry everywhere. Modelled on Next's examples/cache-handler-redis, with two rules of our own:
// - reads fail open: Redis down or slow is a miss within `timeoutMs`, logged once per outage;
// - expiries fail loudly: a failed write throws, is logged as an error and is retried until it lands, and while
//   this process holds one it serves no hits and stores nothing (its renders may predate the write).
// After a flush or a restart (even one that reloads an old snapshot) nothing older than the loss is served: the tag
// set carries a "known since" member; a read that finds it missing is a miss, and a Redis run never seen before
// moves it to now.
// Plain JavaScript: Next imports the cache handlers with Node's own loader, outside its bundler.
import { deserialize, serialize } from "node:v8";
import { createClient, RESP_TYPES } from "redis";

/** @typedef {import("./store.mjs").CacheStore} CacheStore */
/** @typedef {import("./store.mjs").StoredEntry} StoredEntry */

// Members of the tag set that are not tags (tags never start with NUL).
const SINCE = "\u0000since";
const RUN = "\u0000run:";

// Marks this Redis run as seen; the first process to see a new run makes everything stored before it a miss, since
// a restart may have reloaded entries whose expiries were never saved. Atomic, so no instance reads in between.
const NOTE_RUN = `
if redis.call('ZADD', KEYS[1], 'NX', '+inf', ARGV[1]) == 1 then
  redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[3])
  return 1
end
return 0`;

// Drops tag expiries older than any entry still stored (entries live at most the TTL cap), so the tag set does not
// grow forever. "Known since" moves up to the cut-off if it was older: nothing stored predates it anyway.
const PRUNE = `
if redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1]) > 0 then
  redis.call('ZADD', KEYS[1], 'GT', ARGV[1], ARGV[2])
end
return 1`;

/**
 * @param {{
 *   url: string,
 *   buildId: string,
 *   prefix?: string,
 *   timeoutMs?: number,
 *   expireTimeoutMs?: number,
 *   maxTtlSeconds?: number,
 *   pruneEveryMs?: number,
 *   renderMarginMs?: number,
 *   retryMs?: { min: number, max: number },
 *   log?: Pick<Console, "info" | "warn" | "error">,
 *   makeClient?: typeof createClient,
 * }} options
 * @returns {CacheStore & { close(): Promise<void>, ready(): Promise<boolean>, pendingExpiries(): number }}
 */
export function createRedisStore({
  url,
  buildId,
  prefix = "breakingon",
  timeoutMs = 200,
  expireTimeoutMs = 1000,
  maxTtlSeconds = 86_400,
  pruneEveryMs = 3_600_000,
  renderMarginMs = 3_600_000, // longer than any render: an entry is made at most this long before it is stored
  retryMs = { min: 100, max: 5000 },
  log = console,
  makeClient = createClient, // tests wrap the client to inject faults
}) {
  const tagsKey = `${prefix}:tags`;
  const entryKey = (/** @type {string} */ key) => `${prefix}:${buildId}:${key}`;
  const client = makeClient({
    url,
    // While disconnected a command fails at once instead of waiting in a queue for Redis to come back.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000) },
  });
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });

  let healthy = false;
  let outageLogged = false;
  let closed = false;
  /** @type {NodeJS.Timeout | undefined} */
  let probeTimer;
  /** @type {Promise<boolean> | undefined} */
  let probing;
  // Tag → the latest expiry time this process could not yet write.
  /** @type {Map<string, number>} */
  const pending = new Map();
  /** @type {NodeJS.Timeout | undefined} */
  let retryTimer;
  let retryDelay = retryMs.min;
  let retries = 0;

  /** Rejects after `ms`: a hung Redis must cost a request no more than that. */
  function within(/** @type {number} */ ms, /** @type {Promise<any>} */ work) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  function markDown(/** @type {unknown} */ error) {
    healthy = false;
    if (closed) return;
    if (!outageLogged) {
      outageLogged = true;
      log.warn(`cache: Redis unavailable (${error instanceof Error ? error.message : String(error)}); pages are rendered uncached until it is back`);
    }
    scheduleProbe();
  }

  function scheduleProbe() {
    if (probeTimer || closed) return;
    probeTimer = setTimeout(() => {
      probeTimer = undefined;
      void probe();
    }, 250);
    probeTimer.unref();
  }

  /** Checks Redis answers, notes a new run (restart/flush), then serves again and sends held expiries. */
  function probe() {
    // Cleared in a .finally attached after the assignment: the check can fail synchronously.
    probing ??= (async () => {
      try {
        if (!client.isReady) throw new Error("not connected");
        const info = await within(timeoutMs * 5, client.info("server"));
        const runId = /run_id:(\w+)/.exec(String(info))?.[1] ?? "unknown";
        await within(timeoutMs * 5, client.eval(NOTE_RUN, { keys: [tagsKey], arguments: [RUN + runId, String(Date.now()), SINCE] }));
        healthy = true;
        if (outageLogged) log.info("cache: Redis is back; serving from the shared cache again");
        outageLogged = false;
        if (pending.size > 0) void flushPending();
        return true;
      } catch (error) {
        markDown(error);
        return false;
      }
    })().finally(() => {
      probing = undefined;
    });
    return probing;
  }

  client.on("error", markDown);
  client.on("ready", () => void probe());
  client.connect().catch(markDown);

  /** Writes the held expiries (each tag only ever moves later). Throws if Redis refuses or does not answer. */
  async function writeExpiries() {
    const sent = [...pending];
    if (sent.length === 0) return;
    await within(expireTimeoutMs, client.zAdd(tagsKey, sent.map(([tag, at]) => ({ value: tag, score: at })), { comparison: "GT" }));
    for (const [tag, at] of sent) if (pending.get(tag) === at) pending.delete(tag);
    if (Date.now() - prunedAt >= pruneEveryMs) void pruneTags();
  }

  let prunedAt = 0;
  async function pruneTags() {
    prunedAt = Date.now();
    const cutoff = String(prunedAt - maxTtlSeconds * 1000 - renderMarginMs);
    try {
      await within(expireTimeoutMs, client.eval(PRUNE, { keys: [tagsKey], arguments: [cutoff, SINCE] }));
    } catch {
      // Housekeeping only: the next expiry tries again.
      prunedAt = 0;
    }
  }

  async function flushPending() {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    try {
      await writeExpiries();
      if (retries > 0) log.info(`cache: held tag expiries written to Redis after ${retries} retries`);
      retries = 0;
      retryDelay = retryMs.min;
    } catch {
      // Not an outage of reads by itself (they mark it); the held expiries already keep this process from serving.
      retries++;
      scheduleRetry();
    }
  }

  function scheduleRetry() {
    if (retryTimer || closed || pending.size === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flushPending();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, retryMs.max);
  }

  /** Hits only while Redis answers and every expiry this process made has landed. */
  const serving = () => healthy && pending.size === 0;

  return {
    async get(key) {
      if (!serving()) return undefined;
      let raw;
      try {
        raw = await within(timeoutMs, binary.get(entryKey(key)));
      } catch (error) {
        markDown(error);
        return undefined;
      }
      if (!raw) return undefined;
      try {
        return /** @type {StoredEntry} */ (deserialize(raw));
      } catch {
        // Unreadable (e.g. written by another Node version): a miss like any other.
        return undefined;
      }
    },

    async set(key, entry, options) {
      if (!serving()) return;
      const ttl = Math.max(1, Math.min(Math.ceil(options?.ttlSeconds ?? maxTtlSeconds), maxTtlSeconds));
      try {
        await within(
          timeoutMs * 5,
          client
            .multi()
            .set(entryKey(key), serialize(entry), { expiration: { type: "EX", value: ttl } })
            // After a flush the first write notes when the shared record starts again (see tagsExpiredAt).
            .zAdd(tagsKey, { value: SINCE, score: Date.now() }, { condition: "NX" })
            .exec(),
        );
      } catch (error) {
        markDown(error);
      }
    },

    async delete(key) {
      if (!healthy) return;
      try {
        await within(timeoutMs, client.del(entryKey(key)));
      } catch (error) {
        markDown(error);
      }
    },

    async tagsExpiredAt(tags) {
      // Anything unknown counts as "expired just now or later": a miss, never a stale hit.
      if (!serving()) return Infinity;
      try {
        const scores = await within(timeoutMs, client.zmScore(tagsKey, [SINCE, ...tags]));
        // The tag set is gone (flush, eviction, restart without a save): no entry can be shown to be fresh.
        if (scores[0] === null) return Infinity;
        return Math.max(0, ...scores.filter((score) => score !== null));
      } catch (error) {
        markDown(error);
        return Infinity;
      }
    },

    async expireTags(tags, at) {
      for (const tag of tags) pending.set(tag, Math.max(at, pending.get(tag) ?? 0));
      try {
        await writeExpiries();
      } catch (error) {
        retries++;
        scheduleRetry();
        const message = `cache: could not record the expiry of ${tags.join(", ")} in Redis; retrying in the background, and serving nothing from the cache until it lands`;
        log.error(message, error);
        throw new Error(message, { cause: error });
      }
    },

    /** Resolves once Redis has been checked (true) or found unreachable (false); for start-up and tests. */
    async ready() {
      if (healthy) return true;
      for (let i = 0; i < 40 && !healthy && !closed; i++) {
        if (client.isReady && (await probe())) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return healthy;
    },

    pendingExpiries: () => pending.size,

    async close() {
      closed = true;
      clearTimeout(probeTimer);
      clearTimeout(retryTimer);
      client.removeAllListeners("error");
      client.on("error", () => {});
      if (client.isOpen) client.destroy();
    },
  };
}
