import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, type Engine } from "@/lib/testing/databases";
import { ArticleStatus, type Db } from "@/lib/db";
import type { ArticleChange } from "@/lib/cache/tags";
import { expireBreakingFlags, nextScheduledEvent, publishDueArticles, RETRY_BASE_MS, RETRY_MAX_MS, retryDelayMs, storiesComingOut } from "./scheduling";

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
    const due = await db.article.findUniqueOrThrow({ where: { slug: "due" } });
    // The same ArticleChange the editor's publish reports (lib/dal/story-writer.ts), so the same tags expire.
    expect(changes).toEqual([{ id: due.id, slug: "due", previousSlug: null, listed: true, breaking: false, sectionSlugs: ["world"], tagSlugs: ["mexico"], bylineSlugs: ["desk"] }]);
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

/** Makes every publish of one story fail inside the database, as a constraint or trigger would, until removed. */
async function breakPublishing(db: Db, engine: Engine, articleId: string): Promise<() => Promise<void>> {
  if (engine === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER test_block_publish BEFORE UPDATE ON "Article" WHEN OLD.id = '${articleId}' AND NEW.status = 'PUBLISHED' BEGIN SELECT RAISE(ABORT, 'blocked by test'); END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER test_block_publish`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION test_block_publish() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'blocked by test'; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER test_block_publish BEFORE UPDATE ON "Article" FOR EACH ROW WHEN (OLD.id = '${articleId}' AND NEW.status = 'PUBLISHED') EXECUTE FUNCTION test_block_publish()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER test_block_publish ON "Article"`);
    await db.$executeRawUnsafe(`DROP FUNCTION test_block_publish()`);
  };
}

describeEachEngine("one failing scheduled item never blocks the others", (database) => {
  const now = new Date("2030-06-01T12:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  let doomedSectionId = "";
  let unblock: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const doomed = await db.section.create({ data: { slug: "doomed", name: "Doomed" } });
    doomedSectionId = doomed.id;
    const desk = await db.byline.create({ data: { slug: "desk", name: "Desk" } });
    const live = { status: ArticleStatus.PUBLISHED, publishedAt: at(-60 * MINUTE), sectionId: section.id, bylines: { create: [{ bylineId: desk.id }] } };
    // Updates the editor's checks accept (text and a byline): the failures below are the ones under test.
    const changes = (headline: string, sectionId: string) => ({ headline, standfirst: "", body: "New text", slug: "", sectionId, tags: [], bylineIds: [desk.id], heroMediaId: null, seoTitle: null, seoDescription: null, breaking: false, breakingUntil: null, featured: false });
    for (const [slug, minutesAgo, sectionId] of [
      ["first", 3, section.id],
      ["second", 2, doomed.id],
      ["third", 1, section.id],
    ] as const) {
      const article = await db.article.create({ data: { ...live, slug, headline: `Old ${slug}` } });
      await db.scheduledUpdate.create({ data: { articleId: article.id, runAt: at(-minutesAgo * MINUTE), baseVersion: 1, changes: changes(`New ${slug}`, sectionId) } });
    }
    // The section the second update moves its story to is deleted after the update was scheduled.
    await db.section.delete({ where: { id: doomed.id } });
    for (const [slug, minutesAgo] of [
      ["story-a", 6],
      ["story-b", 5],
      ["story-c", 4],
    ] as const) {
      await db.article.create({ data: { slug, headline: slug, sectionId: section.id, status: ArticleStatus.SCHEDULED, scheduledAt: at(-minutesAgo * MINUTE) } });
    }
    const blocked = await db.article.findUniqueOrThrow({ where: { slug: "story-b" } });
    unblock = await breakPublishing(db, database().engine, blocked.id);
  });

  it("applies and reports every good item, and records each failure with its reason and a retry time", async () => {
    const { db } = database();
    const reported: ArticleChange[] = [];
    const failures: string[] = [];
    const returned = await publishDueArticles(now, { onChange: (c) => reported.push(c), onFailure: (item, reason) => failures.push(`${item}: ${reason}`) });
    expect(returned.map((c) => c.slug)).toEqual(["story-a", "story-c", "first", "third"]);
    expect(reported).toEqual(returned);
    expect(failures).toEqual([expect.stringMatching(/^story story-b: .*(blocked by test|no longer exists)/), expect.stringMatching(/^update to second: The section chosen for this update has been deleted/)]);

    for (const slug of ["first", "third"]) expect(await db.article.findUniqueOrThrow({ where: { slug } })).toMatchObject({ headline: `New ${slug}`, version: 2 });
    for (const slug of ["story-a", "story-c"]) expect(await db.article.findUniqueOrThrow({ where: { slug } })).toMatchObject({ status: "PUBLISHED", scheduleAttempts: 0, scheduleError: null });

    const second = await db.article.findUniqueOrThrow({ where: { slug: "second" }, include: { scheduledUpdates: true } });
    expect(second).toMatchObject({ headline: "Old second", version: 1 });
    expect(second.scheduledUpdates[0]).toMatchObject({ appliedAt: null, failure: null, attempts: 1, retryAt: at(RETRY_BASE_MS) });
    expect(second.scheduledUpdates[0].lastError).toMatch(/section chosen for this update has been deleted/);

    const storyB = await db.article.findUniqueOrThrow({ where: { slug: "story-b" } });
    expect(storyB).toMatchObject({ status: "SCHEDULED", scheduleAttempts: 1, scheduleRetryAt: at(RETRY_BASE_MS) });
    // SQLite's adapter reports any constraint abort as a foreign-key failure, without the trigger's words.
    expect(storyB.scheduleError).toMatch(/blocked by test|no longer exists/);
    expect(storyB.scheduleError).not.toMatch(/invocation|scheduling\.ts/);
    expect(await db.auditLog.count({ where: { action: { in: ["article.publish.scheduled.failed", "article.update.scheduled.retry"] } } })).toBe(2);
  });

  it("waits for the retry time instead of trying again on every pass", async () => {
    const { db } = database();
    expect(await nextScheduledEvent(now)).toEqual(at(RETRY_BASE_MS));
    expect(await publishDueArticles(at(10_000))).toEqual([]);
    expect((await db.scheduledUpdate.findFirstOrThrow({ where: { appliedAt: null } })).attempts).toBe(1);
  });

  it("backs off, doubling the wait, while the cause remains", async () => {
    const { db } = database();
    const second = at(RETRY_BASE_MS);
    expect(await publishDueArticles(second)).toEqual([]);
    expect(await db.scheduledUpdate.findFirstOrThrow({ where: { appliedAt: null } })).toMatchObject({ attempts: 2, retryAt: new Date(second.getTime() + 2 * RETRY_BASE_MS) });
    expect(await db.article.findUniqueOrThrow({ where: { slug: "story-b" } })).toMatchObject({ scheduleAttempts: 2, scheduleRetryAt: new Date(second.getTime() + 2 * RETRY_BASE_MS) });
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(50)).toBe(RETRY_MAX_MS);
  });

  it("applies on the next retry once the cause is fixed, and clears the error", async () => {
    const { db } = database();
    await db.section.create({ data: { id: doomedSectionId, slug: "doomed", name: "Doomed, restored" } });
    await unblock();
    const retry = at(3 * RETRY_BASE_MS);
    const changes = await publishDueArticles(retry);
    expect(changes.map((c) => c.slug)).toEqual(["story-b", "second"]);
    expect(changes[1].sectionSlugs).toEqual(expect.arrayContaining(["world", "doomed"]));
    expect(await db.article.findUniqueOrThrow({ where: { slug: "story-b" } })).toMatchObject({ status: "PUBLISHED", scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null, publishedAt: at(-5 * MINUTE) });
    expect(await db.article.findUniqueOrThrow({ where: { slug: "second" } })).toMatchObject({ headline: "New second", sectionId: doomedSectionId });
    expect(await db.scheduledUpdate.findFirstOrThrow({ where: { article: { slug: "second" } } })).toMatchObject({ appliedAt: retry, lastError: null, retryAt: null });
    expect(await nextScheduledEvent(retry)).toBeNull();
  });
});

describeEachEngine("dates the scheduler cannot be fooled by", (database) => {
  const now = new Date("2030-06-01T12:00:00Z");

  it("never treats a stored year-10000 schedule as due, nor lets it hide the real next event", async () => {
    const { db, engine } = database();
    const farFuture = new Date("+010000-01-01T00:00:00Z");
    const live = await db.article.create({ data: { slug: "live", headline: "Live", status: ArticleStatus.PUBLISHED, publishedAt: new Date(now.getTime() - MINUTE) } });
    // Written straight to the database, past every form: the validation's range check is tested in lib/validation/dates.test.ts.
    await db.article.create({ data: { slug: "year-10000", headline: "Far", status: ArticleStatus.SCHEDULED, scheduledAt: farFuture } });
    await db.scheduledUpdate.create({ data: { articleId: live.id, runAt: farFuture, baseVersion: 1, changes: { headline: "Far update" } } });
    await db.article.create({ data: { slug: "soon", headline: "Soon", status: ArticleStatus.SCHEDULED, scheduledAt: new Date(now.getTime() + 5 * MINUTE) } });
    if (engine === "sqlite") {
      // The trap itself: stored as ISO text, the extended year sorts before this year.
      const [row] = await db.$queryRawUnsafe<{ stored: string }[]>(`SELECT CAST("scheduledAt" AS TEXT) AS stored FROM "Article" WHERE slug = 'year-10000'`);
      expect(row.stored).toMatch(/^\+010000-/);
      expect(row.stored < now.toISOString()).toBe(true);
    }
    expect(await publishDueArticles(now)).toEqual([]);
    expect((await db.article.findUniqueOrThrow({ where: { slug: "year-10000" } })).status).toBe("SCHEDULED");
    expect((await db.article.findUniqueOrThrow({ where: { slug: "live" } })).headline).toBe("Live");
    expect(await nextScheduledEvent(now)).toEqual(new Date(now.getTime() + 5 * MINUTE));
  });
});

describeEachEngine("breaking flags expire when their time passes", (database) => {
  const now = new Date("2030-06-01T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

  beforeAll(async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const live = { status: ArticleStatus.PUBLISHED, publishedAt: at(-60), sectionId: section.id, breaking: true };
    await db.article.create({ data: { ...live, slug: "expired", headline: "Expired", breakingUntil: at(-1) } });
    await db.article.create({ data: { ...live, slug: "still-breaking", headline: "Still", breakingUntil: at(10) } });
    await db.article.create({ data: { ...live, slug: "open-ended", headline: "Open", breakingUntil: null } });
    await db.article.create({ data: { ...live, slug: "draft-expired", headline: "Draft", status: ArticleStatus.DRAFT, publishedAt: null, breakingUntil: at(-5) } });
  });

  it("clears each passed flag once, with an audit entry, and reports the story so its pages and the banner expire", async () => {
    const { db } = database();
    const reported: string[] = [];
    const changes = await expireBreakingFlags(now, { onChange: (c) => reported.push(c.slug) });
    expect(changes.map((c) => c.slug)).toEqual(["draft-expired", "expired"]);
    expect(reported).toEqual(["draft-expired", "expired"]);
    const expired = await db.article.findUniqueOrThrow({ where: { slug: "expired" } });
    expect(changes[1]).toEqual({ id: expired.id, slug: "expired", previousSlug: null, listed: true, breaking: true, sectionSlugs: ["world"], tagSlugs: [], bylineSlugs: [] });
    // Not an edit: the version stays, so an open editor or a scheduled update prepared against it is not voided.
    expect(expired).toMatchObject({ breaking: false, breakingUntil: null, version: 1 });
    expect(await db.auditLog.findMany({ where: { entityId: expired.id }, select: { action: true, details: true } })).toEqual([
      { action: "article.breaking.expired", details: { slug: "expired", breakingUntil: at(-1).toISOString() } },
    ]);
    expect(await db.article.findUniqueOrThrow({ where: { slug: "still-breaking" } })).toMatchObject({ breaking: true, breakingUntil: at(10) });
    expect(await db.article.findUniqueOrThrow({ where: { slug: "open-ended" } })).toMatchObject({ breaking: true, breakingUntil: null });
  });

  it("does nothing the second time", async () => {
    expect(await expireBreakingFlags(now)).toEqual([]);
    expect(await database().db.auditLog.count({ where: { action: "article.breaking.expired" } })).toBe(2);
  });

  it("wakes the scheduler for the next expiry, and the scheduler's pass clears it", async () => {
    const { db } = database();
    expect(await nextScheduledEvent(now)).toEqual(at(10));
    const changes = await publishDueArticles(at(10));
    expect(changes.map((c) => c.slug)).toEqual(["still-breaking"]);
    expect(await db.article.findUniqueOrThrow({ where: { slug: "still-breaking" } })).toMatchObject({ breaking: false, breakingUntil: null });
    expect(await nextScheduledEvent(at(10))).toBeNull();
  });
});

describeEachEngine("stories that come out by the clock", (database) => {
  const now = new Date("2030-06-01T12:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

  it("are the published stories dated inside the window, with what lists them", async () => {
    const { db } = database();
    const section = await db.section.create({ data: { slug: "world", name: "World" } });
    const dated = await db.article.create({ data: { slug: "dated", headline: "Dated", status: ArticleStatus.PUBLISHED, publishedAt: at(5), sectionId: section.id } });
    await db.article.create({ data: { slug: "earlier", headline: "Earlier", status: ArticleStatus.PUBLISHED, publishedAt: at(-5) } });
    await db.article.create({ data: { slug: "later", headline: "Later", status: ArticleStatus.PUBLISHED, publishedAt: at(15) } });
    await db.article.create({ data: { slug: "draft", headline: "Draft", status: ArticleStatus.DRAFT, publishedAt: at(5) } });
    // Published at its time by a write (updatedAt not before publishedAt): that write expired its pages already.
    await db.article.create({ data: { slug: "published-then", headline: "Published then", status: ArticleStatus.PUBLISHED, publishedAt: at(6), updatedAt: at(6) } });
    expect(await storiesComingOut(now, at(10))).toEqual([{ id: dated.id, slug: "dated", sectionSlugs: ["world"], tagSlugs: [], bylineSlugs: [], breaking: false }]);
    expect(await storiesComingOut(at(5), at(10))).toEqual([]);
    expect(await storiesComingOut(at(10), now)).toEqual([]);
  });
});
