import "server-only";
import { TAGS } from "@/lib/cache/tags";
import { keepFor } from "@/lib/cache/keep";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { ABOUT_PATH, articlePath, authorPath, HOME_PATH, sectionPath, tagPath } from "@/lib/seo/urls";
import {
  ARTICLE_SITEMAP_CHUNK_SIZE,
  chunkCount,
  NEWS_SITEMAP_LIMIT,
  NEWS_SITEMAP_WINDOW_MS,
  SITEMAP_CHUNK_SIZE,
  type NewsPublication,
  type NewsSitemapEntry,
  type SitemapKind,
  type SitemapUrl,
} from "@/lib/seo/sitemaps";
import { publishedWhere } from "./published";

interface ChunkOptions {
  chunkSize?: number;
  now?: Date;
}

type Dated = { publishedAt: Date | null; substantiveUpdatedAt: Date | null };

/** A story's sitemap date: its last substantive update, else its publication. */
function lastModified(row: Dated): Date | null {
  return row.substantiveUpdatedAt ?? row.publishedAt;
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

type NewestRow = { slug: string; newest: Date | string | null };

// The two kinds of hub and their link tables. Fixed names, never input: they are written into the SQL text below.
const HUB_TABLES = {
  tag: { hub: '"Tag"', links: '"ArticleTag"', key: '"tagId"' },
  byline: { hub: '"Byline"', links: '"ArticleByline"', key: '"bylineId"' },
} as const;

type Hub = keyof typeof HUB_TABLES;

/**
 * A hub (tag or byline) has a published story by now when its earliest listed link is: its "firstListedAt", which
 * database triggers keep from its links' listing columns (migration *_sitemap_hubs), like "lastListedAt" and
 * "lastmod" below. Exactly "some link with listedAt <= now", in one column.
 */
const listedBy = (now: Date) => ({ firstListedAt: { lte: now } });

/**
 * Each tag or byline that a published story carries, with its newest story's date, in one read of the hub table.
 * A hub's "lastmod" is the newest of all its listed links, which is its date whenever all of them are live
 * ("lastListedAt" <= now). A hub with a story published for later ("lastListedAt" still to come) must not be dated
 * by that story yet: only those few run the subquery, which takes the first entry of the hub's (hub, lastmod,
 * listedAt) index that is published by now (a CASE evaluates only the branch it takes, on both engines).
 */
async function newestPerHub(kind: Hub, now: Date): Promise<Map<string, Date>> {
  const { hub, links, key } = HUB_TABLES[kind];
  // $queryRaw with the table names in its text and `now` as its bound values (what Prisma.raw would build): a
  // findMany of the three columns spent longer turning 2,000 rows' dates into Date objects than reading them.
  const text = [
    `SELECT "h"."slug" AS "slug",
            CASE WHEN "h"."lastListedAt" <= `,
    ` THEN "h"."lastmod" ELSE
              (SELECT "x"."lastmod" FROM ${links} "x"
               WHERE "x".${key} = "h"."id" AND "x"."lastmod" IS NOT NULL AND "x"."listedAt" <= `,
    `
               ORDER BY "x"."lastmod" DESC LIMIT 1) END AS "newest"
     FROM ${hub} "h"
     WHERE "h"."firstListedAt" <= `,
    ``,
  ];
  const rows = await getDb().$queryRaw<NewestRow[]>(Object.assign(text, { raw: text }), now, now, now);
  // SQLite hands dates back as the text it stores them as.
  return new Map(rows.flatMap((row) => (row.newest === null ? [] : [[row.slug, new Date(row.newest)] as const])));
}

const datesSelect = { publishedAt: true, substantiveUpdatedAt: true } satisfies Prisma.ArticleSelect;

// Oldest first, so a story stays in the same chunk as newer ones are added after it.
const chunkOrder: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "asc" }, { id: "asc" }];

/**
 * The first story of a chunk (1-based), or null past the last chunk: found by stepping over the earlier chunks in the
 * (status, publishedAt, id) index alone, reading no story.
 */
async function chunkStart(chunk: number, chunkSize: number, now: Date) {
  const first = await getDb().article.findFirst({
    where: publishedWhere(now),
    orderBy: chunkOrder,
    skip: (chunk - 1) * chunkSize,
    select: { publishedAt: true, id: true },
  });
  return first?.publishedAt ? { publishedAt: first.publishedAt, id: first.id } : null;
}

/**
 * One chunk of published story URLs (1-based), or null past the last chunk: one range of the (status, publishedAt,
 * id) index from the chunk's first story (keyset), instead of an OFFSET that fetches every skipped story.
 */
export async function querySitemapArticles(chunk: number, { chunkSize = ARTICLE_SITEMAP_CHUNK_SIZE, now = new Date() }: ChunkOptions = {}) {
  const first = await chunkStart(chunk, chunkSize, now);
  if (!first) return null;
  const from = first.publishedAt;
  const rows = await getDb().article.findMany({
    // The plain `gte` gives the index its range start; the OR drops stories of the same instant before the first.
    where: { AND: [publishedWhere(now), { publishedAt: { gte: from } }, { OR: [{ publishedAt: { gt: from } }, { id: { gte: first.id } }] }] },
    orderBy: chunkOrder,
    take: chunkSize,
    select: { slug: true, ...datesSelect },
  });
  return rows.map((row): SitemapUrl => ({ path: articlePath(row.slug), lastModified: lastModified(row) }));
}

type SectionNewestRow = { slug: string; published: Date | string | null; updated: Date | string | null };

/**
 * Each section, in menu order, with its newest story's date: its newest publication and its newest substantive
 * update, each the top of a (section, status, date) index, for every section in one statement (two dozen separate
 * queries cost more in round trips than in reading).
 */
async function newestPerSection(now: Date): Promise<{ slug: string; newest: Date | null }[]> {
  // publishedWhere(now), spelled in SQL.
  const published = `"a"."sectionId" = "s"."id" AND "a"."status" = '${ArticleStatus.PUBLISHED}' AND "a"."publishedAt" <= `;
  const text = [
    `SELECT "s"."slug" AS "slug",
            (SELECT "a"."publishedAt" FROM "Article" "a" WHERE ${published}`,
    ` ORDER BY "a"."publishedAt" DESC LIMIT 1) AS "published",
            (SELECT "a"."substantiveUpdatedAt" FROM "Article" "a" WHERE ${published}`,
    ` AND "a"."substantiveUpdatedAt" IS NOT NULL ORDER BY "a"."substantiveUpdatedAt" DESC LIMIT 1) AS "updated"
     FROM "Section" "s"
     ORDER BY "s"."sortOrder" ASC, "s"."slug" ASC`,
  ];
  const rows = await getDb().$queryRaw<SectionNewestRow[]>(Object.assign(text, { raw: text }), now, now);
  // SQLite hands dates back as the text it stores them as.
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({ slug: row.slug, newest: latest(date(row.published), date(row.updated)) }));
}

/**
 * Every other page worth indexing: home, about, each section, and each tag and author with at least one published
 * story (an empty tag page is thin, and a tag used only on drafts would give a draft away). A hub's date is its
 * newest story's.
 */
export async function listSitemapPages({ now = new Date() }: { now?: Date } = {}): Promise<SitemapUrl[]> {
  const db = getDb();
  const published = publishedWhere(now);
  // The newest publication and the newest substantive update each come from the top of an index (one step each),
  // not from an aggregate over every published story.
  const newestOnSite = async (): Promise<Date | null> => {
    const [byPublication, byUpdate] = await Promise.all([
      db.article.findFirst({ where: published, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { publishedAt: true } }),
      db.article.findFirst({ where: { ...published, substantiveUpdatedAt: { not: null } }, orderBy: { substantiveUpdatedAt: "desc" }, select: { substantiveUpdatedAt: true } }),
    ]);
    return latest(byPublication?.publishedAt ?? null, byUpdate?.substantiveUpdatedAt ?? null);
  };
  const [home, settings, sections, tags, bylines] = await Promise.all([
    newestOnSite(),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { updatedAt: true } }),
    newestPerSection(now),
    newestPerHub("tag", now),
    newestPerHub("byline", now),
  ]);
  const bySlug = (map: Map<string, Date>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    { path: HOME_PATH, lastModified: home },
    { path: ABOUT_PATH, lastModified: settings?.updatedAt ?? null },
    ...sections.map((s) => ({ path: sectionPath(s.slug), lastModified: s.newest })),
    ...bySlug(tags).map(([slug, date]) => ({ path: tagPath(slug), lastModified: date })),
    ...bySlug(bylines).map(([slug, date]) => ({ path: authorPath(slug), lastModified: date })),
  ];
}

/** One chunk of the pages list (1-based), or null past the last chunk. */
export async function querySitemapPagesChunk(chunk: number, { chunkSize = SITEMAP_CHUNK_SIZE, now }: ChunkOptions = {}) {
  const pages = await listSitemapPages({ now });
  const slice = pages.slice((chunk - 1) * chunkSize, chunk * chunkSize);
  return slice.length > 0 ? slice : null;
}

/** How many chunk files each kind of sitemap needs right now (`chunkSize`, when given, for both kinds). */
export async function loadSitemapChunkCounts({ chunkSize, now = new Date() }: ChunkOptions = {}): Promise<
  Record<SitemapKind, number>
> {
  const db = getDb();
  const published = publishedWhere(now);
  const [articles, sections, tags, bylines] = await Promise.all([
    db.article.count({ where: published }),
    db.section.count(),
    db.tag.count({ where: listedBy(now) }),
    db.byline.count({ where: listedBy(now) }),
  ]);
  // Home and about are always there.
  return {
    articles: chunkCount(articles, chunkSize ?? ARTICLE_SITEMAP_CHUNK_SIZE),
    pages: chunkCount(2 + sections + tags + bylines, chunkSize ?? SITEMAP_CHUNK_SIZE),
  };
}

/** Stories published in the last 48 hours, newest first, with the publication's name and language. */
export async function getNewsSitemap({ now = new Date() }: { now?: Date } = {}): Promise<{
  publication: NewsPublication;
  entries: NewsSitemapEntry[];
}> {
  const db = getDb();
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS);
  const [settings, rows] = await Promise.all([
    db.siteSettings.findUnique({ where: { id: 1 }, select: { name: true, language: true } }),
    db.article.findMany({
      where: { AND: [publishedWhere(now), { publishedAt: { gte: since } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: NEWS_SITEMAP_LIMIT,
      select: { slug: true, headline: true, publishedAt: true },
    }),
  ]);
  return {
    publication: settings ?? { name: "BreakingOn", language: "en" },
    // publishedWhere guarantees a publication time.
    entries: rows.map((row) => ({ path: articlePath(row.slug), title: row.headline, publishedAt: row.publishedAt! })),
  };
}

// Sitemaps carry one tag for all stories: any publish, edit or unpublish expires them.

/**
 * One chunk of published story URLs (1-based), or null past the last chunk (nothing stored for it). Whether the
 * chunk exists is asked of the index directly — one step — rather than by counting every published story.
 */
export async function listSitemapArticles(chunk: number): Promise<SitemapUrl[] | null> {
  return Number.isInteger(chunk) && chunk >= 1 && (await chunkStart(chunk, ARTICLE_SITEMAP_CHUNK_SIZE, new Date())) ? cachedSitemapArticles(chunk) : null;
}

async function cachedSitemapArticles(chunk: number): Promise<SitemapUrl[] | null> {
  "use cache";
  keepFor(TAGS.sitemaps);
  return querySitemapArticles(chunk);
}

/** One chunk of the pages list (1-based), or null past the last chunk (nothing stored for it). */
export async function listSitemapPagesChunk(chunk: number): Promise<SitemapUrl[] | null> {
  // The first chunk always exists (home and about), so it needs no count of every story, tag and byline first.
  if (chunk === 1) return cachedSitemapPages(1);
  const counts = await getSitemapChunkCounts();
  return chunk >= 2 && chunk <= counts.pages ? cachedSitemapPages(chunk) : null;
}

async function cachedSitemapPages(chunk: number): Promise<SitemapUrl[] | null> {
  "use cache";
  keepFor(TAGS.sitemaps, TAGS.sections, TAGS.settings);
  return querySitemapPagesChunk(chunk);
}

export async function getSitemapChunkCounts(): Promise<Record<SitemapKind, number>> {
  "use cache";
  keepFor(TAGS.sitemaps, TAGS.sections);
  return loadSitemapChunkCounts();
}

/** The news sitemap's stories; the two-day window moves on by the hour (the cache profile's revalidation). */
export async function getCachedNewsSitemap(): Promise<Awaited<ReturnType<typeof getNewsSitemap>>> {
  "use cache";
  keepFor(TAGS.sitemaps, TAGS.settings);
  return getNewsSitemap();
}
