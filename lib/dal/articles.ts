import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { publishedWhere } from "./published";

export interface LinkRef {
  slug: string;
  name: string;
}

export interface HeroImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  /** The last substantive update, or null when there has been none ("Updated …", JSON-LD dateModified). */
  updatedAt: Date | null;
  section: LinkRef | null;
  bylines: LinkRef[];
  hero: HeroImage | null;
  breaking: boolean;
}

export interface PublicNote {
  kind: "CORRECTION" | "UPDATE";
  body: string;
  publishedAt: Date;
}

export interface ArticleDetail extends ArticleSummary {
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  tags: LinkRef[];
  corrections: PublicNote[];
}

export const summarySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  substantiveUpdatedAt: true,
  breaking: true,
  breakingUntil: true,
  section: { select: { slug: true, name: true } },
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { slug: true, name: true } } } },
  heroMedia: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true } },
} satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;

export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function toSummary(row: SummaryRow, now: Date = new Date()): ArticleSummary {
  const hero = row.heroMedia;
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    // publishedWhere guarantees a publication time.
    publishedAt: row.publishedAt!,
    updatedAt: row.substantiveUpdatedAt,
    section: row.section,
    bylines: row.bylines.map((b) => b.byline),
    hero: hero
      ? { src: mediaUrl(hero.storageKey), width: hero.width, height: hero.height, alt: hero.alt, caption: hero.caption, credit: hero.credit }
      : null,
    breaking: row.breaking && (!row.breakingUntil || row.breakingUntil > now),
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
  return rows.map((row) => toSummary(row));
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
      corrections: { orderBy: { publishedAt: "asc" }, select: { kind: true, body: true, publishedAt: true } },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    body: row.body,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    tags: row.tags.map((t) => t.tag),
    corrections: row.corrections,
  };
}
