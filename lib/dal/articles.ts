import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { keepFor, storyTags } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { renderArticleBody, type Heading } from "@/lib/content/markdown";
import { measureReading } from "@/lib/content/reading-time";
import { responsiveSrcSet } from "@/lib/media/variants";
import type { WorkTypeName } from "@/lib/validation/stories";
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
  /** The type of work (News, Analysis, Opinion…): labelled on cards and the article unless it is plain news. */
  workType: WorkTypeName;
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
  /** The type of work (The Trust Project): labelled on the page and mapped to the JSON-LD @type. */
  workType: WorkTypeName;
  /** Where the story was reported ("WASHINGTON"), or null. */
  dateline: string | null;
  /** A live coverage (#12 §1): its start and end (null while open), or null for a normal story. */
  live?: { startedAt: Date | null; endedAt: Date | null } | null;
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
  workType: true,
  section: { select: { slug: true, name: true } },
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { slug: true, name: true } } } },
  heroMedia: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true, variants: true } },
} satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;
type HeroRow = NonNullable<SummaryRow["heroMedia"]>;
// Feeds select their own hero fields, without the responsive variants, and no type of work.
type SummaryInput = Omit<SummaryRow, "heroMedia" | "workType"> & {
  heroMedia: (Omit<HeroRow, "variants"> & Partial<Pick<HeroRow, "variants">>) | null;
  workType?: SummaryRow["workType"];
};

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
    workType: row.workType ?? "NEWS",
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
export async function listPublishedArticles({ take = 20, skip = 0 }: { take?: number; skip?: number } = {}): Promise<ArticleSummary[]> {
  "use cache";
  const rows = await getDb().article.findMany({
    where: publishedWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: summarySelect,
  });
  keepFor(TAGS.front, ...storyTags(rows));
  return rows.map((row) => toSummary(row));
}

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
      workType: true,
      dateline: true,
      liveCoverage: true,
      coverageStartedAt: true,
      coverageEndedAt: true,
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
      workType: row.workType,
      dateline: row.dateline,
      live: row.liveCoverage ? { startedAt: row.coverageStartedAt, endedAt: row.coverageEndedAt } : null,
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
export async function getPublishedArticle(slug: string): Promise<ArticlePageData | null> {
  // Looked up uncached first, so a request for a slug that isn't a story stores nothing anywhere.
  const found = await getDb().article.findFirst({ where: { ...publishedWhere(), slug }, select: { id: true } });
  return found ? publishedArticlePage(found.id, slug) : null;
}

async function publishedArticlePage(id: string, slug: string): Promise<ArticlePageData | null> {
  "use cache";
  const data = await loadArticlePage({ ...publishedWhere(), id, slug });
  // Its related stories come from its section and tags: a story published there may now be among them.
  keepFor(
    TAGS.story(id),
    TAGS.article(slug),
    ...(data?.article.section ? [TAGS.section(data.article.section.slug)] : []),
    ...(data?.article.tags ?? []).map((tag) => TAGS.tag(tag.slug)),
    ...(data?.article.bylines ?? []).map((byline) => TAGS.byline(byline.slug)),
    ...storyTags(data?.related ?? []),
  );
  return data;
}

/** Where an old slug of a published story now lives, or null. */
export async function findRedirect(slug: string): Promise<string | null> {
  const known = await getDb().slugRedirect.findFirst({ where: { fromSlug: slug, article: publishedWhere() }, select: { articleId: true } });
  return known ? redirectTarget(slug) : null;
}

async function redirectTarget(slug: string): Promise<string | null> {
  "use cache";
  const redirect = await getDb().slugRedirect.findFirst({
    where: { fromSlug: slug, article: publishedWhere() },
    select: { article: { select: { id: true, slug: true } } },
  });
  keepFor(TAGS.article(slug), ...(redirect ? [TAGS.story(redirect.article.id), TAGS.article(redirect.article.slug)] : []));
  return redirect?.article.slug ?? null;
}

export interface HomePageData {
  lead: ArticleSummary | null;
  /** The next stories, under or beside the lead, with smaller images. */
  secondary: ArticleSummary[];
  /** The newest of the rest, a river of headlines with their times. */
  latest: ArticleSummary[];
  /** A block per section with stories not already shown above; sections with none left are left out. */
  sections: { section: LinkRef; articles: ArticleSummary[] }[];
}

const SECONDARY = 4;
const LATEST = 8;
const PER_SECTION = 4;

/**
 * Up to `count` of `items`, in order, that are not in `shown`, which then holds them too. Every slot of a front takes
 * its stories through one `shown` set, so no story appears twice on one front.
 */
export function takeUnshown<T extends { id: string }>(items: Iterable<T | null | undefined>, shown: Set<string>, count: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length === count) break;
    if (!item || shown.has(item.id)) continue;
    shown.add(item.id);
    taken.push(item);
  }
  return taken;
}

/**
 * The front page: the lead (pinned by an editor, else the newest), the secondary stories, the latest river, and a
 * block per section, each story once: a section block shows the newest of its stories not already above.
 */
export async function getHomePage(): Promise<HomePageData> {
  "use cache";
  const db = getDb();
  const where = publishedWhere();
  const order = [{ publishedAt: "desc" }, { id: "desc" }] satisfies Prisma.ArticleOrderByWithRelationInput[];
  const [pinned, newest, sections] = await Promise.all([
    db.article.findFirst({ where: { ...where, featured: true }, orderBy: order, select: summarySelect }),
    db.article.findMany({ where, orderBy: order, take: 1 + SECONDARY + LATEST, select: summarySelect }),
    db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } }),
  ]);
  const shown = new Set<string>();
  const [lead = null] = takeUnshown([pinned, ...newest], shown, 1);
  const secondary = takeUnshown(newest, shown, SECONDARY);
  const latest = takeUnshown(newest, shown, LATEST);
  const above = [...shown];
  // Excluded in the query, so each block still gets its PER_SECTION stories when its newest are already above.
  const blockRows = await Promise.all(
    sections.map((section) =>
      db.article.findMany({
        where: { ...where, sectionId: section.id, ...(above.length > 0 && { id: { notIn: above } }) },
        orderBy: order,
        take: PER_SECTION,
        select: summarySelect,
      }),
    ),
  );
  const blocks = sections
    .map((section, i) => ({ section: { slug: section.slug, name: section.name }, rows: takeUnshown(blockRows[i], shown, PER_SECTION) }))
    .filter((block) => block.rows.length > 0);
  // Any publish or unpublish can change the front (TAGS.front); each story on it expires it when edited.
  keepFor(TAGS.front, TAGS.sections, ...storyTags([lead, ...secondary, ...latest, ...blocks.flatMap((block) => block.rows)]));
  return {
    lead: lead ? toSummary(lead) : null,
    secondary: secondary.map((row) => toSummary(row)),
    latest: latest.map((row) => toSummary(row)),
    sections: blocks.map(({ section, rows }) => ({ section, articles: rows.map((row) => toSummary(row)) })),
  };
}

/** Published stories flagged breaking whose expiry has not passed, newest first. */
export async function listBreakingNews(): Promise<ArticleSummary[]> {
  "use cache";
  const now = new Date();
  const rows = await getDb().article.findMany({
    where: { ...publishedWhere(now), breaking: true, OR: [{ breakingUntil: null }, { breakingUntil: { gt: now } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 3,
    select: summarySelect,
  });
  // The flag's expiry is a scheduled job that expires TAGS.breaking (lib/dal/scheduling.ts).
  keepFor(TAGS.breaking, ...storyTags(rows));
  return rows.map((row) => toSummary(row, now));
}

export interface SectionView extends LinkRef {
  description: string;
}

export async function listSections(): Promise<SectionView[]> {
  "use cache";
  keepFor(TAGS.sections);
  return getDb().section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true, description: true } });
}

/** A section and one page of its published stories, or null for an unknown section. */
export async function getSectionPage(slug: string, page: number): Promise<{ section: SectionView; articles: Page<ArticleSummary> } | null> {
  const section = await getDb().section.findUnique({ where: { slug }, select: { id: true } });
  return section ? sectionPage(section.id, page) : null;
}

async function sectionPage(id: string, page: number): Promise<{ section: SectionView; articles: Page<ArticleSummary> } | null> {
  "use cache";
  const section = await getDb().section.findUnique({ where: { id }, select: { slug: true, name: true, description: true } });
  const articles = section ? await pageOf({ ...publishedWhere(), sectionId: id }, page) : null;
  keepFor(TAGS.sections, ...(section ? [TAGS.section(section.slug)] : []), ...storyTags(articles?.items ?? []));
  return section && articles ? { section, articles } : null;
}

/**
 * A tag or byline has a reader page (and feed) only while a published story carries it: a tag or byline used only on
 * drafts would otherwise give the draft away. Sections are the exception: every section is in the site's
 * navigation, so an empty one still has its page. Read from the links' listing column (kept by database triggers
 * from the story's status and publication time), so the question is one index lookup at any archive size.
 */
export function hasPublishedStory(now: Date = new Date()) {
  return { some: { listedAt: { lte: now } } } satisfies Prisma.ArticleTagListRelationFilter & Prisma.ArticleBylineListRelationFilter;
}

const newestLinksFirst = [{ listedAt: "desc" }, { articleId: "desc" }] as const;
type Listed = { listedAt: { lte: Date } };

/** What a page of a hub needs of its link table; ArticleTag's and ArticleByline's delegates both fit. */
interface LinkTable<Key> {
  count(args: { where: Key & Listed }): PromiseLike<number>;
  findMany(args: {
    where: Key & Listed;
    orderBy: (typeof newestLinksFirst)[number][];
    skip: number;
    take: number;
    select: { articleId: true };
  }): PromiseLike<{ articleId: string }[]>;
}

/**
 * One page of a tag's or byline's published stories, newest first, read from the links' (hub, listedAt, articleId)
 * index: the newest stories of a tag on 30,000 stories are the first entries of that index, not a sort of them all.
 * The stories themselves are then read by id, under the reader filter again (a link is never the only check).
 */
async function pageOfLinks<Key>(links: LinkTable<Key>, key: Key, page: number, now: Date): Promise<Page<ArticleSummary>> {
  const where = { ...key, listedAt: { lte: now } };
  const [total, ids] = await Promise.all([
    links.count({ where }),
    links
      .findMany({ where, orderBy: [...newestLinksFirst], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { articleId: true } })
      .then((rows) => rows.map((row) => row.articleId)),
  ]);
  const rows = ids.length ? await getDb().article.findMany({ where: { ...publishedWhere(now), id: { in: ids } }, select: summarySelect }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row, now)] : [];
  });
  return { items, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

/** A tag and one page of its published stories, or null for an unknown tag or one no published story carries. */
export async function getTagPage(slug: string, page: number): Promise<{ tag: LinkRef; articles: Page<ArticleSummary> } | null> {
  const tag = await getDb().tag.findFirst({ where: { slug, articles: hasPublishedStory() }, select: { id: true } });
  return tag ? tagPage(tag.id, page) : null;
}

async function tagPage(id: string, page: number): Promise<{ tag: LinkRef; articles: Page<ArticleSummary> } | null> {
  "use cache";
  const db = getDb();
  const tag = await db.tag.findUnique({ where: { id }, select: { slug: true, name: true } });
  const articles = tag ? await pageOfLinks(db.articleTag, { tagId: id }, page, new Date()) : null;
  keepFor(...(tag ? [TAGS.tag(tag.slug)] : []), ...storyTags(articles?.items ?? []));
  return tag && articles ? { tag, articles } : null;
}

export interface AuthorView extends LinkRef {
  bio: string;
}

/** A byline with its bio and one page of its published stories, or null for an unknown byline or one with none. */
export async function getAuthorPage(slug: string, page: number): Promise<{ author: AuthorView; articles: Page<ArticleSummary> } | null> {
  const byline = await getDb().byline.findFirst({ where: { slug, articles: hasPublishedStory() }, select: { id: true } });
  return byline ? authorPage(byline.id, page) : null;
}

async function authorPage(id: string, page: number): Promise<{ author: AuthorView; articles: Page<ArticleSummary> } | null> {
  "use cache";
  const db = getDb();
  const author = await db.byline.findUnique({ where: { id }, select: { slug: true, name: true, bio: true } });
  const articles = author ? await pageOfLinks(db.articleByline, { bylineId: id }, page, new Date()) : null;
  keepFor(...(author ? [TAGS.byline(author.slug)] : []), ...storyTags(articles?.items ?? []));
  return author && articles ? { author, articles } : null;
}
