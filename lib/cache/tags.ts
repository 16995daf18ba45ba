// Every cache tag the reader site uses, in one place. Cached reads tag themselves with these; the writes that change
// content invalidate them through lib/cache/invalidate.ts.
export const TAGS = {
  /** Anything that lists published stories: home, section, tag and author pages, feeds, sitemaps, search, related. */
  articles: "articles",
  /** One story's page, by its current or a former slug. */
  article: (slug: string) => `article:${slug}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  byline: (slug: string) => `byline:${slug}`,
  /** Site settings: name, description, language, time zone; shown on every page. */
  settings: "settings",
  /** The list of sections in the navigation. */
  sections: "sections",
} as const;

/** What a write to a story touched, before and after, so every page that showed it is refreshed. */
export interface ArticleChange {
  slug: string;
  /** The slug before this write, when it changed: the old URL must turn into a redirect. */
  previousSlug?: string | null;
  sectionSlugs?: string[];
  tagSlugs?: string[];
  bylineSlugs?: string[];
}

/** The tags to expire after a write to one story: the story, its old slug, and everything that lists stories. */
export function tagsForArticle(change: ArticleChange): string[] {
  return [
    ...new Set([
      TAGS.articles,
      TAGS.article(change.slug),
      ...(change.previousSlug ? [TAGS.article(change.previousSlug)] : []),
      ...(change.sectionSlugs ?? []).map(TAGS.section),
      ...(change.tagSlugs ?? []).map(TAGS.tag),
      ...(change.bylineSlugs ?? []).map(TAGS.byline),
    ]),
  ];
}
