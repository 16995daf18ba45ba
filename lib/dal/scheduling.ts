import "server-only";
import { ArticleStatus, getDb, type Db, type Prisma } from "@/lib/db";
import type { StorySnapshot } from "./stories";
import { replaceTagsAndBylines, tagIdsForNames } from "./article-relations";
import type { ArticleChange } from "@/lib/cache/tags";
import type { PassListener } from "@/lib/publishing/scheduler";
import { STORED_DATE_MAX, STORED_DATE_MIN } from "@/lib/validation/dates";
import { lockRowIfFree } from "./claims";

// The scheduler acts for nobody in particular: these run inside the server process, never from a request, so they
// carry no user check. Every change they make is recorded in the revision history and the audit log.
//
// One item that cannot be applied (its section or image deleted since, a constraint, anything) must never hold up
// the others: each due item runs in its own transaction, and a failure is recorded on the item itself (attempts,
// the reason, the time of the next try, backing off from 30 seconds to an hour) for the dashboard to show. A
// successful retry clears those fields.
//
// Every instance runs these passes at once (lib/publishing/scheduler.ts), so each item is claimed the way
// lib/dal/claims.ts describes: on PostgreSQL the worker locks the row with SKIP LOCKED (a row another worker is on
// is left to it), and every change is a conditional update whose count decides who writes the revision and the
// audit entry and reports the change. A worker that loses does nothing and reports nothing; recording a failure is
// conditional too, so an item another worker has applied meanwhile is never marked failed. A worker that dies
// mid-item takes its transaction (and its lock) with it, and the item is picked up by the next pass anywhere.
// The `db` parameters exist for tests that run several workers on separate connections.

/** First retry after this long; each further failure doubles the wait, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;

/** How long to wait before the next try after `attempts` failures in a row. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
}

/**
 * "Due by now", bounded below as well: on SQLite dates are stored as ISO text and compared as text, and a row
 * holding an extended year (`+010000-…`) would otherwise sort before today and count as due. Dates are validated
 * to sane ranges on the way in (lib/validation/dates.ts); this keeps the scheduler honest about any row that was not.
 */
function dueBy(now: Date) {
  return { gte: STORED_DATE_MIN, lte: now };
}
const inRange = { gte: STORED_DATE_MIN, lte: STORED_DATE_MAX };
/** Not waiting for a retry: never failed, or its retry time has come. */
function retryDue(field: "scheduleRetryAt" | "retryAt", now: Date) {
  return { OR: [{ [field]: null }, { [field]: dueBy(now) }] };
}

/** A known reason an item cannot be applied now, worded for the newsroom. */
class ScheduleProblem extends Error {
  override name = "ScheduleProblem";
}

/** A readable reason for the newsroom, from whatever went wrong. */
function reasonOf(error: unknown): string {
  if (error instanceof ScheduleProblem) return error.message;
  // Prisma's messages open with the call site and a code frame; the database's own words are on the last line.
  const message = error instanceof Error ? error.message : String(error);
  const detail = (message.trim().split("\n").at(-1) ?? "").trim().slice(0, 300);
  if ((error as { code?: unknown })?.code === "P2003") return `Something it refers to (a section, image, byline or tag) no longer exists. (${detail})`;
  return `It could not be applied: ${detail}`;
}

const changeSelect = {
  id: true,
  slug: true,
  section: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
  bylines: { select: { byline: { select: { slug: true } } } },
} as const;

/**
 * Publishes every SCHEDULED story whose time has come, each in its own transaction (status, publication time,
 * version, a revision and an audit entry together), then applies due scheduled updates and clears expired breaking
 * flags. Returns what this worker changed, for cache invalidation.
 */
export async function publishDueArticles(now: Date = new Date(), listener: PassListener = {}, db: Db = getDb()): Promise<ArticleChange[]> {
  const due = await db.article.findMany({
    where: { status: ArticleStatus.SCHEDULED, scheduledAt: dueBy(now), ...retryDue("scheduleRetryAt", now) },
    orderBy: { scheduledAt: "asc" },
    select: { id: true, slug: true, scheduleAttempts: true },
  });
  const changes: ArticleChange[] = [];
  for (const { id, slug, scheduleAttempts } of due) {
    let change: ArticleChange | null;
    try {
      change = await publishOne(db, id, now);
    } catch (error) {
      const reason = reasonOf(error);
      if (await recordArticleFailure(db, id, scheduleAttempts, reason, now)) listener.onFailure?.(`story ${slug}`, reason);
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
    }
  }
  return [...changes, ...(await applyDueUpdates(now, listener, db)), ...(await expireBreakingFlags(now, listener, db))];
}

/**
 * Records a failed try, only while the story is still scheduled and no other worker has recorded this same try
 * (attempts still as read): an editor may have moved it, another worker may have published it meanwhile.
 */
async function recordArticleFailure(db: Db, id: string, attemptsRead: number, reason: string, now: Date): Promise<boolean> {
  const attempts = attemptsRead + 1;
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
  return db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id, status: ArticleStatus.SCHEDULED, scheduleAttempts: attemptsRead },
      data: { scheduleAttempts: attempts, scheduleError: reason, scheduleRetryAt: retryAt },
    });
    if (count === 0) return false;
    await tx.auditLog.create({
      data: { action: "article.publish.scheduled.failed", entityType: "Article", entityId: id, details: { reason, attempts, retryAt: retryAt.toISOString() } },
    });
    return true;
  });
}

/** Publishes one due story in one transaction; null when it was no longer due (unscheduled, or another worker's). */
async function publishOne(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  return db.$transaction(async (tx) => {
    if (!(await lockRowIfFree(tx, "Article", id))) return null;
    // Re-check inside the transaction: an editor may have unscheduled it, another worker published it meanwhile.
    const claimed = await tx.article.updateMany({
      where: { id, status: ArticleStatus.SCHEDULED, scheduledAt: dueBy(now) },
      data: { status: ArticleStatus.PUBLISHED, version: { increment: 1 }, scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null },
    });
    if (claimed.count === 0) return null;
    const article = await tx.article.findUniqueOrThrow({ where: { id }, select: { ...changeSelect, scheduledAt: true, publishedAt: true, version: true, headline: true, standfirst: true, body: true } });
    const publishedAt = article.publishedAt && article.publishedAt <= now ? article.publishedAt : (article.scheduledAt ?? now);
    await tx.article.update({ where: { id }, data: { publishedAt, scheduledAt: null } });
    await tx.revision.create({
      data: {
        articleId: id,
        version: article.version,
        reason: "Published on schedule",
        headline: article.headline,
        standfirst: article.standfirst,
        body: article.body,
        status: ArticleStatus.PUBLISHED,
        snapshot: { scheduledAt: article.scheduledAt?.toISOString() ?? null, publishedAt: publishedAt.toISOString() },
      },
    });
    await tx.auditLog.create({
      data: { action: "article.publish.scheduled", entityType: "Article", entityId: id, details: { slug: article.slug } },
    });
    return toChange(article);
  });
}

/** What a scheduled update stores (lib/dal/workflow.ts scheduleUpdate): the text plus the revision snapshot's fields. */
type ScheduledChanges = StorySnapshot & { headline: string; standfirst: string; body: string };

/**
 * Applies every scheduled update to a live story whose time has come. An update prepared against an older version
 * of the story (someone edited it since) or for a story no longer live is not applied: it is marked failed with the
 * reason, which the editor and dashboard show, so no edit is overwritten.
 */
export async function applyDueUpdates(now: Date = new Date(), listener: PassListener = {}, db: Db = getDb()): Promise<ArticleChange[]> {
  const due = await db.scheduledUpdate.findMany({
    where: { appliedAt: null, failure: null, runAt: dueBy(now), ...retryDue("retryAt", now) },
    orderBy: { runAt: "asc" },
    select: { id: true, attempts: true, article: { select: { slug: true } } },
  });
  const changes: ArticleChange[] = [];
  for (const { id, attempts, article } of due) {
    let change: ArticleChange | null;
    try {
      change = await applyOne(db, id, now);
    } catch (error) {
      const reason = reasonOf(error);
      if (await recordUpdateFailure(db, id, attempts, reason, now)) listener.onFailure?.(`update to ${article.slug}`, reason);
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
    }
  }
  return changes;
}

/** Records a failed try while the update is still pending and this try is not recorded yet (see recordArticleFailure). */
async function recordUpdateFailure(db: Db, id: string, attemptsRead: number, reason: string, now: Date): Promise<boolean> {
  const attempts = attemptsRead + 1;
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
  return db.$transaction(async (tx) => {
    const { count } = await tx.scheduledUpdate.updateMany({
      where: { id, appliedAt: null, failure: null, attempts: attemptsRead },
      data: { attempts, lastError: reason, retryAt },
    });
    if (count === 0) return false;
    const { articleId } = await tx.scheduledUpdate.findUniqueOrThrow({ where: { id }, select: { articleId: true } });
    await tx.auditLog.create({
      data: { action: "article.update.scheduled.retry", entityType: "Article", entityId: articleId, details: { scheduledUpdateId: id, reason, attempts, retryAt: retryAt.toISOString() } },
    });
    return true;
  });
}

/** Thrown to roll back a write that lost its claim (never expected while the row lock is held). */
class LostClaim extends Error {
  override name = "LostClaim";
}

/** Applies one due update in one transaction; null when there was nothing to apply, it failed for good, or another worker has it. */
async function applyOne(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  try {
    return await applyOneIn(db, id, now);
  } catch (error) {
    if (error instanceof LostClaim) return null;
    throw error;
  }
}

async function applyOneIn(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  return db.$transaction(async (tx) => {
    if (!(await lockRowIfFree(tx, "ScheduledUpdate", id))) return null;
    const update = await tx.scheduledUpdate.findUnique({ where: { id }, select: { articleId: true, appliedAt: true, failure: true, baseVersion: true, substantive: true, changes: true, createdById: true } });
    if (!update || update.appliedAt || update.failure) return null;
    const before = await tx.article.findUniqueOrThrow({ where: { id: update.articleId }, select: { ...changeSelect, status: true, version: true } });
    const failure =
      before.status !== ArticleStatus.PUBLISHED ? "The story was no longer published when the update was due." : before.version !== update.baseVersion ? "The story was edited after this update was scheduled, so it was not applied over those edits." : null;
    if (failure) {
      // Conditional like every other change: an update another worker has applied is never marked failed.
      const marked = await tx.scheduledUpdate.updateMany({ where: { id, appliedAt: null, failure: null }, data: { failure } });
      if (marked.count === 0) return null;
      await tx.auditLog.create({ data: { action: "article.update.scheduled.failed", entityType: "Article", entityId: update.articleId, details: { reason: failure } } });
      return null;
    }
    const c = update.changes as unknown as ScheduledChanges;
    // Deleted since it was scheduled: say so plainly (the write below would fail on a foreign key).
    if (c.sectionId && !(await tx.section.findUnique({ where: { id: c.sectionId }, select: { id: true } }))) {
      throw new ScheduleProblem("The section chosen for this update has been deleted. Choose another section and schedule the update again.");
    }
    if (c.heroMediaId && !(await tx.media.findUnique({ where: { id: c.heroMediaId }, select: { id: true } }))) {
      throw new ScheduleProblem("The image chosen for this update has been deleted. Choose another image and schedule the update again.");
    }
    const { count } = await tx.article.updateMany({
      where: { id: update.articleId, version: update.baseVersion },
      data: {
        headline: c.headline,
        standfirst: c.standfirst,
        body: c.body,
        sectionId: c.sectionId,
        heroMediaId: c.heroMediaId,
        seoTitle: c.seoTitle,
        seoDescription: c.seoDescription,
        version: { increment: 1 },
        lastEditedById: update.createdById,
        ...(update.substantive && { substantiveUpdatedAt: now }),
      },
    });
    if (count === 0) return null;
    const known = new Set((await tx.byline.findMany({ where: { id: { in: c.bylineIds } }, select: { id: true } })).map((b) => b.id));
    await replaceTagsAndBylines(tx, update.articleId, await tagIdsForNames(tx, c.tags), c.bylineIds.filter((b) => known.has(b)));
    const applied = await tx.scheduledUpdate.updateMany({ where: { id, appliedAt: null, failure: null }, data: { appliedAt: now, lastError: null, retryAt: null } });
    if (applied.count === 0) throw new LostClaim(`scheduled update ${id} was settled by another worker`);
    const after = await tx.article.findUniqueOrThrow({ where: { id: update.articleId }, select: { ...changeSelect, version: true, headline: true, standfirst: true, body: true, status: true } });
    await tx.revision.create({
      data: {
        articleId: after.id,
        version: after.version,
        reason: `Scheduled update applied${update.substantive ? " (substantive)" : ""}`,
        headline: after.headline,
        standfirst: after.standfirst,
        body: after.body,
        status: after.status,
        snapshot: { ...c, slug: after.slug } as unknown as Prisma.InputJsonValue,
        authorId: update.createdById,
      },
    });
    await tx.auditLog.create({ data: { action: "article.update.scheduled.applied", entityType: "Article", entityId: after.id, details: { scheduledUpdateId: id } } });
    const merged = toChange(after);
    const old = toChange(before);
    return { ...merged, sectionSlugs: [...new Set([...(merged.sectionSlugs ?? []), ...(old.sectionSlugs ?? [])])], tagSlugs: [...new Set([...(merged.tagSlugs ?? []), ...(old.tagSlugs ?? [])])], bylineSlugs: [...new Set([...(merged.bylineSlugs ?? []), ...(old.bylineSlugs ?? [])])] };
  });
}

/**
 * Clears every breaking flag whose time has passed, each story in its own transaction with an audit entry, and
 * returns those stories so the pages showing them (and the breaking banner on every page) are expired. Readers
 * already treat a passed `breakingUntil` as not breaking (lib/dal/articles.ts); clearing the flag makes the stored
 * story say so too, and the change is what expires the cached banner. The story's version does not move: a timed
 * expiry is not an edit, so it neither conflicts with an editor's open form nor voids a scheduled update.
 */
export async function expireBreakingFlags(now: Date = new Date(), listener: PassListener = {}, db: Db = getDb()): Promise<ArticleChange[]> {
  const due = await db.article.findMany({ where: { breaking: true, breakingUntil: dueBy(now) }, orderBy: { breakingUntil: "asc" }, select: { id: true, slug: true } });
  const changes: ArticleChange[] = [];
  for (const { id, slug } of due) {
    let change: ArticleChange | null;
    try {
      change = await expireOne(db, id, now);
    } catch (error) {
      // Nothing to record on the story: the next pass tries again, and readers already ignore the passed flag.
      listener.onFailure?.(`breaking flag of ${slug}`, reasonOf(error));
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
    }
  }
  return changes;
}

async function expireOne(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  return db.$transaction(async (tx) => {
    if (!(await lockRowIfFree(tx, "Article", id))) return null;
    const before = await tx.article.findUnique({ where: { id }, select: { breakingUntil: true } });
    const { count } = await tx.article.updateMany({ where: { id, breaking: true, breakingUntil: dueBy(now) }, data: { breaking: false, breakingUntil: null } });
    if (count === 0 || !before) return null;
    const article = await tx.article.findUniqueOrThrow({ where: { id }, select: changeSelect });
    await tx.auditLog.create({
      data: { action: "article.breaking.expired", entityType: "Article", entityId: id, details: { slug: article.slug, breakingUntil: before.breakingUntil?.toISOString() ?? null } },
    });
    return toChange(article);
  });
}

/**
 * Published stories dated after `after` and up to `upTo`: they appear on the site by the clock alone, with no write,
 * so the scheduler expires their pages when their time passes. Every instance may report them; expiring is idempotent.
 */
export async function storiesComingOut(after: Date, upTo: Date, db: Db = getDb()): Promise<ArticleChange[]> {
  if (upTo <= after) return [];
  const rows = await db.article.findMany({
    where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: after, lte: upTo } },
    orderBy: { publishedAt: "asc" },
    select: { ...changeSelect, breaking: true, publishedAt: true, updatedAt: true },
  });
  // Only stories last written before their time: one published "now" was expired by that write already, and
  // expiring it again a second later would empty the caches of every page that shows it for nothing.
  return rows.filter((row) => row.updatedAt < row.publishedAt!).map((row) => ({ ...toChange(row), breaking: row.breaking }));
}

/**
 * The next moment the reader site changes by itself: a scheduled story falls due, a story dated in the future
 * comes out, or a breaking flag expires. Null when nothing is pending.
 */
export async function nextScheduledEvent(now: Date = new Date(), db: Db = getDb()): Promise<Date | null> {
  // Every bound is also kept inside years 0001–9999, so a bad row cannot sort first on SQLite and hide the real next event.
  // An item waiting for a retry is due at its retry time (always after its own due time), not before.
  const [scheduled, scheduledRetry, future, breaking, update, updateRetry] = await Promise.all([
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: null }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: inRange }, orderBy: { scheduleRetryAt: "asc" }, select: { scheduleRetryAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now, lte: STORED_DATE_MAX } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { breaking: true, breakingUntil: { gt: now, lte: STORED_DATE_MAX } }, orderBy: { breakingUntil: "asc" }, select: { breakingUntil: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: null }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: inRange }, orderBy: { retryAt: "asc" }, select: { retryAt: true } }),
  ]);
  const times = [scheduled?.scheduledAt, scheduledRetry?.scheduleRetryAt, future?.publishedAt, breaking?.breakingUntil, update?.runAt, updateRetry?.retryAt].filter(
    (t): t is Date => t instanceof Date,
  );
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

function toChange(article: {
  id: string;
  slug: string;
  section: { slug: string } | null;
  tags: { tag: { slug: string } }[];
  bylines: { byline: { slug: string } }[];
}): ArticleChange {
  return {
    id: article.id,
    slug: article.slug,
    sectionSlugs: article.section ? [article.section.slug] : [],
    tagSlugs: article.tags.map((t) => t.tag.slug),
    bylineSlugs: article.bylines.map((b) => b.byline.slug),
  };
}
