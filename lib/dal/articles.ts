import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { publishedWhere } from "./published";

const summarySelect = {
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  substantiveUpdatedAt: true,
  section: { select: { slug: true, name: true } },
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;

export interface ArticleSummary {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  updatedAt: Date | null;
  section: { slug: string; name: string } | null;
  bylines: { slug: string; name: string }[];
}

export interface ArticleDetail extends ArticleSummary {
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: { slug: string; name: string }[];
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    // publishedWhere guarantees a publication time.
    publishedAt: row.publishedAt!,
    updatedAt: row.substantiveUpdatedAt,
    section: row.section,
    bylines: row.bylines.map((b) => b.byline),
  };
}

/** The newest published stories, newest first. */
export async function listPublishedArticles({ take = 20, skip = 0 } = {}): Promise<ArticleSummary[]> {
  const rows = await getDb().article.findMany({
    where: publishedWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** One published story by its slug, or null when there is none a reader may see. */
export async function getPublishedArticle(slug: string): Promise<ArticleDetail | null> {
  const row = await getDb().article.findFirst({
    where: { ...publishedWhere(), slug },
    select: {
      ...summarySelect,
      body: true,
      seoTitle: true,
      seoDescription: true,
      tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { slug: true, name: true } } } },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    body: row.body,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    tags: row.tags.map((t) => t.tag),
  };
}
