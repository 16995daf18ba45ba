// Per-page Metadata for the reader site. Paths stay relative: the root layout's metadataBase (SITE_URL) makes
// canonical, Open Graph and feed links absolute. The root layout's title template adds " | {site name}".
import type { Metadata } from "next";
import type { ArticleDetail, LinkRef } from "@/lib/dal/articles";
import { env } from "@/lib/env";
import { feedAlternates, feedTitle, type FeedLink } from "./feeds";
import type { SeoOptions, SeoSite } from "./json-ld";
import { absoluteUrl, articlePath, authorPath, HOME_PATH, sectionPath, SITE_OG_IMAGE, tagPath } from "./urls";

export interface PageOptions {
  /** A listing page number; pages after the first get their own canonical URL and title. */
  page?: number;
}

// The usual country of a language given without one, where it is not the language code itself ("fr" → FR), for
// og:locale (Open Graph wants language_TERRITORY). "ar_AR" is Facebook's own code for Arabic.
const DEFAULT_TERRITORY: Record<string, string> = {
  af: "ZA", am: "ET", ar: "AR", be: "BY", bn: "BD", bs: "BA", ca: "ES", cs: "CZ", cy: "GB", da: "DK", el: "GR",
  en: "US", et: "EE", eu: "ES", fa: "IR", ga: "IE", gl: "ES", gu: "IN", he: "IL", hi: "IN", hy: "AM", ja: "JP",
  ka: "GE", kk: "KZ", km: "KH", kn: "IN", ko: "KR", lo: "LA", ml: "IN", mr: "IN", ms: "MY", my: "MM", nb: "NO",
  ne: "NP", nn: "NO", pa: "IN", si: "LK", sl: "SI", sq: "AL", sr: "RS", sv: "SE", sw: "KE", ta: "IN", te: "IN",
  tl: "PH", uk: "UA", ur: "PK", vi: "VN", xh: "ZA", zh: "CN", zu: "ZA",
};

/**
 * The site language as an Open Graph locale: "en-US" → "en_US"; a bare language gets its usual country ("en" →
 * "en_US", "fr" → "fr_FR"); anything else has none.
 */
export function openGraphLocale(language: string): string | undefined {
  const [lang = "", region, ...rest] = language.trim().split(/[-_]/);
  if (!/^[a-z]{2,3}$/i.test(lang) || rest.length > 0) return undefined;
  const code = lang.toLowerCase();
  if (region !== undefined) return /^[a-z]{2}$/i.test(region) ? `${code}_${region.toUpperCase()}` : undefined;
  const territory = DEFAULT_TERRITORY[code] ?? (code.length === 2 ? code.toUpperCase() : undefined);
  return territory && `${code}_${territory}`;
}

/** Reader pages that search engines should index may show a large image preview (Google Discover wants it). */
export const READER_ROBOTS = { index: true, follow: true, "max-image-preview": "large" } as const satisfies Metadata["robots"];

/** A 404 (components/site/not-found-page.tsx): titled as such and kept out of the index. */
export function notFoundMetadata(): Metadata {
  return { title: "Page not found", robots: { index: false, follow: true } };
}

/** twitter:site, when the settings name the publication's account. */
function twitterSite(site: SeoSite): { site?: string } {
  const handle = site.twitterHandle?.trim().replace(/^@/, "");
  return handle ? { site: `@${handle}` } : {};
}

function siteFeed(site: SeoSite): FeedLink {
  return { kind: "site", title: feedTitle(site.name, null) };
}

function paged(path: string, title: string, page: number | undefined) {
  return page && page > 1 ? { path: `${path}?page=${page}`, title: `${title} (page ${page})` } : { path, title };
}

// Setting openGraph on a page replaces the one inherited from the root, file-based card included, so listing pages
// name the site card again. Articles leave `images` out and get their own generated card from opengraph-image.tsx.
function siteCard(site: SeoSite) {
  return [{ url: SITE_OG_IMAGE.path, width: SITE_OG_IMAGE.width, height: SITE_OG_IMAGE.height, alt: site.name }];
}

interface ListingPage {
  title: string;
  description: string;
  path: string;
  feeds: FeedLink[];
}

function listingMetadata(site: SeoSite, { title, description, path, feeds }: ListingPage, { page }: PageOptions): Metadata {
  const current = paged(path, title, page);
  return {
    title: current.title,
    description,
    robots: READER_ROBOTS,
    alternates: { canonical: current.path, types: feedAlternates([...feeds, siteFeed(site)]) },
    openGraph: {
      type: "website",
      url: current.path,
      title: current.title,
      description,
      siteName: site.name,
      locale: openGraphLocale(site.language),
      images: siteCard(site),
    },
    twitter: { card: "summary_large_image", ...twitterSite(site), title: current.title, description },
  };
}

/** The home page: the site's own title (no template), description and feeds. */
export function homeMetadata(site: SeoSite): Metadata {
  return {
    title: { absolute: site.name },
    description: site.description,
    robots: READER_ROBOTS,
    alternates: { canonical: HOME_PATH, types: feedAlternates(siteFeed(site)) },
    openGraph: {
      type: "website",
      url: HOME_PATH,
      title: site.name,
      description: site.description,
      siteName: site.name,
      locale: openGraphLocale(site.language),
      images: siteCard(site),
    },
    twitter: { card: "summary_large_image", ...twitterSite(site), title: site.name, description: site.description },
  };
}

export function sectionMetadata(section: LinkRef & { description: string }, site: SeoSite, options: PageOptions = {}): Metadata {
  return listingMetadata(
    site,
    {
      title: section.name,
      description: section.description || `The latest ${section.name} news from ${site.name}.`,
      path: sectionPath(section.slug),
      feeds: [{ kind: "section", slug: section.slug, title: feedTitle(site.name, section) }],
    },
    options,
  );
}

export function tagMetadata(tag: LinkRef, site: SeoSite, options: PageOptions = {}): Metadata {
  return listingMetadata(
    site,
    { title: tag.name, description: `Stories about ${tag.name} from ${site.name}.`, path: tagPath(tag.slug), feeds: [] },
    options,
  );
}

export function authorMetadata(author: LinkRef & { bio: string }, site: SeoSite, options: PageOptions = {}): Metadata {
  return listingMetadata(
    site,
    {
      title: author.name,
      description: author.bio || `Stories by ${author.name} for ${site.name}.`,
      path: authorPath(author.slug),
      feeds: [{ kind: "author", slug: author.slug, title: feedTitle(site.name, author) }],
    },
    options,
  );
}

/** Any other page (about, search): title, description, canonical path and the site card. */
export function pageMetadata(page: { title: string; description: string; path: string }, site: SeoSite): Metadata {
  return listingMetadata(site, { ...page, feeds: [] }, {});
}

/**
 * A story: SEO title and description, canonical URL, Open Graph article facts (times, section, tags, author pages)
 * and a large Twitter card. The image is the story's generated card (opengraph-image.tsx).
 */
export function articleMetadata(article: ArticleDetail, site: SeoSite, { siteUrl = env.SITE_URL }: SeoOptions = {}): Metadata {
  const path = articlePath(article.slug);
  const description = article.seoDescription ?? article.standfirst;
  const feeds: FeedLink[] = article.section
    ? [{ kind: "section", slug: article.section.slug, title: feedTitle(site.name, article.section) }]
    : [];
  return {
    title: article.seoTitle ?? article.headline,
    description,
    robots: READER_ROBOTS,
    alternates: { canonical: path, types: feedAlternates([siteFeed(site), ...feeds]) },
    openGraph: {
      type: "article",
      url: path,
      title: article.headline,
      description,
      siteName: site.name,
      locale: openGraphLocale(site.language),
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: (article.updatedAt ?? article.publishedAt).toISOString(),
      section: article.section?.name,
      tags: article.tags.map((tag) => tag.name),
      authors: article.bylines.map((byline) => absoluteUrl(siteUrl, authorPath(byline.slug))),
    },
    twitter: { card: "summary_large_image", ...twitterSite(site), title: article.headline, description },
  };
}
