// The corrections feed (RSS 2.0): one item per correction or update note, newest first, each linking to the notes on
// its story. Built with the `feed` package like the story feeds (lib/seo/feeds.ts), from published notes only
// (lib/dal/corrections.ts).
import { Feed } from "feed";
import type { CorrectionsFeed } from "@/lib/dal/corrections";
import { absoluteUrl, articlePath } from "@/lib/seo/urls";
import { stripInvalidXmlChars } from "@/lib/seo/xml";

export const CORRECTIONS_PATH = "/corrections";
export const CORRECTIONS_FEED_PATH = "/feeds/corrections/rss.xml";
export const CORRECTIONS_FEED_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

// Feed text goes out in CDATA sections; a "]]>" inside one would end it early.
const cdata = (value: string) => stripInvalidXmlChars(value).replaceAll("]]>", "]]\uFFFF>");
const finish = (xml: string) => stripInvalidXmlChars(xml.replaceAll("]]\uFFFF>", "]]]]><![CDATA[>"));
const text = (value: string) => stripInvalidXmlChars(value);

export function noteLabel(kind: "CORRECTION" | "UPDATE"): string {
  return kind === "CORRECTION" ? "Correction" : "Update";
}

/** The feed as an XML string. */
export function buildCorrectionsFeed({ site, entries }: CorrectionsFeed, { siteUrl, now = new Date() }: { siteUrl: string; now?: Date }): string {
  const pageUrl = absoluteUrl(siteUrl, CORRECTIONS_PATH);
  const feed = new Feed({
    title: text(`${site.name}: corrections and updates`),
    description: text(`Every correction and update note published by ${site.name}, newest first.`),
    id: pageUrl,
    link: pageUrl,
    feed: absoluteUrl(siteUrl, CORRECTIONS_FEED_PATH),
    language: text(site.language),
    copyright: text(site.copyright) || undefined,
    updated: entries[0]?.publishedAt ?? now,
    generator: "BreakingOn",
  });
  for (const entry of entries) {
    const link = `${absoluteUrl(siteUrl, articlePath(entry.article.slug))}#corrections-heading`;
    feed.addItem({
      title: cdata(`${noteLabel(entry.kind)}: ${entry.article.headline}`),
      id: `tag:${new URL(siteUrl).hostname},${entry.publishedAt.toISOString().slice(0, 10)}:corrections/${entry.id}`,
      link,
      date: entry.publishedAt,
      description: cdata(entry.body),
    });
  }
  return finish(feed.rss2());
}
