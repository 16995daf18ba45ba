import "server-only";
// The route handlers behind /feeds/**, /sitemap.xml, /sitemaps/* and /news-sitemap.xml, kept here so each route
// file is one line. Every read goes through lib/dal, which only returns published stories.
import { z } from "zod";
import { getFeed } from "@/lib/dal/feeds";
import { getNewsSitemap, getSitemapChunkCounts, listSitemapArticles, listSitemapPagesChunk } from "@/lib/dal/sitemaps";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";
import { buildFeed, FEED_CONTENT_TYPES, type FeedFormat, type FeedScope } from "./feeds";
import { newsSitemapXml, parseSitemapChunk, SITEMAP_CONTENT_TYPE, SITEMAP_KINDS, sitemapChunkPath, sitemapIndexXml, urlsetXml } from "./sitemaps";
import { absoluteUrl } from "./urls";

const slugParams = z.object({ slug: z.string().refine(isSlug) });
const fileParams = z.object({ file: z.string().max(40) });

type Params<T> = { params: Promise<T> };

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function xml(body: string, contentType: string): Response {
  return new Response(body, { headers: { "Content-Type": contentType } });
}

async function feedResponse(scope: FeedScope, format: FeedFormat): Promise<Response> {
  const doc = await getFeed(scope);
  return doc ? xml(buildFeed(doc, format, { siteUrl: env.SITE_URL }), FEED_CONTENT_TYPES[format]) : notFound();
}

/** GET for /feeds/rss.xml and /feeds/atom.xml. */
export function siteFeedHandler(format: FeedFormat) {
  return () => feedResponse({ kind: "site" }, format);
}

/** GET for /feeds/sections/[slug]/… and /feeds/authors/[slug]/…; an unknown section or author is a 404. */
export function scopedFeedHandler(kind: "section" | "author", format: FeedFormat) {
  return async (_request: Request, { params }: Params<{ slug: string }>) => {
    const parsed = slugParams.safeParse(await params);
    return parsed.success ? feedResponse({ kind, slug: parsed.data.slug }, format) : notFound();
  };
}

/** GET /sitemap.xml: the index of every chunk that has URLs right now. */
export async function sitemapIndexHandler(): Promise<Response> {
  const counts = await getSitemapChunkCounts();
  const locations = SITEMAP_KINDS.flatMap((kind) =>
    Array.from({ length: counts[kind] }, (_, i) => absoluteUrl(env.SITE_URL, sitemapChunkPath(kind, i + 1))),
  );
  return xml(sitemapIndexXml(locations), SITEMAP_CONTENT_TYPE);
}

/** GET /sitemaps/articles-N.xml and /sitemaps/pages-N.xml. */
export async function sitemapChunkHandler(_request: Request, { params }: Params<{ file: string }>): Promise<Response> {
  const parsed = fileParams.safeParse(await params);
  const chunk = parsed.success ? parseSitemapChunk(parsed.data.file) : null;
  if (!chunk) return notFound();
  const urls = chunk.kind === "articles" ? await listSitemapArticles(chunk.chunk) : await listSitemapPagesChunk(chunk.chunk);
  return urls ? xml(urlsetXml(urls, env.SITE_URL), SITEMAP_CONTENT_TYPE) : notFound();
}

/** GET /news-sitemap.xml. */
export async function newsSitemapHandler(): Promise<Response> {
  const { publication, entries } = await getNewsSitemap();
  return xml(newsSitemapXml(entries, publication, env.SITE_URL), SITEMAP_CONTENT_TYPE);
}
