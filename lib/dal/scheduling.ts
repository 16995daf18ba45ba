import "server-only";
import { ArticleStatus, getDb, type Db, type Prisma } from "@/lib/db";
import type { StoryRow, StorySnapshot } from "./stories";
import type { ArticleChange } from "@/lib/cache/tags";
import type { PassListener } from "@/lib/publishing/scheduler";
import { STORED_DATE_MAX, STORED_DATE_MIN } from "@/lib/validation/dates";
import { lockRowIfFree } from "./claims";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { notifyAfterCommit, SCHEDULER, writeStory, type StoryActor, type StoryWritten } from "./story-writer";
import type { StoryFields } from "@/lib/validation/stories";

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
//
// Every change to a story goes through the one story write path (lib/dal/story-writer.ts), as the editor's do: the
// same validation and publish checks, version check, revision, audit entry and ArticleChange. A story in the trash
// is skipped: never published, updated or reported, and no reason to wake. After each failure's first try the
// story's editors hear of it once (notifyStoryEvent "schedule-failed"); each story the scheduler publishes is
// announced like one an editor publishes ("published").

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
  // Refused by the same checks as the editor's save: say which, in the editor's words.
  if (error instanceof ValidationError) return [error.message, ...Object.values(error.fieldErrors).flat()].join(" ").slice(0, 500);
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

/** Not in the trash. */
const kept = { deletedAt: null };

/**
 * No embargo still running (lib/dal/embargo.ts). A scheduled story whose embargo was moved past its time waits for
 * the embargo to lift (nextScheduledEvent wakes for it); the write path refuses to publish it before then anyway.
 */
function liftedBy(now: Date): Prisma.ArticleWhereInput {
  return { OR: [{ embargoUntil: null }, { embargoUntil: dueBy(now) }] };
}

/**
 * Runs one scheduler write in its own transaction. A write that lost its claim (the story moved, another worker has
 * it, it went to the trash) is nobody's failure: null.
 */
async function claimWrite(db: Db, table: "Article" | "ScheduledUpdate", lockId: string, run: (tx: Prisma.TransactionClient) => Promise<StoryWritten | null>): Promise<StoryWritten | null> {
  try {
    return await db.$transaction(async (tx) => ((await lockRowIfFree(tx, table, lockId)) ? run(tx) : null));
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof LostClaim) return null;
    throw error;
  }
}

/**
 * Publishes every SCHEDULED story whose time has come, each in its own transaction (status, publication time,
 * version, a revision and an audit entry together), then applies due scheduled updates and clears expired breaking
 * flags. Returns what this worker changed, for cache invalidation.
 */
export async function publishDueArticles(now: Date = new Date(), listener: PassListener = {}, db: Db = getDb()): Promise<ArticleChange[]> {
  const due = await db.article.findMany({
    where: { status: ArticleStatus.SCHEDULED, scheduledAt: dueBy(now), ...kept, ...retryDue("scheduleRetryAt", now), AND: [liftedBy(now)] },
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
      if (await recordArticleFailure(db, id, scheduleAttempts, reason, now)) {
        listener.onFailure?.(`story ${slug}`, reason);
        if (scheduleAttempts === 0) await notifyAfterCommit({ kind: "schedule-failed", articleId: id, what: "publish", error: reason });
      }
      continue;
    }
    if (change) {
      changes.push(change);
      listener.onChange?.(change);
      await notifyAfterCommit({ kind: "published", articleId: id, actorId: null });
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

/** Publishes one due story in one transaction; null when it was no longer due (unscheduled, trashed, or another worker's). */
async function publishOne(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  const written = await claimWrite(db, "Article", id, (tx) =>
    writeStory(tx, SCHEDULER, {
      id,
      baseVersion: "stored",
      now,
      // Re-checked by the write itself: an editor may have unscheduled it, another worker published it meanwhile.
      guard: { status: ArticleStatus.SCHEDULED, scheduledAt: dueBy(now) },
      set: (before) => ({
        status: ArticleStatus.PUBLISHED,
        publishedAt: before.publishedAt && before.publishedAt <= now ? before.publishedAt : (before.scheduledAt ?? now),
        scheduledAt: null,
        scheduleAttempts: 0,
        scheduleError: null,
        scheduleRetryAt: null,
      }),
      revision: "Published on schedule",
      audit: (after) => ({ action: "article.publish.scheduled", details: { slug: after.slug } }),
    }),
  );
  return written?.change ?? null;
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
    where: { appliedAt: null, failure: null, runAt: dueBy(now), article: kept, ...retryDue("retryAt", now) },
    orderBy: { runAt: "asc" },
    select: { id: true, attempts: true, article: { select: { id: true, slug: true } } },
  });
  const changes: ArticleChange[] = [];
  for (const { id, attempts, article } of due) {
    let change: ArticleChange | null;
    try {
      change = await applyOne(db, id, now);
    } catch (error) {
      const reason = reasonOf(error);
      if (await recordUpdateFailure(db, id, attempts, reason, now)) {
        listener.onFailure?.(`update to ${article.slug}`, reason);
        if (attempts === 0) await notifyAfterCommit({ kind: "schedule-failed", articleId: article.id, what: "update", error: reason });
      }
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

/** The story fields a scheduled update writes: its text and metadata; the address and flags stay as they are now. */
function fieldsOfUpdate(c: ScheduledChanges, before: StoryRow): StoryFields {
  return {
    headline: c.headline,
    standfirst: c.standfirst,
    body: c.body,
    slug: before.slug,
    sectionId: c.sectionId ?? null,
    tags: c.tags ?? [],
    bylineIds: c.bylineIds ?? [],
    heroMediaId: c.heroMediaId ?? null,
    seoTitle: c.seoTitle ?? null,
    seoDescription: c.seoDescription ?? null,
    breaking: before.breaking,
    breakingUntil: before.breakingUntil,
    featured: before.featured,
    // An update to a live story never sets, moves or lifts an embargo.
    embargoUntil: before.embargoUntil,
  };
}

/**
 * Applies one due update in one transaction; null when there was nothing to apply, it failed for good, or another
 * worker has it. The update goes through the editor's own checks (story-writer): one the editor's save would refuse
 * (a deleted byline, a story not ready for readers) is refused with the same words and retried like any failure.
 */
async function applyOne(db: Db, id: string, now: Date): Promise<ArticleChange | null> {
  let finalFailure: { articleId: string; reason: string } | null = null;
  const written = await claimWrite(db, "ScheduledUpdate", id, async (tx) => {
    const update = await tx.scheduledUpdate.findUnique({ where: { id }, select: { articleId: true, appliedAt: true, failure: true, attempts: true, baseVersion: true, substantive: true, changes: true, createdById: true } });
    if (!update || update.appliedAt || update.failure) return null;
    const story = await tx.article.findUnique({ where: { id: update.articleId }, select: { status: true, version: true, deletedAt: true } });
    if (!story || story.deletedAt) return null;
    const failure =
      story.status !== ArticleStatus.PUBLISHED ? "The story was no longer published when the update was due." : story.version !== update.baseVersion ? "The story was edited after this update was scheduled, so it was not applied over those edits." : null;
    if (failure) {
      // Conditional like every other change: an update another worker has applied is never marked failed.
      const marked = await tx.scheduledUpdate.updateMany({ where: { id, appliedAt: null, failure: null }, data: { failure } });
      if (marked.count === 0) return null;
      await tx.auditLog.create({ data: { action: "article.update.scheduled.failed", entityType: "Article", entityId: update.articleId, details: { reason: failure } } });
      // Told once per item: unless an earlier try already failed (and was told), this is its first failure.
      if (update.attempts === 0) finalFailure = { articleId: update.articleId, reason: failure };
      return null;
    }
    const c = update.changes as unknown as ScheduledChanges;
    // Deleted since it was scheduled: say so plainly (the editor's check would only say "choose from the list").
    if (c.sectionId && !(await tx.section.findUnique({ where: { id: c.sectionId }, select: { id: true } }))) {
      throw new ScheduleProblem("The section chosen for this update has been deleted. Choose another section and schedule the update again.");
    }
    if (c.heroMediaId && !(await tx.media.findUnique({ where: { id: c.heroMediaId }, select: { id: true } }))) {
      throw new ScheduleProblem("The image chosen for this update has been deleted. Choose another image and schedule the update again.");
    }
    const actor: StoryActor = { kind: "scheduler", onBehalfOf: update.createdById };
    const written = await writeStory(tx, actor, {
      id: update.articleId,
      baseVersion: update.baseVersion,
      guard: { status: ArticleStatus.PUBLISHED },
      fields: (before) => fieldsOfUpdate(c, before),
      set: update.substantive ? { substantiveUpdatedAt: now } : {},
      revision: `Scheduled update applied${update.substantive ? " (substantive)" : ""}`,
      audit: { action: "article.update.scheduled.applied", details: { scheduledUpdateId: id } },
    });
    const applied = await tx.scheduledUpdate.updateMany({ where: { id, appliedAt: null, failure: null }, data: { appliedAt: now, lastError: null, retryAt: null } });
    if (applied.count === 0) throw new LostClaim(`scheduled update ${id} was settled by another worker`);
    return written;
  });
  const told = finalFailure as { articleId: string; reason: string } | null;
  if (told) await notifyAfterCommit({ kind: "schedule-failed", articleId: told.articleId, what: "update", error: told.reason });
  return written?.change ?? null;
}

/**
 * Clears every breaking flag whose time has passed, each story in its own transaction with an audit entry, and
 * returns those stories so the pages showing them (and the breaking banner on every page) are expired. Readers
 * already treat a passed `breakingUntil` as not breaking (lib/dal/articles.ts); clearing the flag makes the stored
 * story say so too, and the change is what expires the cached banner. The story's version does not move: a timed
 * expiry is not an edit, so it neither conflicts with an editor's open form nor voids a scheduled update.
 */
export async function expireBreakingFlags(now: Date = new Date(), listener: PassListener = {}, db: Db = getDb()): Promise<ArticleChange[]> {
  const due = await db.article.findMany({ where: { breaking: true, breakingUntil: dueBy(now), ...kept }, orderBy: { breakingUntil: "asc" }, select: { id: true, slug: true } });
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
  const written = await claimWrite(db, "Article", id, (tx) =>
    writeStory(tx, SCHEDULER, {
      id,
      baseVersion: "stored",
      bumpVersion: false,
      guard: { breaking: true, breakingUntil: dueBy(now) },
      set: { breaking: false, breakingUntil: null },
      revision: null,
      audit: (after, before) => ({ action: "article.breaking.expired", details: { slug: after.slug, breakingUntil: before.breakingUntil?.toISOString() ?? null } }),
    }),
  );
  return written?.change ?? null;
}

/**
 * Published stories dated after `after` and up to `upTo`: they appear on the site by the clock alone, with no write,
 * so the scheduler expires their pages when their time passes. Every instance may report them; expiring is idempotent.
 */
export async function storiesComingOut(after: Date, upTo: Date, db: Db = getDb()): Promise<ArticleChange[]> {
  if (upTo <= after) return [];
  const rows = await db.article.findMany({
    where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: after, lte: upTo }, ...kept },
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
  const [scheduled, scheduledRetry, future, breaking, update, updateRetry, embargoLifts] = await Promise.all([
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: null, ...kept }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, scheduleRetryAt: inRange, ...kept }, orderBy: { scheduleRetryAt: "asc" }, select: { scheduleRetryAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now, lte: STORED_DATE_MAX }, ...kept }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { breaking: true, breakingUntil: { gt: now, lte: STORED_DATE_MAX }, ...kept }, orderBy: { breakingUntil: "asc" }, select: { breakingUntil: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: null, article: kept }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null, runAt: inRange, retryAt: inRange, article: kept }, orderBy: { retryAt: "asc" }, select: { retryAt: true } }),
    // A scheduled story held by an embargo goes out when it lifts.
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: inRange, embargoUntil: { gt: now, lte: STORED_DATE_MAX }, ...kept }, orderBy: { embargoUntil: "asc" }, select: { embargoUntil: true } }),
  ]);
  const times = [scheduled?.scheduledAt, scheduledRetry?.scheduleRetryAt, future?.publishedAt, breaking?.breakingUntil, update?.runAt, updateRetry?.retryAt, embargoLifts?.embargoUntil].filter(
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
