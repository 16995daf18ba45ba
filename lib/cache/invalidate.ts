import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { TAGS, tagsForArticle, type ArticleChange } from "./tags";

export type { ArticleChange };

// Expire at once rather than serve stale: readers must see a publish, correction or unpublish within a second.
const NOW = { expire: 0 } as const;

/** Tags expired in a request: a server action's own (updateTag: its response already shows the write), else a route's. */
function expireInRequest(tags: string[]): boolean {
  try {
    for (const tag of tags) updateTag(tag);
    return true;
  } catch {
    // Not a server action (a route handler, or no request at all).
  }
  try {
    for (const tag of tags) revalidateTag(tag, NOW);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expires the given tags now, on every instance (the cache handlers keep tag expiry times in the shared store).
 * Inside a request Next passes them to the handlers when the request ends; background work (the scheduler, jobs,
 * command-line tools) writes them straight to the handlers' store and fails loudly if it cannot.
 */
export async function expire(tags: Iterable<string>): Promise<string[]> {
  const unique = [...new Set(tags)];
  if (unique.length === 0 || expireInRequest(unique)) return unique;
  const { expireTags } = await import("./expire.mjs");
  await expireTags(unique);
  return unique;
}

/**
 * Call after publishing, updating, unpublishing, scheduling going live, or changing the slug of a story. Expires the
 * pages showing the story and, when the write may have moved it between lists, those lists (lib/cache/tags.ts).
 */
export function invalidateArticle(change: ArticleChange): Promise<string[]> {
  return expire(tagsForArticle(change));
}

/** Call after changing site settings (name, description, language, time zone, feed options): shown on every page. */
export function invalidateSettings(): Promise<string[]> {
  return expire([TAGS.settings]);
}

/** Call after creating, renaming or deleting a section, tag or byline. */
export function invalidateTaxonomy(kind: "section" | "tag" | "byline", slugs: string[]): Promise<string[]> {
  const tagFor = { section: TAGS.section, tag: TAGS.tag, byline: TAGS.byline }[kind];
  // A renamed section, tag or byline shows on every card of its stories, wherever they are listed: rare enough to
  // refresh every reader page (each carries the settings tag through its header).
  return expire([TAGS.settings, TAGS.sitemaps, ...(kind === "section" ? [TAGS.sections] : []), ...slugs.map(tagFor)]);
}

/**
 * Call after saving, publishing or unpublishing a site page. Its own page always; the footer's list on every page
 * only when which pages are published, or their titles, changed.
 */
export function invalidateSitePage(slug: string, { listed }: { listed: boolean }): Promise<string[]> {
  return expire([TAGS.sitePage(slug), ...(listed ? [TAGS.sitePages] : [])]);
}

/**
 * Call after posting, editing or deleting a live entry: the coverage's page and its live endpoint only, so a busy
 * live coverage never expires the fronts. `notes`: an entry's correction is listed on the corrections page too.
 */
export function invalidateLiveCoverage(articleId: string, { notes = false }: { notes?: boolean } = {}): Promise<string[]> {
  return expire([TAGS.live(articleId), ...(notes ? [TAGS.corrections] : [])]);
}
