// Prometheus metrics for the whole process, served at /api/metrics (app/api/metrics/route.ts).
//
// One registry per process, whoever asks: the request hook and the job runner (Next's instrumentation bundle), route
// handlers and pages (Next's server bundles), and the cache handlers (loaded by Node itself, outside any bundle) may
// each hold their own copy of this module, and Next could even bundle prom-client twice. So the registry and every
// metric object are made once and kept on globalThis; a later copy of this module finds and uses them. prom-client is
// in next.config.ts serverExternalPackages as well, so normally there is one copy of it anyway.
// Plain JavaScript: the cache handlers (lib/cache/*.mjs) import it with Node's own loader.
import client from "prom-client";

const KEY = Symbol.for("breakingon.metrics");

/** Request latency buckets, in seconds: cached pages answer in milliseconds, a cold render in a few hundred. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Publish → visible buckets, in seconds: expected well under a second, a retried invalidation takes longer. */
const VISIBLE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];

/**
 * Gauges read at scrape time (queue depth, pool use) ask a sampler that the server registers at start-up
 * (lib/observability/samplers.ts), since only the data layer may ask the database.
 * @typedef {{ jobQueue?: () => Promise<Record<string, number>>, databasePool?: () => Record<string, number> | null }} Samplers
 */

function createMetrics() {
  const registry = new client.Registry();
  /** @type {Samplers} */
  const samplers = {};
  client.collectDefaultMetrics({ register: registry, prefix: "breakingon_" });
  const metrics = {
    registry,
    samplers,
    httpRequests: new client.Counter({
      name: "breakingon_http_requests_total",
      help: "HTTP requests answered, by route kind, method and status code.",
      labelNames: ["kind", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "breakingon_http_request_duration_seconds",
      help: "Time from a request's arrival to its response's last byte, by route kind.",
      labelNames: ["kind"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    cacheLookups: new client.Counter({
      name: "breakingon_cache_lookups_total",
      help: "Cache look-ups by cache (page: pages and route handlers; data: \"use cache\" functions) and result (hit, miss, expired: found but out of date).",
      labelNames: ["cache", "result"],
      registers: [registry],
    }),
    jobsFinished: new client.Counter({
      name: "breakingon_jobs_finished_total",
      help: "Background job runs by job name and outcome (done, retry: failed and will run again, failed: given up).",
      labelNames: ["job", "outcome"],
      registers: [registry],
    }),
    jobQueue: new client.Gauge({
      name: "breakingon_jobs_queue_depth",
      help: "Jobs in the queue, across every instance: due (waiting to run), scheduled (later), running (leased), failed (given up, kept for the record).",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        this.reset();
        const counts = await samplers.jobQueue?.().catch(() => null);
        for (const [state, count] of Object.entries(counts ?? {})) this.set({ state }, count);
      },
    }),
    publishVisible: new client.Histogram({
      name: "breakingon_publish_visible_seconds",
      help: "From a story falling due (scheduled publish or update) to its pages being expired on every instance.",
      buckets: VISIBLE_BUCKETS,
      registers: [registry],
    }),
    loginFailures: new client.Counter({
      name: "breakingon_login_failures_total",
      help: "Sign-in attempts refused for a wrong password or second-factor code.",
      registers: [registry],
    }),
    loginThrottled: new client.Counter({
      name: "breakingon_login_throttled_total",
      help: "Sign-in attempts refused without checking the password, because the throttle asked them to wait.",
      registers: [registry],
    }),
    databasePool: new client.Gauge({
      name: "breakingon_db_pool_connections",
      help: "PostgreSQL connections in this process's pool: total (open), idle, waiting (queries queued for a connection). Absent on SQLite.",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        this.reset();
        const stats = samplers.databasePool?.();
        for (const [state, count] of Object.entries(stats ?? {})) this.set({ state }, count);
      },
    }),
  };
  return metrics;
}

/** @typedef {ReturnType<typeof createMetrics>} Metrics */

/**
 * The process's metrics, made on first use.
 * @returns {Metrics}
 */
export function metrics() {
  const global = /** @type {Record<symbol, Metrics | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (global[KEY] ??= createMetrics());
}

/** The text exposition and its content type, for /api/metrics. */
export async function exposition() {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

/**
 * Counts a cache look-up (lib/cache/handler.mjs, lib/cache/use-cache-handler.mjs). Never throws: metrics must not
 * break a page.
 * @param {"page" | "data"} cache
 * @param {"hit" | "miss" | "expired"} result
 */
export function countCacheLookup(cache, result) {
  try {
    metrics().cacheLookups.inc({ cache, result });
  } catch {
    // Nothing to do: a lost sample is better than a failed render.
  }
}
