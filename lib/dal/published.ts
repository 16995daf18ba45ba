import "server-only";
import { ArticleStatus, type Prisma } from "@/lib/db";

/**
 * The one filter every reader query uses: published, and published at or before now. Drafts, stories in review,
 * scheduled and archived stories never match it.
 */
export function publishedWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: ArticleStatus.PUBLISHED, publishedAt: { lte: now } };
}
