import { afterAll, expect, it } from "vitest";
import { ArticleStatus } from "@/lib/db";
import { describeEachEngine } from "@/lib/testing/databases";
import { createJobRunner } from "./index";
import { unregisterJob } from "./registry";
import { SITEMAP_HUBS_JOB, startSitemapHubs } from "./sitemap-hubs";

// PostgreSQL only: SQLite's triggers keep the summaries at once and queue nothing.
describeEachEngine(
  "the sitemap hubs job",
  (database) => {
    afterAll(() => unregisterJob(SITEMAP_HUBS_JOB));

    it("works the queued tag summaries out every five minutes, with no sitemap read, and queues the next run", async () => {
      const { db } = database();
      let now = new Date("2030-03-01T10:01:00Z");
      const clock = () => now;
      await startSitemapHubs(clock);
      await startSitemapHubs(clock);
      expect(await db.job.findMany({ where: { name: SITEMAP_HUBS_JOB }, select: { runAt: true } })).toEqual([{ runAt: new Date("2030-03-01T10:05:00Z") }]);

      const tag = await db.tag.create({ data: { slug: "queued", name: "Queued" } });
      const publishedAt = new Date("2030-02-28T09:00:00Z");
      await db.article.create({ data: { slug: "queued-story", headline: "Queued", status: ArticleStatus.PUBLISHED, publishedAt, tags: { create: [{ tagId: tag.id }] } } });
      expect(await db.sitemapHubChange.count()).toBeGreaterThan(0);
      expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { firstListedAt: true } })).toEqual({ firstListedAt: null });

      const runner = createJobRunner({ pollMs: 60_000, db, now: clock, log: () => {} });
      expect(await runner.runDue()).toBe(0);
      now = new Date("2030-03-01T10:05:01Z");
      expect(await runner.runDue()).toBe(1);
      await runner.stop();

      expect(await db.sitemapHubChange.count()).toBe(0);
      expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { firstListedAt: true, lastListedAt: true, lastmod: true } })).toEqual({
        firstListedAt: publishedAt,
        lastListedAt: publishedAt,
        lastmod: publishedAt,
      });
      expect(await db.job.findMany({ where: { name: SITEMAP_HUBS_JOB, doneAt: null }, select: { runAt: true } })).toEqual([{ runAt: new Date("2030-03-01T10:10:00Z") }]);
    });
  },
  ["postgresql"],
);
