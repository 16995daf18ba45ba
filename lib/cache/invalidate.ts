import "server-only";
import { revalidateTag } from "next/cache";
import { TAGS } from "./tags";

/** What a write to a story touched, before and after, so every page that showed it is refreshed. */
export interface ArticleChange {
  slug: string;
  /** The slug before this write, when it changed: the old URL must turn into a redirect. */
  previousSlug?: string | null;
  sectionSlugs?: string[];
  tagSlugs?: string[];
  bylineSlugs?: string[];
}

// Expire at once rather than serve stale: readers must see a publish, correction or unpublish within a second.
const NOW = { expire: 0 } as const;

function expire(tags: Iterable<string>): string[] {
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
  return expire([
    TAGS.articles,
    TAGS.article(change.slug),
    ...(change.previousSlug ? [TAGS.article(change.previousSlug)] : []),
    ...(change.sectionSlugs ?? []).map(TAGS.section),
    ...(change.tagSlugs ?? []).map(TAGS.tag),
    ...(change.bylineSlugs ?? []).map(TAGS.byline),
  ]);
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
