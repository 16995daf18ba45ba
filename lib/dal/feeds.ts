import "server-only";
import { renderMarkdown } from "@/lib/content/markdown";
import { TAGS } from "@/lib/cache/tags";
import { getDb, type Prisma } from "@/lib/db";
import type { FeedDocument, FeedEntry, FeedScope, FeedSite } from "@/lib/seo/feeds";
import { keepFor, storyTags } from "@/lib/cache/keep";
import { hasPublishedStory, summarySelect, toSummary } from "./articles";
import { publishedWhere } from "./published";

/** How many stories a feed carries, newest first. */
export const FEED_ITEM_LIMIT = 50;

const FALLBACK_SITE: FeedSite = { name: "BreakingOn", description: "", language: "en", copyright: "", fullContent: true };

const feedEntrySelect = {
  ...summarySelect,
  body: true,
  heroMedia: {
    select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true, mimeType: true, bytes: true },
  },
  tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

async function feedSite(): Promise<FeedSite> {
  const row = await getDb().siteSettings.findUnique({
    where: { id: 1 },
    select: { name: true, description: true, language: true, copyright: true, feedFullContent: true, websubHubUrl: true },
  });
  if (!row) return FALLBACK_SITE;
  const { feedFullContent, websubHubUrl, ...rest } = row;
  return { ...rest, fullContent: feedFullContent, hubUrl: websubHubUrl };
}

async function feedChannel(scope: FeedScope): Promise<{ channel: FeedDocument["channel"]; where: Prisma.ArticleWhereInput } | null> {
  const db = getDb();
  if (scope.kind === "site") return { channel: null, where: {} };
  if (scope.kind === "section") {
    const section = await db.section.findUnique({ where: { slug: scope.slug }, select: { id: true, name: true, description: true } });
    return section && { channel: { name: section.name, description: section.description }, where: { sectionId: section.id } };
  }
  const byline = await db.byline.findFirst({ where: { slug: scope.slug, articles: hasPublishedStory() }, select: { id: true, name: true, bio: true } });
  return byline && { channel: { name: byline.name, description: byline.bio }, where: { bylines: { some: { bylineId: byline.id } } } };
}

/**
 * A feed's channel and its newest published stories, or null for a section that does not exist or an author with no
 * published story (as their reader page).
 * Only stories readers may see (publishedWhere) are read.
 */
export async function loadFeed(scope: FeedScope, { limit = FEED_ITEM_LIMIT, now = new Date() } = {}): Promise<FeedDocument | null> {
  const found = await feedChannel(scope);
  if (!found) return null;
  const [site, rows] = await Promise.all([
    feedSite(),
    getDb().article.findMany({
      where: { ...publishedWhere(now), ...found.where },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: feedEntrySelect,
    }),
  ]);
  // Rendered here, so the cached feed holds HTML and no feed request parses Markdown (each body is also rendered
  // once per version for the whole process: lib/content/markdown.ts).
  const entries: FeedEntry[] = await Promise.all(rows.map(async (row) => {
    const summary = toSummary(row, now);
    return {
      id: summary.id,
      slug: summary.slug,
      headline: summary.headline,
      standfirst: summary.standfirst,
      bodyHtml: site.fullContent ? await renderMarkdown(row.body) : "",
      publishedAt: summary.publishedAt,
      updatedAt: summary.updatedAt,
      section: summary.section,
      bylines: summary.bylines,
      tags: row.tags.map((t) => t.tag),
      hero: row.heroMedia && summary.hero ? { ...summary.hero, mimeType: row.heroMedia.mimeType, bytes: row.heroMedia.bytes } : null,
    };
  }));
  return { site, scope, channel: found.channel, entries };
}

export interface ArticleCard {
  slug: string;
  headline: string;
  section: string | null;
  siteName: string;
}

/** What the generated share image of a published story shows, or null when readers may not see the story. */
async function loadArticleCard(slug: string): Promise<ArticleCard | null> {
  const db = getDb();
  const [row, settings] = await Promise.all([
    db.article.findFirst({
      where: { ...publishedWhere(), slug },
      select: { slug: true, headline: true, section: { select: { name: true } } },
    }),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { name: true } }),
  ]);
  if (!row) return null;
  return { slug: row.slug, headline: row.headline, section: row.section?.name ?? null, siteName: settings?.name ?? FALLBACK_SITE.name };
}

/** A feed's document, served from the cache; null (and nothing stored) for a section or author with no feed. */
export async function getFeed(scope: FeedScope): Promise<FeedDocument | null> {
  if (scope.kind !== "site" && !(await feedChannel(scope))) return null;
  return cachedFeed(scope);
}

async function cachedFeed(scope: FeedScope): Promise<FeedDocument | null> {
  "use cache";
  const doc = await loadFeed(scope);
  const members = scope.kind === "site" ? TAGS.front : scope.kind === "section" ? TAGS.section(scope.slug) : TAGS.byline(scope.slug);
  keepFor(TAGS.settings, members, ...storyTags(doc?.entries ?? []));
  return doc;
}

/** What a published story's share image shows, or null (and nothing stored) when readers may not see the story. */
export async function getArticleCard(slug: string): Promise<ArticleCard | null> {
  const found = await getDb().article.findFirst({ where: { ...publishedWhere(), slug }, select: { id: true } });
  return found ? cachedArticleCard(found.id, slug) : null;
}

async function cachedArticleCard(id: string, slug: string): Promise<ArticleCard | null> {
  "use cache";
  keepFor(TAGS.story(id), TAGS.article(slug), TAGS.settings);
  return loadArticleCard(slug);
}
