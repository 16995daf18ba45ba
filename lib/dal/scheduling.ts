import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import type { StorySnapshot } from "./stories";
import { replaceTagsAndBylines, tagIdsForNames } from "./article-relations";
import type { ArticleChange } from "@/lib/cache/tags";

// The scheduler acts for nobody in particular: these run inside the server process, never from a request, so they
// carry no user check. Every change they make is recorded in the revision history and the audit log.

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
export async function publishDueArticles(now: Date = new Date()): Promise<ArticleChange[]> {
  const db = getDb();
  const due = await db.article.findMany({
    where: { status: ArticleStatus.SCHEDULED, scheduledAt: { lte: now } },
    orderBy: { scheduledAt: "asc" },
    select: { id: true },
  });
  const changes: ArticleChange[] = [];
  for (const { id } of due) {
    const change = await db.$transaction(async (tx) => {
      // Re-check inside the transaction: an editor may have unscheduled it meanwhile.
      const claimed = await tx.article.updateMany({
        where: { id, status: ArticleStatus.SCHEDULED, scheduledAt: { lte: now } },
        data: { status: ArticleStatus.PUBLISHED, version: { increment: 1 } },
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
    if (change) changes.push(change);
  }
  return [...changes, ...(await applyDueUpdates(now))];
}

/** What a scheduled update stores (lib/dal/workflow.ts scheduleUpdate): the text plus the revision snapshot's fields. */
type ScheduledChanges = StorySnapshot & { headline: string; standfirst: string; body: string };

/**
 * Applies every scheduled update to a live story whose time has come. An update prepared against an older version
 * of the story (someone edited it since) or for a story no longer live is not applied: it is marked failed with the
 * reason, which the editor and dashboard show, so no edit is overwritten.
 */
export async function applyDueUpdates(now: Date = new Date()): Promise<ArticleChange[]> {
  const db = getDb();
  const due = await db.scheduledUpdate.findMany({
    where: { appliedAt: null, failure: null, runAt: { lte: now } },
    orderBy: { runAt: "asc" },
    select: { id: true },
  });
  const changes: ArticleChange[] = [];
  for (const { id } of due) {
    const change = await db.$transaction(async (tx) => {
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
      await tx.scheduledUpdate.update({ where: { id }, data: { appliedAt: now } });
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
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * The next moment the reader site changes by itself: a scheduled story falls due, a story dated in the future
 * comes out, or a breaking flag expires. Null when nothing is pending.
 */
export async function nextScheduledEvent(now: Date = new Date()): Promise<Date | null> {
  const db = getDb();
  const [scheduled, future, breaking, update] = await Promise.all([
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: { not: null } }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, breaking: true, breakingUntil: { gt: now } }, orderBy: { breakingUntil: "asc" }, select: { breakingUntil: true } }),
    db.scheduledUpdate.findFirst({ where: { appliedAt: null, failure: null }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
  ]);
  const times = [scheduled?.scheduledAt, future?.publishedAt, breaking?.breakingUntil, update?.runAt].filter((t): t is Date => t instanceof Date);
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
