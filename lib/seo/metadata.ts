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

/** "en-US" → "en_US", the form Open Graph expects; a bare language has no Open Graph locale. */
export function openGraphLocale(language: string): string | undefined {
  const [lang, region] = language.split(/[-_]/);
  return lang && region && /^[a-z]{2,3}$/i.test(lang) && /^[a-z]{2}$/i.test(region)
    ? `${lang.toLowerCase()}_${region.toUpperCase()}`
    : undefined;
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
    twitter: { card: "summary_large_image", title: current.title, description },
  };
}

/** The home page: the site's own title (no template), description and feeds. */
export function homeMetadata(site: SeoSite): Metadata {
  return {
    title: { absolute: site.name },
    description: site.description,
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
    twitter: { card: "summary_large_image", title: site.name, description: site.description },
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
    twitter: { card: "summary_large_image", title: article.headline, description },
  };
}
