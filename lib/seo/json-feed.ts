// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for the site, a section or an author, from the same document
// as the RSS and Atom feeds (lib/dal/feeds.ts). Written here rather than with the `feed` package: its json1() (v6)
// writes version 1 with the single `author` that 1.1 deprecated, and has no `authors`, `language` or `hubs`.
import { absoluteUrl, articlePath, authorPath, PUBLISHER_LOGO } from "./urls";
import { absolutizeHtml, entryId, entryUpdated, escapeHtml, feedTitle, jsonFeedPath, scopePagePath, type FeedDocument, type FeedEntry, type FeedOptions } from "./feeds";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language: string;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  icon: string;
  language: string;
  authors: JsonFeedAuthor[];
  hubs?: { type: "WebSub"; url: string }[];
  items: JsonFeedItem[];
}

function contentHtml(entry: FeedEntry, fullContent: boolean, siteUrl: string): string {
  if (fullContent && entry.bodyHtml) {
    const hero = entry.hero ? `<figure><img src="${escapeHtml(absoluteUrl(siteUrl, entry.hero.src))}" alt="${escapeHtml(entry.hero.alt)}" width="${entry.hero.width}" height="${entry.hero.height}"></figure>` : "";
    return hero + absolutizeHtml(entry.bodyHtml, siteUrl);
  }
  // content_html or content_text is required; a summary-only feed carries the standfirst.
  return entry.standfirst ? `<p>${escapeHtml(entry.standfirst)}</p>` : "";
}

function toItem(entry: FeedEntry, doc: FeedDocument, siteUrl: string): JsonFeedItem {
  const authors = entry.bylines.map((b) => ({ name: b.name, url: absoluteUrl(siteUrl, authorPath(b.slug)) }));
  const tags = [...(entry.section ? [entry.section.name] : []), ...entry.tags.map((t) => t.name)];
  return {
    id: entryId(entry, siteUrl),
    url: absoluteUrl(siteUrl, articlePath(entry.slug)),
    title: entry.headline,
    content_html: contentHtml(entry, doc.site.fullContent, siteUrl),
    ...(entry.standfirst && { summary: entry.standfirst }),
    ...(entry.hero && { image: absoluteUrl(siteUrl, entry.hero.src) }),
    date_published: entry.publishedAt.toISOString(),
    date_modified: entryUpdated(entry).toISOString(),
    ...(authors.length && { authors }),
    ...(tags.length && { tags }),
    language: doc.site.language,
  };
}

/** The feed as a JSON Feed 1.1 object (the route serialises it). */
export function buildJsonFeed(doc: FeedDocument, { siteUrl }: Pick<FeedOptions, "siteUrl">): JsonFeed {
  const { site, scope, channel } = doc;
  const description = (channel ? channel.description : site.description) || site.description;
  return {
    version: JSON_FEED_VERSION,
    title: feedTitle(site.name, channel),
    home_page_url: absoluteUrl(siteUrl, scopePagePath(scope)),
    feed_url: absoluteUrl(siteUrl, jsonFeedPath(scope)),
    ...(description && { description }),
    icon: absoluteUrl(siteUrl, PUBLISHER_LOGO.path),
    language: site.language,
    // The feed's author: the author the feed follows, else the publication (items name their own).
    authors: [scope.kind === "author" && channel ? { name: channel.name, url: absoluteUrl(siteUrl, authorPath(scope.slug)) } : { name: site.name, url: absoluteUrl(siteUrl, "/") }],
    ...(site.hubUrl && { hubs: [{ type: "WebSub" as const, url: site.hubUrl }] }),
    items: doc.entries.map((entry) => toItem(entry, doc, siteUrl)),
  };
}
