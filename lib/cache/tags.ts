// Every cache tag the reader site uses, in one place. Reader data functions (`"use cache"` in lib/dal) tag what they
// return with these, and a page carries the tags of all the data it showed; writes expire them through
// lib/cache/invalidate.ts (in a request) or lib/cache/expire.mjs (background work).
//
// Precision: a page carries `story:<id>` for every story it shows, so editing a story's words expires only the pages
// showing it. A change to which stories a list holds (publish, unpublish, a new section, tag or byline, a moved
// publication time, the breaking flag) also expires the lists that story enters or leaves.
export const TAGS = {
  /** Everything that shows this story: its page, and each list, feed or card with it in. */
  story: (id: string) => `story:${id}`,
  /** One story's page (and its redirects) by its current or a former slug. */
  article: (slug: string) => `article:${slug}`,
  /** Which stories are on the site-wide lists: the front page, the site's feeds, related stories by recency. */
  front: "front",
  /** Which stories are in a section, carry a tag or a byline (their pages and feeds). */
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  byline: (slug: string) => `byline:${slug}`,
  /** Which stories the breaking-news banner on every page shows. */
  breaking: "breaking",
  /** Sitemaps and the news sitemap: every story's address and last change. */
  sitemaps: "sitemaps",
  /** Site settings: name, description, language, time zone; shown on every page, so expiring it refreshes them all. */
  settings: "settings",
  /** The list of sections in the navigation. */
  sections: "sections",
  /** One published site page (About, Contact, the policies) by its slug. */
  sitePage: (slug: string) => `page:${slug}`,
  /** Which site pages are published, and their titles: the footer's links on every page. */
  sitePages: "pages",
  /** The public corrections page and its feed: every correction and update note on a live story. */
  corrections: "corrections",
  /** A live coverage's entries: its page and the polled live endpoint (app/live/[id]); expired when an entry changes. */
  live: (id: string) => `live:${id}`,
} as const;

/** What a write to a story touched, before and after, so every page that showed it is refreshed. */
export interface ArticleChange {
  /** The story's id: every page showing it carries TAGS.story(id). */
  id?: string;
  slug: string;
  /** The slug before this write, when it changed: the old URL must turn into a redirect. */
  previousSlug?: string | null;
  /** Section, tag and byline slugs before and after the write. */
  sectionSlugs?: string[];
  tagSlugs?: string[];
  bylineSlugs?: string[];
  /**
   * Whether the write may have changed which lists hold the story, or in what order (publish, unpublish, slug,
   * section, tags, bylines, publication time, featured or breaking flag). False for a change of words only. Default
   * true: when in doubt, refresh the lists too.
   */
  listed?: boolean;
  /** Whether the story is or was flagged breaking: the banner on every page lists it. Default true. */
  breaking?: boolean;
  /** Whether the write added a correction or update note: the corrections page and feed list it. */
  notes?: boolean;
}

/** The tags to expire after a write to one story. */
export function tagsForArticle(change: ArticleChange): string[] {
  const own = [
    ...(change.id ? [TAGS.story(change.id)] : []),
    TAGS.article(change.slug),
    ...(change.previousSlug ? [TAGS.article(change.previousSlug)] : []),
    TAGS.sitemaps,
    ...(change.notes ? [TAGS.corrections] : []),
  ];
  // Without an id nothing says which lists show the story, so they all count as touched.
  if (change.listed === false && change.id) return [...new Set(own)];
  return [
    ...new Set([
      ...own,
      TAGS.front,
      ...(change.breaking === false ? [] : [TAGS.breaking]),
      ...(change.sectionSlugs ?? []).map(TAGS.section),
      ...(change.tagSlugs ?? []).map(TAGS.tag),
      ...(change.bylineSlugs ?? []).map(TAGS.byline),
    ]),
  ];
}
