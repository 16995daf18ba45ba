// Old article slugs, answered by proxy.ts. The article page could redirect them itself, but Next 16.4 sends two
// identical Location headers on the render that fills its cache (vercel/next.js#82117: the render sets the header,
// then the cached headers are appended again), which proxies that merge headers turn into "/a, /a". A response
// from the proxy carries exactly the headers written here.
import { LRUCache } from "lru-cache";

const ARTICLE_PATH = /^\/articles\/([^/]+)$/;

/** The slug of an `/articles/<slug>` path, or null for any other path (the story's card, its sub-pages). */
export function articleSlugOf(pathname: string): string | null {
  return ARTICLE_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * A redirect a CDN or browser may keep only seconds, so it never outlives a later slug change (the story may move
 * again, or be unpublished). The article page's fallback redirect gets the same s-maxage (next.config.ts "brief").
 */
export const OLD_SLUG_CACHE_CONTROL = "public, max-age=0, s-maxage=10";

/**
 * The one redirect response: 308, one Location (the query string kept), a short lifetime. The Location is absolute
 * because Next parses a proxy response's Location as a URL; it makes it relative again for the same host.
 */
export function oldSlugRedirect(currentSlug: string, requestUrl: string): Response {
  const target = new URL(requestUrl);
  target.pathname = `/articles/${currentSlug}`;
  return new Response(null, { status: 308, headers: { Location: target.href, "Cache-Control": OLD_SLUG_CACHE_CONTROL } });
}

export interface RememberOptions {
  /** How long "not moved" is believed; a story moved meanwhile is redirected by its page until then. */
  ttlMs: number;
  max: number;
}

/**
 * `look` with its "not moved" answers (null) remembered for `ttlMs`, and concurrent asks for one key sharing one
 * lookup: a story read a thousand times a second costs one query every few seconds, not one per request. A
 * redirect is looked up every time (old links are rare), so a remembered answer can only ever send a request on to
 * the page, never to an address the story has since left. A failed lookup is forgotten at once.
 */
export function rememberMisses(look: (key: string) => Promise<string | null>, { ttlMs, max }: RememberOptions) {
  const answers = new LRUCache<string, { answer: Promise<string | null> }>({ max, ttl: ttlMs });
  return (key: string): Promise<string | null> => {
    const known = answers.get(key);
    if (known) return known.answer;
    const entry = { answer: look(key) };
    answers.set(key, entry);
    const forget = () => {
      if (answers.get(key) === entry) answers.delete(key);
    };
    entry.answer.then((answer) => answer !== null && forget(), forget);
    return entry.answer;
  };
}
