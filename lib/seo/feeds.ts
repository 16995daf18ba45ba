// RSS 2.0 and Atom 1.0 for the whole site, a section or an author, built with the `feed` package from data the
// caller has already filtered to published stories (lib/dal/feeds.ts).
import { Feed, type Item } from "feed";
import type { Metadata } from "next";
import type { HeroImage, LinkRef } from "@/lib/dal/articles";
import { absoluteUrl, articlePath, authorPath, HOME_PATH, PUBLISHER_LOGO, sectionPath } from "./urls";
import { stripInvalidXmlChars } from "./xml";

export type FeedFormat = "rss" | "atom";
export type FeedScope = { kind: "site" } | { kind: "section" | "author"; slug: string };

export const FEED_MIME_TYPES = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" } as const;
export const FEED_CONTENT_TYPES = {
  rss: `${FEED_MIME_TYPES.rss}; charset=utf-8`,
  atom: `${FEED_MIME_TYPES.atom}; charset=utf-8`,
  json: `${FEED_MIME_TYPES.json}; charset=utf-8`,
} as const;

export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const file = `${format}.xml`;
  return scope.kind === "site" ? `/feeds/${file}` : `/feeds/${scope.kind}s/${scope.slug}/${file}`;
}

/** The JSON Feed beside a scope's RSS and Atom: /feeds/feed.json, /feeds/sections/<slug>/feed.json, … */
export function jsonFeedPath(scope: FeedScope): string {
  return scope.kind === "site" ? "/feeds/feed.json" : `/feeds/${scope.kind}s/${scope.slug}/feed.json`;
}

export function scopePagePath(scope: FeedScope): string {
  if (scope.kind === "site") return HOME_PATH;
  return scope.kind === "section" ? sectionPath(scope.slug) : authorPath(scope.slug);
}

export type FeedLink = FeedScope & { title: string };

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/**
 * `<link rel="alternate">` entries for a page's feeds, for Metadata `alternates.types`. Paths are relative; the root
 * layout's metadataBase makes them absolute.
 */
export function feedAlternates(feeds: FeedLink | FeedLink[]): AlternateTypes {
  const list = Array.isArray(feeds) ? feeds : [feeds];
  return {
    [FEED_MIME_TYPES.rss]: list.map((feed) => ({ url: feedPath(feed, "rss"), title: `${feed.title} (RSS)` })),
    [FEED_MIME_TYPES.atom]: list.map((feed) => ({ url: feedPath(feed, "atom"), title: `${feed.title} (Atom)` })),
    [FEED_MIME_TYPES.json]: list.map((feed) => ({ url: jsonFeedPath(feed), title: `${feed.title} (JSON Feed)` })),
  };
}

export interface FeedHero extends HeroImage {
  mimeType: string;
  bytes: number;
}

export interface FeedEntry {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  /** The body as sanitised HTML, rendered once per version (lib/content/markdown.ts); empty in summary-only feeds. */
  bodyHtml: string;
  publishedAt: Date;
  /** The last substantive update, or null. */
  updatedAt: Date | null;
  section: LinkRef | null;
  bylines: LinkRef[];
  tags: LinkRef[];
  hero: FeedHero | null;
}

export interface FeedSite {
  name: string;
  description: string;
  language: string;
  copyright: string;
  /** SiteSettings.feedFullContent: the whole story, or only its standfirst. */
  fullContent: boolean;
  /** The WebSub hub the feeds name (<link rel="hub">); empty for none. */
  hubUrl?: string;
}

export interface FeedDocument {
  site: FeedSite;
  scope: FeedScope;
  /** The section or author the feed follows; null for the whole site. */
  channel: { name: string; description: string } | null;
  entries: FeedEntry[];
}

export interface FeedOptions {
  siteUrl: string;
  /** The feed's date when it has no stories yet. */
  now?: Date;
}

export function feedTitle(siteName: string, channel: { name: string } | null): string {
  return channel ? `${siteName}: ${channel.name}` : siteName;
}

export function entryUpdated(entry: Pick<FeedEntry, "publishedAt" | "updatedAt">): Date {
  return entry.updatedAt ?? entry.publishedAt;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Feed readers show content away from the site, so root-relative links and images must carry the host. */
export function absolutizeHtml(html: string, siteUrl: string): string {
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, `$1="${siteUrl}/`);
}

/** Stable across slug changes, so a renamed story is not a new item (RFC 4151 tag URI). */
export function entryId(entry: Pick<FeedEntry, "id" | "publishedAt">, siteUrl: string): string {
  return `tag:${new URL(siteUrl).hostname},${entry.publishedAt.toISOString().slice(0, 10)}:articles/${entry.id}`;
}

function heroFigure(hero: FeedHero, siteUrl: string): string {
  const caption = [hero.caption, hero.credit].filter(Boolean).map(escapeHtml).join(" ");
  const img = `<img src="${escapeHtml(absoluteUrl(siteUrl, hero.src))}" alt="${escapeHtml(hero.alt)}" width="${hero.width}" height="${hero.height}">`;
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

function fullContent(entry: FeedEntry, siteUrl: string): string {
  const hero = entry.hero ? heroFigure(entry.hero, siteUrl) : "";
  return hero + absolutizeHtml(entry.bodyHtml, siteUrl);
}

// The `feed` library (through xml-js) escapes element text but, in attribute values, only `&` and `"` — so a `<` in
// a tag or section name made Atom's <category label="…"> ill-formed — and it splits only the first `]]>` of a CDATA
// section. Values are cleaned here and marked with two characters no XML may contain (so no cleaned input carries
// them), which finishXml turns into the right escapes after the library has written the document.
const LT_IN_ATTRIBUTE = "\uFFFE";
const CDATA_END = "]]\uFFFF>";

const text = (value: string) => stripInvalidXmlChars(value);
const attribute = (value: string) => stripInvalidXmlChars(value).replaceAll("<", LT_IN_ATTRIBUTE);
const cdata = (value: string) => stripInvalidXmlChars(value).replaceAll("]]>", CDATA_END);

function finishXml(xml: string): string {
  return stripInvalidXmlChars(xml.replaceAll(LT_IN_ATTRIBUTE, "&lt;").replaceAll(CDATA_END, "]]]]><![CDATA[>"));
}

function toItem(entry: FeedEntry, site: FeedSite, format: FeedFormat, siteUrl: string): Item {
  const link = absoluteUrl(siteUrl, articlePath(entry.slug));
  const summary = entry.standfirst ? escapeHtml(entry.standfirst) : undefined;
  const categories = [...(entry.section ? [entry.section] : []), ...entry.tags];
  const item: Item = {
    // Atom titles are declared type="html"; RSS titles are plain text in CDATA.
    title: cdata(format === "atom" ? escapeHtml(entry.headline) : entry.headline),
    id: entryId(entry, siteUrl),
    link,
    date: entryUpdated(entry),
    published: entry.publishedAt,
    description: summary && cdata(summary),
    content: site.fullContent ? cdata(fullContent(entry, siteUrl)) : undefined,
    // Atom writes the name as an attribute (label), RSS as element text.
    category: categories.map((c) => ({ name: format === "atom" ? attribute(c.name) : text(c.name), term: attribute(c.slug) })),
  };
  if (format === "atom") {
    item.author = entry.bylines.map((b) => ({ name: text(b.name), link: absoluteUrl(siteUrl, authorPath(b.slug)) }));
  } else if (entry.bylines.length > 0) {
    // RSS <author> must be an e-mail address; Dublin Core's creator takes a name. The namespace is declared on the
    // element because the library only declares it on <rss> when items carry full content.
    item.extensions = [
      {
        name: "dc:creator",
        objects: { _attributes: { "xmlns:dc": "http://purl.org/dc/elements/1.1/" }, _text: text(entry.bylines.map((b) => b.name).join(", ")) },
      },
    ];
  }
  // The library guesses an Atom enclosure's type from the file extension, so only RSS, which takes the stored MIME
  // type, gets one; the full content shows the picture anyway.
  if (format === "rss" && entry.hero) {
    item.enclosure = { url: absoluteUrl(siteUrl, entry.hero.src), type: entry.hero.mimeType, length: entry.hero.bytes };
  }
  return item;
}

/** The feed as an XML string. */
export function buildFeed(doc: FeedDocument, format: FeedFormat, { siteUrl, now = new Date() }: FeedOptions): string {
  const { site, scope, channel, entries } = doc;
  const newest = entries.reduce<Date | null>((latest, e) => {
    const updated = entryUpdated(e);
    return !latest || updated > latest ? updated : latest;
  }, null);
  const pageUrl = absoluteUrl(siteUrl, scopePagePath(scope));
  const feed = new Feed({
    title: text(feedTitle(site.name, channel)),
    description: text((channel ? channel.description : site.description) || site.description || site.name),
    id: pageUrl,
    link: pageUrl,
    feed: absoluteUrl(siteUrl, feedPath(scope, format)),
    language: text(site.language),
    copyright: text(site.copyright) || undefined,
    updated: newest ?? now,
    generator: "BreakingOn",
    image: absoluteUrl(siteUrl, PUBLISHER_LOGO.path),
    // Atom needs an author on the feed when an entry has none (a story without a byline).
    author: { name: text(site.name), link: absoluteUrl(siteUrl, HOME_PATH) },
    ...(site.hubUrl && { hub: site.hubUrl }),
  });
  for (const entry of entries) feed.addItem(toItem(entry, site, format, siteUrl));
  return finishXml(format === "rss" ? feed.rss2() : feed.atom1());
}
