import { beforeEach, describe, expect, it, vi } from "vitest";
import CacheHandler from "@/lib/cache/handler.mjs";
import { createUseCacheHandler } from "@/lib/cache/use-cache-handler.mjs";
import { createMemoryStore, installCacheStore } from "@/lib/cache/store.mjs";
import { exposition, metrics } from "./metrics.mjs";

/** The value of one sample in the text exposition, or undefined when it is absent. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const { body } = await exposition();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of body.split("\n")) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(" ");
    const [seriesName, labelText = ""] = series.split("{");
    if (seriesName !== name) continue;
    if (wanted.every((label) => labelText.includes(label))) return Number(value);
  }
  return undefined;
}

describe("metrics", () => {
  beforeEach(() => metrics().registry.resetMetrics());

  it("is one registry per process, whichever copy of the module asks (Next's bundles each load their own)", async () => {
    const first = metrics();
    vi.resetModules();
    const again = await import("./metrics.mjs");
    expect(again.metrics()).toBe(first);
    expect(again.metrics().registry).toBe(first.registry);
  });

  it("exposes request counts and latency by route kind in Prometheus text format", async () => {
    metrics().httpRequests.inc({ kind: "article", method: "GET", status: "200" });
    metrics().httpRequests.inc({ kind: "article", method: "GET", status: "200" });
    metrics().httpDuration.observe({ kind: "article" }, 0.042);
    const { body, contentType } = await exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain("# TYPE breakingon_http_requests_total counter");
    expect(await sample("breakingon_http_requests_total", { kind: "article", status: "200" })).toBe(2);
    expect(await sample("breakingon_http_request_duration_seconds_count", { kind: "article" })).toBe(1);
    expect(await sample("breakingon_http_request_duration_seconds_bucket", { kind: "article", le: "0.05" })).toBe(1);
    expect(await sample("breakingon_http_request_duration_seconds_bucket", { kind: "article", le: "0.025" })).toBe(0);
    // The process's own: memory, CPU, event loop lag.
    expect(body).toContain("breakingon_process_resident_memory_bytes");
  });

  it("reads the job queue and the connection pool from the samplers at scrape time", async () => {
    const { samplers } = metrics();
    const before = { ...samplers };
    try {
      samplers.jobQueue = async () => ({ due: 3, scheduled: 1, running: 2, failed: 4 });
      samplers.databasePool = () => ({ total: 5, idle: 4, waiting: 0 });
      expect(await sample("breakingon_jobs_queue_depth", { state: "due" })).toBe(3);
      expect(await sample("breakingon_jobs_queue_depth", { state: "failed" })).toBe(4);
      expect(await sample("breakingon_db_pool_connections", { state: "idle" })).toBe(4);
      // A sampler that fails leaves the gauge empty rather than failing the scrape.
      samplers.jobQueue = async () => {
        throw new Error("database down");
      };
      expect(await sample("breakingon_jobs_queue_depth", { state: "due" })).toBeUndefined();
      expect((await exposition()).body).toContain("breakingon_db_pool_connections");
    } finally {
      Object.assign(samplers, before);
    }
  });

  it("counts page-cache and data-cache hits, misses and expired entries", async () => {
    installCacheStore(createMemoryStore({ maxBytes: 10_000_000 }));
    const pages = new CacheHandler({});
    await pages.get("/articles/a", { kind: "APP_PAGE" });
    await pages.set("/articles/a", { kind: "APP_PAGE", html: "<p>a</p>", headers: { "x-next-cache-tags": "article:a" }, status: 200 }, {});
    await pages.get("/articles/a", { kind: "APP_PAGE" });
    await pages.get("/articles/a", { kind: "APP_PAGE" });
    await pages.revalidateTag(["article:a"]);
    await pages.get("/articles/a", { kind: "APP_PAGE" });
    expect(await sample("breakingon_cache_lookups_total", { cache: "page", result: "miss" })).toBe(1);
    expect(await sample("breakingon_cache_lookups_total", { cache: "page", result: "hit" })).toBe(2);
    expect(await sample("breakingon_cache_lookups_total", { cache: "page", result: "expired" })).toBe(1);

    const data = createUseCacheHandler(() => createMemoryStore({ maxBytes: 1_000_000 }));
    expect(await data.get("k", [])).toBeUndefined();
    expect(await sample("breakingon_cache_lookups_total", { cache: "data", result: "miss" })).toBe(1);
  });

  it("counts login failures and throttles, job outcomes and publish → visible latency", async () => {
    metrics().loginFailures.inc();
    metrics().loginThrottled.inc();
    metrics().jobsFinished.inc({ job: "webhook.deliver", outcome: "failed" });
    metrics().publishVisible.observe(0.3);
    expect(await sample("breakingon_login_failures_total")).toBe(1);
    expect(await sample("breakingon_login_throttled_total")).toBe(1);
    expect(await sample("breakingon_jobs_finished_total", { job: "webhook.deliver", outcome: "failed" })).toBe(1);
    expect(await sample("breakingon_publish_visible_seconds_count")).toBe(1);
  });
});
