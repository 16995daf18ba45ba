import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ArticleStatus } from "@/lib/db";
import { nextScheduledEvent, publishDueArticles } from "./scheduling";

const MINUTE = 60_000;

describeEachEngine("scheduled publishing", (database) => {
  const now = new Date("2030-06-01T12:00:00Z");

  beforeAll(async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const tag = await db.tag.create({ data: { slug: "mexico", name: "Mexico" } });
    const byline = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
    const base = { headline: "H", sectionId: section.id, tags: { create: [{ tagId: tag.id }] }, bylines: { create: [{ bylineId: byline.id }] } };
    await db.article.create({ data: { ...base, slug: "due", status: ArticleStatus.SCHEDULED, scheduledAt: new Date(now.getTime() - 5 * MINUTE) } });
    await db.article.create({ data: { ...base, slug: "later", status: ArticleStatus.SCHEDULED, scheduledAt: new Date(now.getTime() + 30 * MINUTE) } });
    await db.article.create({ data: { ...base, slug: "draft-with-date", status: ArticleStatus.DRAFT, scheduledAt: new Date(now.getTime() - MINUTE) } });
    await db.article.create({ data: { ...base, slug: "future-dated", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() + 10 * MINUTE) } });
    await db.article.create({ data: { ...base, slug: "breaking", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() - MINUTE), breaking: true, breakingUntil: new Date(now.getTime() + 20 * MINUTE) } });
  });

  it("knows the next moment the site changes by itself", async () => {
    expect(await nextScheduledEvent(now)).toEqual(new Date(now.getTime() - 5 * MINUTE));
  });

  it("publishes only scheduled stories that are due, at their scheduled time, with a revision and an audit entry", async () => {
    const { db } = database();
    const changes = await publishDueArticles(now);
    expect(changes).toEqual([{ slug: "due", sectionSlugs: ["world"], tagSlugs: ["mexico"], bylineSlugs: ["desk"] }]);
    const due = await db.article.findUniqueOrThrow({ where: { slug: "due" } });
    expect(due).toMatchObject({ status: "PUBLISHED", scheduledAt: null, version: 2 });
    expect(due.publishedAt).toEqual(new Date(now.getTime() - 5 * MINUTE));
    expect(await db.revision.count({ where: { articleId: due.id, reason: "Published on schedule", status: "PUBLISHED" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: due.id, action: "article.publish.scheduled" } })).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { slug: "later" } })).status).toBe("SCHEDULED");
    expect((await db.article.findUniqueOrThrow({ where: { slug: "draft-with-date" } })).status).toBe("DRAFT");
  });

  it("does nothing the second time (no double publish)", async () => {
    expect(await publishDueArticles(now)).toEqual([]);
    expect(await database().db.revision.count()).toBe(1);
  });

  it("then waits for the future-dated story, the breaking expiry and the later schedule, in order", async () => {
    expect(await nextScheduledEvent(now)).toEqual(new Date(now.getTime() + 10 * MINUTE));
    const afterFuture = new Date(now.getTime() + 11 * MINUTE);
    expect(await nextScheduledEvent(afterFuture)).toEqual(new Date(now.getTime() + 20 * MINUTE));
    const afterBreaking = new Date(now.getTime() + 21 * MINUTE);
    expect(await nextScheduledEvent(afterBreaking)).toEqual(new Date(now.getTime() + 30 * MINUTE));
  });
});
