import { cacheLife } from "next/cache";

/**
 * Called while rendering a reader page that answers 404 or redirects an old slug: the page's lifetime becomes the
 * "brief" profile's (next.config.ts), so its Cache-Control is a few seconds of s-maxage instead of the hour a
 * found page gets (or the year Next gives a render that read no cached data). A `"use cache"` function is the one
 * way a page rendered for the cache can shorten its own lifetime: its cacheLife is carried up to the page.
 */
export async function answerBriefly(): Promise<void> {
  "use cache";
  cacheLife("brief");
}
