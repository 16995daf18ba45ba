import "server-only";
import { revalidateTag } from "next/cache";
import { TAGS, tagsForArticle, type ArticleChange } from "./tags";

export type { ArticleChange };

// Expire at once rather than serve stale: readers must see a publish, correction or unpublish within a second.
const NOW = { expire: 0 } as const;

/** Expires the given tags now; the internal revalidation route uses this for writes made outside a request. */
export function expire(tags: Iterable<string>): string[] {
  const unique = [...new Set(tags)];
  for (const tag of unique) revalidateTag(tag, NOW);
  return unique;
}

/**
 * Call after publishing, updating, unpublishing, scheduling going live, or changing the slug of a story. Refreshes
 * the story, its old slug, and everything that lists stories (home, sections, tags, authors, feeds, sitemaps,
 * search, related stories). Returns the tags it expired.
 */
export function invalidateArticle(change: ArticleChange): string[] {
  return expire(tagsForArticle(change));
}

/** Call after changing site settings (name, description, language, time zone, feed options). */
export function invalidateSettings(): string[] {
  return expire([TAGS.settings, TAGS.articles]);
}

/** Call after creating, renaming or deleting a section, tag or byline. */
export function invalidateTaxonomy(kind: "section" | "tag" | "byline", slugs: string[]): string[] {
  const tagFor = { section: TAGS.section, tag: TAGS.tag, byline: TAGS.byline }[kind];
  return expire([TAGS.articles, ...(kind === "section" ? [TAGS.sections] : []), ...slugs.map(tagFor)]);
}
