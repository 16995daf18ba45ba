// Every public path the SEO layer hands out, and how to make it absolute. Pages use relative paths (the root layout's
// metadataBase resolves them); feeds, sitemaps and JSON-LD need absolute URLs, built from SITE_URL.

export const articlePath = (slug: string) => `/articles/${slug}`;
export const sectionPath = (slug: string) => `/sections/${slug}`;
export const tagPath = (slug: string) => `/tags/${slug}`;
export const authorPath = (slug: string) => `/authors/${slug}`;

export const HOME_PATH = "/";
export const ABOUT_PATH = "/about";
export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** The generated site-wide card (app/opengraph-image.tsx). */
export const SITE_OG_IMAGE = { path: "/opengraph-image", width: 1200, height: 630 } as const;

/**
 * The story's generated card in the three shapes structured data offers for a story without an image (Google asks
 * for 16x9, 4x3 and 1x1, at least 1200 px wide): /cards/articles/<slug>/<shape>.png, app/cards/articles/**.
 */
export const ARTICLE_CARD_SHAPES = {
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;

export type CardShape = keyof typeof ARTICLE_CARD_SHAPES;

export function articleCardPath(slug: string, shape: CardShape): string {
  return `/cards/articles/${slug}/${shape}.png`;
}

/** The shape a card file name (`16x9.png`) asks for, or null. */
export function cardShapeOf(file: string): CardShape | null {
  const shape = file.endsWith(".png") ? file.slice(0, -".png".length) : "";
  return Object.hasOwn(ARTICLE_CARD_SHAPES, shape) ? (shape as CardShape) : null;
}

/** The publisher's logo for structured data and feeds (public/publisher-logo.png). */
export const PUBLISHER_LOGO = { path: "/publisher-logo.png", width: 512, height: 512 } as const;

/** "https://news.example.com" + "/articles/x"; the site URL carries no trailing slash (lib/env-schema.ts). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return path === "/" ? `${siteUrl}/` : `${siteUrl}${path}`;
}

// Next gives a metadata image inside a route group a suffix, so two groups cannot claim the same URL: the first six
// base-36 digits of a 32-bit djb2 hash of the folder path (next/dist/lib/metadata/get-metadata-route.js). The
// article card lives in app/(site)/articles/[slug]; json-ld.test.ts checks this against Next's own function.
const ARTICLE_OG_FOLDER = "/(site)/articles/[slug]";

function djb2(text: string): number {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) & 0xffffffff;
  return hash >>> 0;
}

const ARTICLE_OG_SUFFIX = djb2(ARTICLE_OG_FOLDER).toString(36).slice(0, 6);

/** Where app/(site)/articles/[slug]/opengraph-image.tsx answers for one story. */
export function articleOgImagePath(slug: string): string {
  return `${articlePath(slug)}/opengraph-image-${ARTICLE_OG_SUFFIX}`;
}
