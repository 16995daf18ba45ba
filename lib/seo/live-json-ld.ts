// schema.org LiveBlogPosting for a live coverage (#12 §1), as Google's "Live" badge documentation describes it: the
// story's NewsArticle properties, the coverage's start and end, and each entry as a BlogPosting in liveBlogUpdate.
import type { ArticleDetail } from "@/lib/dal/articles";
import type { LiveEntryView } from "@/lib/dal/live-entries";
import { env } from "@/lib/env";
import { bylineType, newsArticleJsonLd, truncateHeadline, type AuthorLd, type NewsArticleLd, type SeoOptions, type SeoSite } from "./json-ld";
import { absoluteUrl, articlePath, authorPath } from "./urls";

/** How many of the newest entries the document lists (Google reads the recent ones; the page has them all). */
export const LIVE_JSON_LD_ENTRIES = 50;

export interface BlogPostingLd {
  "@type": "BlogPosting";
  "@id": string;
  headline: string;
  url: string;
  datePublished: string;
  dateModified?: string;
  author: AuthorLd[];
  articleBody?: string;
}

export type LiveBlogPostingLd = Omit<NewsArticleLd, "@type"> & {
  "@type": "LiveBlogPosting";
  coverageStartTime: string;
  coverageEndTime?: string;
  liveBlogUpdate: BlogPostingLd[];
};

/** The fragment of an entry's own permalink: the page opens at it. */
export function entryAnchor(entryId: string): string {
  return `entry-${entryId}`;
}

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
}

export function liveBlogPostingJsonLd(article: ArticleDetail, entries: LiveEntryView[], site: SeoSite, options: SeoOptions = {}): LiveBlogPostingLd {
  const siteUrl = options.siteUrl ?? env.SITE_URL;
  const base = newsArticleJsonLd(article, site, { siteUrl });
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const started = article.live?.startedAt ?? article.publishedAt;
  const ended = article.live?.endedAt ?? null;
  const newest = entries.reduce<Date | null>((latest, entry) => {
    const at = entry.editedAt ?? entry.publishedAt;
    return !latest || at > latest ? at : latest;
  }, null);
  const modified = [base.dateModified, newest?.toISOString()].filter((d): d is string => !!d).sort().at(-1)!;
  return {
    ...base,
    "@type": "LiveBlogPosting",
    dateModified: modified,
    coverageStartTime: started.toISOString(),
    ...(ended ? { coverageEndTime: ended.toISOString() } : {}),
    liveBlogUpdate: entries.slice(0, LIVE_JSON_LD_ENTRIES).map((entry) => {
      const text = plainText(entry.html);
      return {
        "@type": "BlogPosting",
        "@id": `${url}#${entryAnchor(entry.id)}`,
        headline: truncateHeadline(entry.title || text || article.headline),
        url: `${url}#${entryAnchor(entry.id)}`,
        datePublished: entry.publishedAt.toISOString(),
        ...(entry.editedAt ? { dateModified: entry.editedAt.toISOString() } : {}),
        author: (entry.bylines.length ? entry.bylines : article.bylines).map((byline) => ({
          "@type": bylineType(byline.name, site.name),
          name: byline.name,
          url: absoluteUrl(siteUrl, authorPath(byline.slug)),
        })),
        ...(text ? { articleBody: text.slice(0, 5000) } : {}),
      };
    }),
  };
}
