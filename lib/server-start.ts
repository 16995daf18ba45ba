// Server start-up on the Node.js runtime: configuration is validated here, so a bad setting stops the server with
// one clear line instead of failing on the first request; then the publishing scheduler starts.
import type { Env } from "./env-schema";
import { stampPeerAddresses } from "./auth/peer-address";
import { installRequestLog } from "./observability/request-log";

// Before any request is read: the visitor's address comes from the socket, not from what the client claims.
stampPeerAddresses();
// One JSON log line and one metrics sample per request, with a request id (lib/observability/request-log.ts says why here).
installRequestLog();

let env: Env;
try {
  ({ env } = await import("./env"));
} catch (error) {
  console.error(`BreakingOn cannot start: ${(error as Error).message}`);
  process.exit(1);
}

// Every instance runs the scheduler: each due item is claimed by exactly one of them (lib/dal/scheduling.ts), and
// what it changed is expired in the cache handlers' shared store, so every instance sees it at once.
if (env.SCHEDULER_POLL_MS > 0 && process.env.NEXT_PHASE !== "phase-production-build") {
  const [{ startScheduler }, { publishDueArticles, nextScheduledEvent, storiesComingOut }, { expireTags }, { tagsForArticle }, { startJobRunner }, { logger }] = await Promise.all([
    import("./publishing/scheduler"),
    import("./dal/scheduling"),
    import("./cache/expire.mjs"),
    import("./cache/tags"),
    import("./jobs"),
    import("./observability/logger"),
  ]);
  const scheduler = startScheduler(
    {
      publishDue: publishDueArticles,
      nextEvent: nextScheduledEvent,
      comingOut: storiesComingOut,
      invalidate: (changes) => expireTags([...new Set(changes.flatMap(tagsForArticle))]),
      log: (line) => logger().info({ component: "scheduler" }, line),
    },
    env.SCHEDULER_POLL_MS,
  );
  (globalThis as { breakingOnScheduler?: unknown }).breakingOnScheduler = scheduler;
  // Durable jobs (trash purge, sitemap hubs, webhook deliveries, WebSub pings, backups), claimed once across instances.
  const jobs = startJobRunner({ pollMs: env.SCHEDULER_POLL_MS, log: (line) => logger().info({ component: "jobs" }, line) });
  void import("./jobs/trash-purge").then(({ startTrashPurge }) => startTrashPurge()).catch((error) => console.error("trash purge could not be scheduled", error));
  // Webhook deliveries and WebSub pings queued before a restart are claimed only once their handlers are registered.
  void import("./distribution/jobs").catch((error) => console.error("distribution jobs could not be registered", error));
  void import("./jobs/sitemap-hubs").then(({ startSitemapHubs }) => startSitemapHubs()).catch((error) => console.error("sitemap hubs job could not be scheduled", error));
  void import("./jobs/backups").then(({ startScheduledBackups }) => startScheduledBackups(env)).catch((error) => console.error("scheduled backups could not be scheduled", error));
  process.once("SIGTERM", () => void jobs.stop());
}

// Gauges read at scrape time (/api/metrics) ask the data layer, which only server code may import.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  const [{ metrics }, { jobQueueDepth, connectionPoolUse }] = await Promise.all([import("./observability/metrics.mjs"), import("./dal/health")]);
  Object.assign(metrics().samplers, { jobQueue: () => jobQueueDepth(), databasePool: connectionPoolUse });
}

export {};
