import "server-only";
import { refreshQueuedHubs } from "@/lib/dal/sitemaps";
import { startRecurring } from "./recurring";

// PostgreSQL's link triggers queue each changed tag or byline in "SitemapHubChange" (lib/dal/sitemaps.ts); sitemap
// reads work the queue out, and so does this job every five minutes, so it stays short however rarely crawlers come.
// On SQLite nothing is ever queued and each run is one step of an empty index.

export const SITEMAP_HUBS_JOB = "sitemap.hubs";
export const SITEMAP_HUBS_EVERY_MS = 5 * 60_000;

/** Registers the job and makes sure one run is queued. Called once at server start. */
export function startSitemapHubs(now: () => Date = () => new Date()): Promise<void> {
  return startRecurring({ name: SITEMAP_HUBS_JOB, everyMs: SITEMAP_HUBS_EVERY_MS, run: () => refreshQueuedHubs() }, now);
}
