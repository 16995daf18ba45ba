import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { cachedQuery } from "@/lib/cache/cached";
import { TAGS } from "@/lib/cache/tags";
import { renderArticleBody, type Heading } from "@/lib/content/markdown";
import { measureReading } from "@/lib/content/reading-time";
import { responsiveSrcSet } from "@/lib/media/variants";
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
  /** The stored responsive widths as a `srcset`, when the image has them (lib/media/variants.ts). */
  srcSet?: string;
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
  heroMedia: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true, variants: true } },
} satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;
type HeroRow = NonNullable<SummaryRow["heroMedia"]>;
// Feeds select their own hero fields, without the responsive variants.
type SummaryInput = Omit<SummaryRow, "heroMedia"> & { heroMedia: (Omit<HeroRow, "variants"> & Partial<Pick<HeroRow, "variants">>) | null };

export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function toSummary(row: SummaryInput, now: Date = new Date()): ArticleSummary {
  const hero = row.heroMedia;
  const srcSet = hero ? responsiveSrcSet(hero.storageKey, hero.variants) : undefined;
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
      ? { src: mediaUrl(hero.storageKey), width: hero.width, height: hero.height, alt: hero.alt, caption: hero.caption, credit: hero.credit, ...(srcSet && { srcSet }) }
      : null,
    breaking: row.breaking && (!row.breakingUntil || row.breakingUntil > now),
  };
}

export const PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

async function pageOf(where: Prisma.ArticleWhereInput, page: number, pageSize = PAGE_SIZE): Promise<Page<ArticleSummary>> {
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: summarySelect,
    }),
  ]);
  return { items: rows.map((row) => toSummary(row)), page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

/** The newest published stories, newest first. */
export const listPublishedArticles = cachedQuery(
  "published-articles",
  async ({ take = 20, skip = 0 }: { take?: number; skip?: number } = {}): Promise<ArticleSummary[]> => {
    const rows = await getDb().article.findMany({
      where: publishedWhere(),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take,
      skip,
      select: summarySelect,
    });
    return rows.map((row) => toSummary(row));
  },
  () => [TAGS.articles],
);

export interface ArticlePageData {
  article: ArticleDetail;
  bodyHtml: string;
  headings: Heading[];
  readingMinutes: number;
  related: ArticleSummary[];
}

const RELATED_COUNT = 3;

/**
 * Builds the article page's data for the story matching `where` (readers: published by slug; newsroom preview: any
 * state by id, dated now when it has no publication time yet). Related stories are always published ones.
 */
export async function loadArticlePage(where: Prisma.ArticleWhereInput, now: Date = new Date()): Promise<ArticlePageData | null> {
  const db = getDb();
  const found = await db.article.findFirst({
    where,
    select: {
      ...summarySelect,
      sectionId: true,
      body: true,
      seoTitle: true,
      seoDescription: true,
      tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { id: true, slug: true, name: true } } } },
      corrections: { orderBy: { publishedAt: "asc" }, select: { kind: true, body: true, publishedAt: true } },
    },
  });
  if (!found) return null;
  const row = { ...found, publishedAt: found.publishedAt ?? now };
  const tagIds = row.tags.map((t) => t.tag.id);
  const relatedRows = await db.article.findMany({
    where: {
      ...publishedWhere(),
      id: { not: row.id },
      OR: [...(row.sectionId ? [{ sectionId: row.sectionId }] : []), { tags: { some: { tagId: { in: tagIds } } } }],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: RELATED_COUNT,
    select: summarySelect,
  });
  const { html, headings } = await renderArticleBody(row.body);
  return {
    article: {
      ...toSummary(row),
      body: row.body,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      tags: row.tags.map(({ tag }) => ({ slug: tag.slug, name: tag.name })),
      corrections: row.corrections,
    },
    bodyHtml: html,
    headings,
    readingMinutes: measureReading(row.body).minutes,
    related: relatedRows.map((r) => toSummary(r)),
  };
}

/** Everything the article page shows for one published story, or null when readers may not see it. */
export const getPublishedArticle = cachedQuery(
  "published-article",
  async (slug: string): Promise<ArticlePageData | null> => loadArticlePage({ ...publishedWhere(), slug }),
  ([slug]) => [TAGS.articles, TAGS.article(slug)],
);

/** Where an old slug of a published story now lives, or null. */
export const findRedirect = cachedQuery(
  "article-redirect",
  async (slug: string): Promise<string | null> => {
    const redirect = await getDb().slugRedirect.findFirst({
      where: { fromSlug: slug, article: publishedWhere() },
      select: { article: { select: { slug: true } } },
    });
    return redirect?.article.slug ?? null;
  },
  ([slug]) => [TAGS.articles, TAGS.article(slug)],
);

export interface HomePageData {
  lead: ArticleSummary | null;
  topStories: ArticleSummary[];
  latest: ArticleSummary[];
  sections: { section: LinkRef; articles: ArticleSummary[] }[];
}

const TOP_STORIES = 4;
const LATEST = 10;
const PER_SECTION = 4;

/**
 * The front page: the lead (pinned by an editor, else the newest), top stories, the latest river, and a block per
 * section (without the lead, which already heads the page).
 */
export const getHomePage = cachedQuery(
  "home-page",
  async (): Promise<HomePageData> => {
    const db = getDb();
    const where = publishedWhere();
    const [pinned, newest, sections] = await Promise.all([
      db.article.findFirst({ where: { ...where, featured: true }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: summarySelect }),
      db.article.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 1 + TOP_STORIES + LATEST, select: summarySelect }),
      db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } }),
    ]);
    const lead = pinned ?? newest[0] ?? null;
    const rest = newest.filter((row) => row.id !== lead?.id);
    const sectionBlocks = await Promise.all(
      sections.map(async (section) => ({
        section: { slug: section.slug, name: section.name },
        articles: (
          await db.article.findMany({
            where: { ...where, sectionId: section.id, ...(lead ? { id: { not: lead.id } } : {}) },
            orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
            take: PER_SECTION,
            select: summarySelect,
          })
        ).map((row) => toSummary(row)),
      })),
    );
    return {
      lead: lead ? toSummary(lead) : null,
      topStories: rest.slice(0, TOP_STORIES).map((row) => toSummary(row)),
      latest: rest.slice(TOP_STORIES).map((row) => toSummary(row)),
      sections: sectionBlocks.filter((block) => block.articles.length > 0),
    };
  },
  () => [TAGS.articles, TAGS.sections],
);

/** Published stories flagged breaking whose expiry has not passed, newest first. */
export const listBreakingNews = cachedQuery(
  "breaking-news",
  async (): Promise<ArticleSummary[]> => {
    const now = new Date();
    const rows = await getDb().article.findMany({
      where: { ...publishedWhere(now), breaking: true, OR: [{ breakingUntil: null }, { breakingUntil: { gt: now } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 3,
      select: summarySelect,
    });
    return rows.map((row) => toSummary(row, now));
  },
  () => [TAGS.articles],
);

export interface SectionView extends LinkRef {
  description: string;
}

export const listSections = cachedQuery(
  "sections",
  async (): Promise<SectionView[]> =>
    getDb().section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true, description: true } }),
  () => [TAGS.sections],
);

/** A section and one page of its published stories, or null for an unknown section. */
export const getSectionPage = cachedQuery(
  "section-page",
  async (slug: string, page: number): Promise<{ section: SectionView; articles: Page<ArticleSummary> } | null> => {
    const section = await getDb().section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
    if (!section) return null;
    const { id, ...view } = section;
    return { section: view, articles: await pageOf({ ...publishedWhere(), sectionId: id }, page) };
  },
  ([slug]) => [TAGS.articles, TAGS.sections, TAGS.section(slug)],
);

/**
 * A tag or byline has a reader page (and feed) only while a published story carries it: a tag or byline used only on
 * drafts would otherwise give the draft away. Sections are the exception: every section is in the site's
 * navigation, so an empty one still has its page.
 */
export function hasPublishedStory(now: Date = new Date()) {
  return { some: { article: publishedWhere(now) } } satisfies Prisma.ArticleTagListRelationFilter & Prisma.ArticleBylineListRelationFilter;
}

/** A tag and one page of its published stories, or null for an unknown tag or one no published story carries. */
export const getTagPage = cachedQuery(
  "tag-page",
  async (slug: string, page: number): Promise<{ tag: LinkRef; articles: Page<ArticleSummary> } | null> => {
    const tag = await getDb().tag.findFirst({ where: { slug, articles: hasPublishedStory() }, select: { id: true, slug: true, name: true } });
    if (!tag) return null;
    return { tag: { slug: tag.slug, name: tag.name }, articles: await pageOf({ ...publishedWhere(), tags: { some: { tagId: tag.id } } }, page) };
  },
  ([slug]) => [TAGS.articles, TAGS.tag(slug)],
);

export interface AuthorView extends LinkRef {
  bio: string;
}

/** A byline with its bio and one page of its published stories, or null for an unknown byline or one with none. */
export const getAuthorPage = cachedQuery(
  "author-page",
  async (slug: string, page: number): Promise<{ author: AuthorView; articles: Page<ArticleSummary> } | null> => {
    const byline = await getDb().byline.findFirst({ where: { slug, articles: hasPublishedStory() }, select: { id: true, slug: true, name: true, bio: true } });
    if (!byline) return null;
    const { id, ...author } = byline;
    return { author, articles: await pageOf({ ...publishedWhere(), bylines: { some: { bylineId: id } } }, page) };
  },
  ([slug]) => [TAGS.articles, TAGS.byline(slug)],
);
