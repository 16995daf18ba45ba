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
