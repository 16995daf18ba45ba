// Sitemap XML: an index (sitemaps.org) pointing at chunks of at most 50,000 URLs, and a Google News sitemap.
// Next's sitemap.ts can split a sitemap (generateSitemaps) but writes no index and wants the chunk list at build
// time, when there is no database; so these are plain strings served by route handlers.
import { z } from "zod";
import { absoluteUrl } from "./urls";
import { escapeXml } from "./xml";

export const SITEMAP_CHUNK_SIZE = 50_000;
/**
 * Story sitemaps hold fewer, so a chunk is one short index range that reads in milliseconds when nothing is cached
 * (50,000 rows took a second at 100,000 stories); the index lists as many chunks as needed. WordPress uses 2,000.
 */
export const ARTICLE_SITEMAP_CHUNK_SIZE = 2_000;
/** Google News reads stories published in the last two days, at most 1,000 of them. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1000;

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

export type SitemapKind = "articles" | "pages";
export const SITEMAP_KINDS: readonly SitemapKind[] = ["articles", "pages"];

export interface SitemapUrl {
  path: string;
  lastModified: Date | null;
}

export interface NewsSitemapEntry {
  path: string;
  title: string;
  publishedAt: Date;
}

export interface NewsPublication {
  name: string;
  language: string;
}

export function sitemapChunkPath(kind: SitemapKind, chunk: number): string {
  return `/sitemaps/${kind}-${chunk}.xml`;
}

const chunkFile = z
  .string()
  .regex(/^(articles|pages)-([1-9]\d{0,5})\.xml$/)
  .transform((file) => {
    const [, kind, chunk] = /^(articles|pages)-(\d+)\.xml$/.exec(file)!;
    return { kind: kind as SitemapKind, chunk: Number(chunk) };
  });

/** "articles-2.xml" → { kind: "articles", chunk: 2 }; anything else is null (a 404). */
export function parseSitemapChunk(file: string): { kind: SitemapKind; chunk: number } | null {
  const result = chunkFile.safeParse(file);
  return result.success ? result.data : null;
}

/** How many chunk files `total` URLs need. */
export function chunkCount(total: number, chunkSize: number = SITEMAP_CHUNK_SIZE): number {
  return Math.ceil(total / chunkSize);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export function sitemapIndexXml(locations: string[]): string {
  const entries = locations.map((loc) => `<sitemap>${element("loc", loc)}</sitemap>`);
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, "</sitemapindex>", ""].join("\n");
}

export function urlsetXml(urls: SitemapUrl[], siteUrl: string): string {
  const entries = urls.map(
    (url) =>
      `<url>${element("loc", absoluteUrl(siteUrl, url.path))}${url.lastModified ? element("lastmod", url.lastModified.toISOString()) : ""}</url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...entries, "</urlset>", ""].join("\n");
}

/**
 * Google News wants an ISO 639 language code, with Chinese as zh-cn or zh-tw; other regional variants drop their
 * region ("en-GB" → "en").
 */
export function newsLanguage(language: string): string {
  const lower = language.trim().toLowerCase().replace("_", "-");
  if (lower.startsWith("zh")) return /-(tw|hk|mo|hant)\b/.test(lower) ? "zh-tw" : "zh-cn";
  return lower.split("-")[0] || "en";
}

export function newsSitemapXml(entries: NewsSitemapEntry[], publication: NewsPublication, siteUrl: string): string {
  const pub = `<news:publication>${element("news:name", publication.name)}${element("news:language", newsLanguage(publication.language))}</news:publication>`;
  const urls = entries.map(
    (entry) =>
      `<url>${element("loc", absoluteUrl(siteUrl, entry.path))}<news:news>${pub}${element("news:publication_date", entry.publishedAt.toISOString())}${element("news:title", entry.title)}</news:news></url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, "</urlset>", ""].join("\n");
}
