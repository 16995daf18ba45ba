import "server-only";
import { ArticleStatus, getDb } from "@/lib/db";
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
  return changes;
}

/**
 * The next moment the reader site changes by itself: a scheduled story falls due, a story dated in the future
 * comes out, or a breaking flag expires. Null when nothing is pending.
 */
export async function nextScheduledEvent(now: Date = new Date()): Promise<Date | null> {
  const db = getDb();
  const [scheduled, future, breaking] = await Promise.all([
    db.article.findFirst({ where: { status: ArticleStatus.SCHEDULED, scheduledAt: { not: null } }, orderBy: { scheduledAt: "asc" }, select: { scheduledAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now } }, orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { status: ArticleStatus.PUBLISHED, breaking: true, breakingUntil: { gt: now } }, orderBy: { breakingUntil: "asc" }, select: { breakingUntil: true } }),
  ]);
  const times = [scheduled?.scheduledAt, future?.publishedAt, breaking?.breakingUntil].filter((t): t is Date => t instanceof Date);
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
