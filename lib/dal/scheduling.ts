import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import type { StorySnapshot } from "./stories";
import { replaceTagsAndBylines, tagIdsForNames } from "./article-relations";
import type { ArticleChange } from "@/lib/cache/tags";
import type { PassListener } from "@/lib/publishing/scheduler";
import { STORED_DATE_MAX, STORED_DATE_MIN } from "@/lib/validation/dates";

// The scheduler acts for nobody in particular: these run inside the server process, never from a request, so they
// carry no user check. Every change they make is recorded in the revision history and the audit log.
//
// One item that cannot be applied (its section or image deleted since, a constraint, anything) must never hold up
// the others: each due item runs in its own transaction, and a failure is recorded on the item itself (attempts,
// the reason, the time of the next try, backing off from 30 seconds to an hour) for the dashboard to show. A
// successful retry clears those fields.

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
 * version, a revision and an audit entry together). Returns what changed, for cache invalidation.
 */
export async function publishDueArticles(now: Date = new Date(), listener: PassListener = {}): Promise<ArticleChange[]> {
  const db = getDb();
  const due = await db.article.findMany({
    where: { status: ArticleStatus.SCHEDULED, scheduledAt: dueBy(now), ...retryDue("scheduleRetryAt", now) },
    orderBy: { scheduledAt: "asc" },
    select: { id: true, slug: true, scheduleAttempts: true },
  });
  const changes: ArticleChange[] = [];
  for (const { id, slug, scheduleAttempts } of due) {
    let change: ArticleChange | null;
    try {
      change = await publishOne(id, now);
    } catch (error) {
      const reason = reasonOf(error);
      await recordArticleFailure(id, scheduleAttempts + 1, reason, now);
      listener.onFailure?.(`story ${slug}`, reason);
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
    }
  }
  return [...changes, ...(await applyDueUpdates(now, listener))];
}

async function recordArticleFailure(id: string, attempts: number, reason: string, now: Date): Promise<void> {
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
  const db = getDb();
  // Only while it is still scheduled: an editor may have moved it meanwhile.
  await db.article.updateMany({
    where: { id, status: ArticleStatus.SCHEDULED },
    data: { scheduleAttempts: attempts, scheduleError: reason, scheduleRetryAt: retryAt },
  });
  await db.auditLog.create({
    data: { action: "article.publish.scheduled.failed", entityType: "Article", entityId: id, details: { reason, attempts, retryAt: retryAt.toISOString() } },
  });
}

/** Publishes one due story in one transaction; null when it was no longer due (unscheduled meanwhile). */
async function publishOne(id: string, now: Date): Promise<ArticleChange | null> {
  return getDb().$transaction(async (tx) => {
    // Re-check inside the transaction: an editor may have unscheduled it meanwhile.
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
export async function applyDueUpdates(now: Date = new Date(), listener: PassListener = {}): Promise<ArticleChange[]> {
  const db = getDb();
  const due = await db.scheduledUpdate.findMany({
    where: { appliedAt: null, failure: null, runAt: dueBy(now), ...retryDue("retryAt", now) },
    orderBy: { runAt: "asc" },
    select: { id: true, attempts: true, article: { select: { slug: true } } },
  });
  const changes: ArticleChange[] = [];
  for (const { id, attempts, article } of due) {
    let change: ArticleChange | null;
    try {
      change = await applyOne(id, now);
    } catch (error) {
      const reason = reasonOf(error);
      await recordUpdateFailure(id, attempts + 1, reason, now);
      listener.onFailure?.(`update to ${article.slug}`, reason);
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
    }
  }
  return changes;
}

async function recordUpdateFailure(id: string, attempts: number, reason: string, now: Date): Promise<void> {
  const retryAt = new Date(now.getTime() + retryDelayMs(attempts));
  const db = getDb();
  const { count } = await db.scheduledUpdate.updateMany({
    where: { id, appliedAt: null, failure: null },
    data: { attempts, lastError: reason, retryAt },
  });
  if (count === 0) return;
  const { articleId } = await db.scheduledUpdate.findUniqueOrThrow({ where: { id }, select: { articleId: true } });
  await db.auditLog.create({
    data: { action: "article.update.scheduled.retry", entityType: "Article", entityId: articleId, details: { scheduledUpdateId: id, reason, attempts, retryAt: retryAt.toISOString() } },
  });
}

/** Applies one due update in one transaction; null when there was nothing to apply or it failed for good. */
async function applyOne(id: string, now: Date): Promise<ArticleChange | null> {
  return getDb().$transaction(async (tx) => {
    const update = await tx.scheduledUpdate.findUnique({ where: { id }, select: { articleId: true, appliedAt: true, failure: true, baseVersion: true, substantive: true, changes: true, createdById: true } });
    if (!update || update.appliedAt || update.failure) return null;
    const before = await tx.article.findUniqueOrThrow({ where: { id: update.articleId }, select: { ...changeSelect, status: true, version: true } });
    const failure =
      before.status !== ArticleStatus.PUBLISHED ? "The story was no longer published when the update was due." : before.version !== update.baseVersion ? "The story was edited after this update was scheduled, so it was not applied over those edits." : null;
    if (failure) {
      await tx.scheduledUpdate.update({ where: { id }, data: { failure } });
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
    await tx.scheduledUpdate.update({ where: { id }, data: { appliedAt: now, lastError: null, retryAt: null } });
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
 * The next moment the reader site changes by itself: a scheduled story falls due, a story dated in the future
 * comes out, or a breaking flag expires. Null when nothing is pending.
 */
export async function nextScheduledEvent(now: Date = new Date()): Promise<Date | null> {
  const db = getDb();
  // Every bound is also kept inside years 0001–9999, so a bad row cannot sort first on SQLite and hide the real next event.
  // An item waiting for a retry is due at its retry time (always after its own due time), not before.
  const [scheduled, scheduledRetry, future, breaking, update, updateRetry] = await Promise.all([
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: null }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: inRange }, orderBy: { scheduleRetryAt: "asc" }, select: { scheduleRetryAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now, lte: STORED_DATE_MAX } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, breaking: true, breakingUntil: { gt: now, lte: STORED_DATE_MAX } }, orderBy: { breakingUntil: "asc" }, select: { breakingUntil: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: null }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: inRange }, orderBy: { retryAt: "asc" }, select: { retryAt: true } }),
  ]);
  const times = [scheduled?.scheduledAt, scheduledRetry?.scheduleRetryAt, future?.publishedAt, breaking?.breakingUntil, update?.runAt, updateRetry?.retryAt].filter(
    (t): t is Date => t instanceof Date,
  );
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

function toChange(article: {
  slug: string;
  section: { slug: string } | null;
  tags: { tag: { slug: string } }[];
  bylines: { byline: { slug: string } }[];
}): ArticleChange {
  return {
    slug: article.slug,
    sectionSlugs: article.section ? [article.section.slug] : [],
    tagSlugs: article.tags.map((t) => t.tag.slug),
    bylineSlugs: article.bylines.map((b) => b.byline.slug),
  };
}
