import "server-only";
// The route handlers behind /feeds/**, /sitemap.xml, /sitemaps/* and /news-sitemap.xml, kept here so each route
// file is one line. Every read goes through lib/dal, which only returns published stories.
import { z } from "zod";
import { getArticleCard, getFeed } from "@/lib/dal/feeds";
import { getSiteSettings } from "@/lib/dal/settings";
import { getCachedNewsSitemap, getSitemapChunkCounts, listSitemapArticles, listSitemapPagesChunk } from "@/lib/dal/sitemaps";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";
import { hubLinkHeader } from "@/lib/distribution/websub";
import { buildFeed, FEED_CONTENT_TYPES, feedPath, jsonFeedPath, type FeedDocument, type FeedFormat, type FeedScope } from "./feeds";
import { buildJsonFeed } from "./json-feed";
import { newsSitemapXml, parseSitemapChunk, SITEMAP_CONTENT_TYPE, SITEMAP_KINDS, sitemapChunkPath, sitemapIndexXml, urlsetXml } from "./sitemaps";
import { articleOgImage, siteOgImage } from "./og-image";
import { absoluteUrl, ARTICLE_CARD_SHAPES, cardShapeOf } from "./urls";

const slugParams = z.object({ slug: z.string().refine(isSlug) });
const fileParams = z.object({ file: z.string().max(40) });

type Params<T> = { params: Promise<T> };

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function xml(body: string, contentType: string): Response {
  return new Response(body, { headers: { "Content-Type": contentType } });
}

type AnyFeedFormat = FeedFormat | "json";

/** A feed in one format; with a WebSub hub configured it names the hub and itself in a Link header (WebSub §4). */
function feedBody(doc: FeedDocument, format: AnyFeedFormat): Response {
  const siteUrl = env.SITE_URL;
  const body = format === "json" ? JSON.stringify(buildJsonFeed(doc, { siteUrl })) : buildFeed(doc, format, { siteUrl });
  const self = absoluteUrl(siteUrl, format === "json" ? jsonFeedPath(doc.scope) : feedPath(doc.scope, format));
  return new Response(body, { headers: { "Content-Type": FEED_CONTENT_TYPES[format], ...(doc.site.hubUrl && { Link: hubLinkHeader(doc.site.hubUrl, self) }) } });
}

async function feedResponse(scope: FeedScope, format: AnyFeedFormat): Promise<Response> {
  const doc = await getFeed(scope);
  return doc ? feedBody(doc, format) : notFound();
}

const SITE_FEEDS: Record<string, AnyFeedFormat> = { "rss.xml": "rss", "atom.xml": "atom", "feed.json": "json" };

/** GET /feeds/[file]: /feeds/rss.xml, /feeds/atom.xml and /feeds/feed.json; any other file is a 404. */
export async function siteFeedHandler(_request: Request, { params }: Params<{ file: string }>): Promise<Response> {
  const { file } = await params;
  const format = Object.hasOwn(SITE_FEEDS, file) ? SITE_FEEDS[file] : null;
  return format ? feedResponse({ kind: "site" }, format) : notFound();
}

/** GET for /feeds/sections/[slug]/… and /feeds/authors/[slug]/…; an unknown section or author is a 404. */
export function scopedFeedHandler(kind: "section" | "author", format: AnyFeedFormat) {
  return async (_request: Request, { params }: Params<{ slug: string }>) => {
    const parsed = slugParams.safeParse(await params);
    return parsed.success ? feedResponse({ kind, slug: parsed.data.slug }, format) : notFound();
  };
}

/** The sitemap index (/sitemap.xml): every chunk that has URLs right now. */
async function sitemapIndex(): Promise<Response> {
  const counts = await getSitemapChunkCounts();
  const locations = SITEMAP_KINDS.flatMap((kind) =>
    Array.from({ length: counts[kind] }, (_, i) => absoluteUrl(env.SITE_URL, sitemapChunkPath(kind, i + 1))),
  );
  return xml(sitemapIndexXml(locations), SITEMAP_CONTENT_TYPE);
}

/** GET /sitemaps/[file]: articles-N.xml and pages-N.xml, and index.xml and news.xml (public at /sitemap.xml and /news-sitemap.xml). */
export async function sitemapFileHandler(_request: Request, { params }: Params<{ file: string }>): Promise<Response> {
  const parsed = fileParams.safeParse(await params);
  if (parsed.success && parsed.data.file === "index.xml") return sitemapIndex();
  if (parsed.success && parsed.data.file === "news.xml") return newsSitemap();
  const chunk = parsed.success ? parseSitemapChunk(parsed.data.file) : null;
  if (!chunk) return notFound();
  const urls = chunk.kind === "articles" ? await listSitemapArticles(chunk.chunk) : await listSitemapPagesChunk(chunk.chunk);
  return urls ? xml(urlsetXml(urls, env.SITE_URL), SITEMAP_CONTENT_TYPE) : notFound();
}

/** The news sitemap (/news-sitemap.xml): stories of the last two days. */
async function newsSitemap(): Promise<Response> {
  const { publication, entries } = await getCachedNewsSitemap();
  return xml(newsSitemapXml(entries, publication, env.SITE_URL), SITEMAP_CONTENT_TYPE);
}

/** GET /cards/[name]: the site's social card (public at /opengraph-image, as cards/site). */
export async function siteCardHandler(_request: Request, { params }: Params<{ name: string }>): Promise<Response> {
  const { name } = await params;
  if (name !== "site") return notFound();
  const site = await getSiteSettings();
  return siteOgImage({ siteName: site.name, description: site.description, host: new URL(env.SITE_URL).host });
}

const cardParams = z.object({ slug: z.string().refine(isSlug), file: z.string().max(20) });

/**
 * GET /cards/articles/[slug]/[file]: a published story's card as 16x9.png, 4x3.png or 1x1.png, the images its
 * NewsArticle structured data offers when it has no picture of its own. Anything else is a 404.
 */
export async function articleCardHandler(_request: Request, { params }: Params<{ slug: string; file: string }>): Promise<Response> {
  const parsed = cardParams.safeParse(await params);
  const shape = parsed.success ? cardShapeOf(parsed.data.file) : null;
  // Drafts, scheduled and archived stories have no card: getArticleCard only reads published ones.
  const card = parsed.success && shape ? await getArticleCard(parsed.data.slug) : null;
  if (!card || !shape) return notFound();
  const host = new URL(env.SITE_URL).host;
  return articleOgImage({ siteName: card.siteName, section: card.section, headline: card.headline, host }, ARTICLE_CARD_SHAPES[shape]);
}
