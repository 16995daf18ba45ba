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

// Each hub's listing summary — "firstListedAt", "lastListedAt" and "lastmod", over its links listed now or for
// later — worked out from its links' indexes (migration *_sitemap_hubs explains it in full). SQLite's triggers
// keep it at once. PostgreSQL's only queue the hub in "SitemapHubChange", so that a writer never waits on a shared
// tag's row; refreshQueuedHubs below works queued summaries out again, and until it has, a queued hub is read from
// its links. Either way a read is exact at any moment.
const queued = (kind: Hub) => `(SELECT "q"."hubId" FROM "SitemapHubChange" "q" WHERE "q"."kind" = '${kind}')`;

const summaryOf = (kind: Hub) => {
  const { links, key } = HUB_TABLES[kind];
  const listed = `FROM ${links} "l" WHERE "l".${key} = "h"."id" AND "l"."listedAt" IS NOT NULL`;
  return `"firstListedAt" = (SELECT "l"."listedAt" ${listed} ORDER BY "l"."listedAt" ASC LIMIT 1),
          "lastListedAt" = (SELECT "l"."listedAt" ${listed} ORDER BY "l"."listedAt" DESC LIMIT 1),
          "lastmod" = (SELECT "l"."lastmod" ${listed} AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)`;
};

const REFRESH_BATCH = 10_000;

/**
 * Works out again the summaries of the hubs PostgreSQL's triggers queued, and removes their entries: a batch of
 * entries taken off (skipping those another reader holds), then their hubs' rows locked in id order, then the
 * summaries worked out in a new statement, whose snapshot includes every writer whose entry was taken. A no-op (one
 * step of an empty index) when nothing is queued, as always on SQLite. Every sitemap read runs it, and so does the
 * sitemap.hubs job (lib/jobs/sitemap-hubs.ts) every few minutes, so the queue stays short on a site no crawler reads.
 */
export async function refreshQueuedHubs(): Promise<void> {
  const db = getDb();
  while (await db.sitemapHubChange.findFirst({ select: { id: true } })) {
    const taken = await db.$transaction(async (tx) => {
      const entries = await tx.$queryRawUnsafe<{ kind: string; hubId: string }[]>(
        `DELETE FROM "SitemapHubChange" WHERE "id" IN (SELECT "id" FROM "SitemapHubChange" ORDER BY "id" LIMIT ${REFRESH_BATCH} FOR UPDATE SKIP LOCKED) RETURNING "kind", "hubId"`,
      );
      const ids = (kind: Hub) => [...new Set(entries.filter((e) => e.kind === kind).map((e) => e.hubId))];
      for (const kind of ["tag", "byline"] as const) {
        if (ids(kind).length) await tx.$queryRawUnsafe(`SELECT 1 FROM ${HUB_TABLES[kind].hub} WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR NO KEY UPDATE`, ids(kind));
      }
      for (const kind of ["tag", "byline"] as const) {
        if (ids(kind).length) await tx.$executeRawUnsafe(`UPDATE ${HUB_TABLES[kind].hub} "h" SET ${summaryOf(kind)} WHERE "h"."id" = ANY($1::text[])`, ids(kind));
      }
      return entries.length;
    });
    // Whatever is left is held by another reader, which is working it out.
    if (taken < REFRESH_BATCH) return;
  }
}

/**
 * The hubs (tags or bylines) with a published story by now: a summarised hub has one when its earliest listed link
 * is listed by now; a queued one is asked of its links.
 */
async function countListedHubs(kind: Hub, now: Date): Promise<number> {
  const { hub, links, key } = HUB_TABLES[kind];
  // $queryRaw with the table names in its text and `now` as its bound values (what Prisma.raw would build).
  const text = [
    `SELECT CAST(count(*) AS INTEGER) AS "count" FROM ${hub} "h"
     WHERE CASE WHEN "h"."id" IN ${queued(kind)}
                THEN EXISTS (SELECT 1 FROM ${links} "x" WHERE "x".${key} = "h"."id" AND "x"."listedAt" <= `,
    `)
                ELSE "h"."firstListedAt" <= `,
    ` END`,
  ];
  const [row] = await getDb().$queryRaw<{ count: number | bigint }[]>(Object.assign(text, { raw: text }), now, now);
  return Number(row?.count ?? 0);
}

/**
 * Each tag or byline that a published story carries, with its newest story's date, in one read of the hub table.
 * A hub's "lastmod" is the newest of all its listed links, which is its date whenever all of them are live
 * ("lastListedAt" <= now) and it is not queued. A hub with a story published for later ("lastListedAt" still to
 * come), or queued, is dated from its links instead: the first entry of its (hub, lastmod, listedAt) index that is
 * published by now (a CASE evaluates only the branch it takes, on both engines, so only those few probe).
 */
async function newestPerHub(kind: Hub, now: Date): Promise<Map<string, Date>> {
  const { hub, links, key } = HUB_TABLES[kind];
  // $queryRaw with the table names in its text and `now` as its bound values (what Prisma.raw would build): a
  // findMany of the three columns spent longer turning 2,000 rows' dates into Date objects than reading them.
  const text = [
    `SELECT "h"."slug" AS "slug",
            CASE WHEN "h"."lastListedAt" <= `,
    ` AND "h"."id" NOT IN ${queued(kind)} THEN "h"."lastmod" ELSE
              (SELECT "x"."lastmod" FROM ${links} "x"
               WHERE "x".${key} = "h"."id" AND "x"."lastmod" IS NOT NULL AND "x"."listedAt" <= `,
    `
               ORDER BY "x"."lastmod" DESC LIMIT 1) END AS "newest"
     FROM ${hub} "h"
     WHERE "h"."firstListedAt" <= `,
    ` OR "h"."id" IN ${queued(kind)}`,
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
  await refreshQueuedHubs();
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
  await refreshQueuedHubs();
  const [articles, sections, tags, bylines] = await Promise.all([
    db.article.count({ where: publishedWhere(now) }),
    db.section.count(),
    countListedHubs("tag", now),
    countListedHubs("byline", now),
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
