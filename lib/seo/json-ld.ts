// schema.org structured data for search engines: NewsArticle (or the subtype for the story's type of work),
// BreadcrumbList, WebSite and NewsMediaOrganization.
// Pure builders from the reader DTOs, which only ever hold published stories; json-ld.test.ts spells out the
// properties schema.org and Google's Article and Breadcrumb documentation require or recommend.
import type { ArticleDetail, LinkRef } from "@/lib/dal/articles";
import { env } from "@/lib/env";
import { CROPS, renditionUrl, storageKeyOf } from "@/lib/media/variants";
import { sitePagePath } from "@/lib/validation/site-pages";
import type { WorkTypeName } from "@/lib/validation/stories";
import type { LiveBlogPostingLd } from "./live-json-ld";
import type { ProfilePageLd } from "./profile-json-ld";
import { absoluteUrl, ARTICLE_CARD_SHAPES, articleCardPath, articlePath, authorPath, HOME_PATH, PUBLISHER_LOGO, sectionPath, type CardShape } from "./urls";

const CONTEXT = "https://schema.org";

/** Google truncates longer headlines in rich results. */
export const MAX_HEADLINE_LENGTH = 110;

export interface SeoSite {
  name: string;
  description: string;
  language: string;
  /** The publication's X/Twitter account without the @ (twitter:site), or empty. */
  twitterHandle?: string;
  /** The organisation's profiles elsewhere (settings), the publisher's sameAs. */
  sameAs?: string[];
  /** Slugs of the published site pages (lib/dal/site-pages.ts), which name the publisher's policies. */
  sitePages?: string[];
}

export interface SeoOptions {
  /** Absolute origin without a trailing slash; defaults to SITE_URL. */
  siteUrl?: string;
}

export interface ImageObjectLd {
  "@type": "ImageObject";
  url: string;
  width: number;
  height: number;
  caption?: string;
}

export interface AuthorLd {
  "@type": "Person" | "Organization";
  name: string;
  url: string;
}

export interface PublisherLd {
  "@type": "NewsMediaOrganization";
  "@id": string;
  name: string;
  url: string;
  logo: ImageObjectLd;
  description?: string;
  publishingPrinciples?: string;
  correctionsPolicy?: string;
  ethicsPolicy?: string;
  masthead?: string;
  ownershipFundingInfo?: string;
  sameAs?: string[];
}

export interface CorrectionCommentLd {
  "@type": "CorrectionComment";
  text: string;
  datePublished: string;
}

/**
 * The story's type of work as schema.org names it (The Trust Project's mapping). Sponsored content is an
 * AdvertiserContentArticle, schema.org's type for paid-for content, not a NewsArticle subtype: a search engine
 * reading the type alone cannot take it for the newsroom's journalism.
 */
export const ARTICLE_TYPES = {
  NEWS: "NewsArticle",
  ANALYSIS: "AnalysisNewsArticle",
  OPINION: "OpinionNewsArticle",
  REVIEW: "ReviewNewsArticle",
  EXPLAINER: "BackgroundNewsArticle",
  SPONSORED: "AdvertiserContentArticle",
} as const satisfies Record<WorkTypeName, string>;

export type ArticleLdType = (typeof ARTICLE_TYPES)[WorkTypeName];

export interface NewsArticleLd {
  "@context": typeof CONTEXT;
  "@type": ArticleLdType;
  headline: string;
  description?: string;
  image: ImageObjectLd[];
  datePublished: string;
  dateModified: string;
  author: AuthorLd[];
  publisher: PublisherLd;
  mainEntityOfPage: { "@type": "WebPage"; "@id": string };
  url: string;
  inLanguage: string;
  isAccessibleForFree: true;
  articleSection?: string;
  keywords?: string[];
  correction?: CorrectionCommentLd[];
  /** Where the story was reported; a NewsArticle property, so never on sponsored content. */
  dateline?: string;
  /** "sponsored" on an AdvertiserContentArticle, for consumers that read only the genre. */
  genre?: string;
}

export interface ListItemLd {
  "@type": "ListItem";
  position: number;
  name: string;
  item: string;
}

export interface BreadcrumbListLd {
  "@context": typeof CONTEXT;
  "@type": "BreadcrumbList";
  itemListElement: ListItemLd[];
}

export interface WebSiteLd {
  "@context": typeof CONTEXT;
  "@type": "WebSite";
  "@id": string;
  name: string;
  url: string;
  description?: string;
  inLanguage: string;
  publisher: { "@id": string };
}

export type OrganizationLd = PublisherLd & { "@context": typeof CONTEXT };

export interface PersonLd {
  "@context": typeof CONTEXT;
  "@type": "Person";
  "@id": string;
  name: string;
  url: string;
  jobTitle?: string;
  description?: string;
  image?: ImageObjectLd;
  /** Profiles elsewhere (the byline's links). */
  sameAs?: string[];
}

export type JsonLdDocument = NewsArticleLd | LiveBlogPostingLd | BreadcrumbListLd | WebSiteLd | OrganizationLd | PersonLd | ProfilePageLd;

/** An author page's Person: name, page, job title, photo and the profiles their byline links to. */
export function personJsonLd(
  author: { slug: string; name: string; bio: string; jobTitle: string; links: string[]; photo: { src: string; width: number; height: number } | null },
  { siteUrl = env.SITE_URL }: SeoOptions = {},
): PersonLd {
  const url = absoluteUrl(siteUrl, authorPath(author.slug));
  return {
    "@context": CONTEXT,
    "@type": "Person",
    "@id": `${url}#person`,
    name: author.name,
    url,
    ...(author.jobTitle && { jobTitle: author.jobTitle }),
    ...(author.bio && { description: author.bio }),
    ...(author.photo && { image: { "@type": "ImageObject", url: absoluteUrl(siteUrl, author.photo.src), width: author.photo.width, height: author.photo.height } }),
    ...(author.links.length > 0 && { sameAs: author.links }),
  };
}

/** Cuts at a word boundary and adds an ellipsis, so the result is at most `max` characters. */
export function truncateHeadline(headline: string, max: number = MAX_HEADLINE_LENGTH): string {
  const text = headline.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

// A byline is not always a person: desks, wire services and the newsroom itself write too.
const ORGANIZATION_BYLINE = /\b(newsroom|news desk|desk|staff|editors|editorial board|wire|agency|press|reporters|team)\b/i;

export function bylineType(name: string, siteName: string): AuthorLd["@type"] {
  const site = siteName.trim().toLowerCase();
  return ORGANIZATION_BYLINE.test(name) || (site !== "" && name.toLowerCase().includes(site)) ? "Organization" : "Person";
}

function publisherId(siteUrl: string): string {
  return `${siteUrl}/#publisher`;
}

// The published site pages that state the publisher's policies (The Trust Project's indicators), by property.
const POLICY_PAGES: [property: "publishingPrinciples" | "correctionsPolicy" | "ethicsPolicy" | "masthead" | "ownershipFundingInfo", slug: string][] = [
  ["publishingPrinciples", "ethics-policy"],
  ["ethicsPolicy", "ethics-policy"],
  ["correctionsPolicy", "corrections-policy"],
  ["masthead", "masthead"],
  ["ownershipFundingInfo", "ownership-funding"],
];

function publisherPolicies(site: SeoSite, siteUrl: string): Partial<PublisherLd> {
  const published = new Set(site.sitePages ?? []);
  const policies: Partial<PublisherLd> = {};
  for (const [property, slug] of POLICY_PAGES) {
    if (published.has(slug)) policies[property] = absoluteUrl(siteUrl, sitePagePath(slug));
  }
  const sameAs = (site.sameAs ?? []).filter(Boolean);
  return { ...policies, ...(sameAs.length > 0 && { sameAs }) };
}

function publisher(site: SeoSite, siteUrl: string): PublisherLd {
  return {
    "@type": "NewsMediaOrganization",
    "@id": publisherId(siteUrl),
    name: site.name,
    url: absoluteUrl(siteUrl, HOME_PATH),
    logo: { "@type": "ImageObject", url: absoluteUrl(siteUrl, PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
    ...(site.description ? { description: site.description } : {}),
    ...publisherPolicies(site, siteUrl),
  };
}

/**
 * The story's image in the three shapes Google asks for (16x9, 4x3, 1x1, each 1200 px wide): crops of its hero
 * image (lib/media/variants.ts CROPS, cut on first request), or, for a story without one, its generated card in
 * those shapes (app/cards/articles/**).
 */
function articleImages(article: ArticleDetail, siteUrl: string): ImageObjectLd[] {
  const storageKey = article.hero ? storageKeyOf(article.hero.src) : null;
  if (article.hero && storageKey) {
    const caption = article.hero.alt ? { caption: article.hero.alt } : {};
    return CROPS.map((crop) => ({
      "@type": "ImageObject",
      url: absoluteUrl(siteUrl, renditionUrl(storageKey, crop.file)),
      width: crop.width,
      height: crop.height,
      ...caption,
    }));
  }
  return (Object.keys(ARTICLE_CARD_SHAPES) as CardShape[]).map((shape) => ({
    "@type": "ImageObject",
    url: absoluteUrl(siteUrl, articleCardPath(article.slug, shape)),
    ...ARTICLE_CARD_SHAPES[shape],
  }));
}

/**
 * The story as a NewsArticle, or the subtype for its type of work (ARTICLE_TYPES). dateModified is the last
 * substantive update, never a mere re-save.
 */
export function newsArticleJsonLd(article: ArticleDetail, site: SeoSite, { siteUrl = env.SITE_URL }: SeoOptions = {}): NewsArticleLd {
  const url = absoluteUrl(siteUrl, articlePath(article.slug));
  const description = article.seoDescription ?? article.standfirst;
  const corrections = article.corrections.filter((note) => note.kind === "CORRECTION");
  const sponsored = article.workType === "SPONSORED";
  const dateline = article.dateline?.trim();
  return {
    "@context": CONTEXT,
    "@type": ARTICLE_TYPES[article.workType] ?? "NewsArticle",
    headline: truncateHeadline(article.headline),
    ...(description ? { description } : {}),
    image: articleImages(article, siteUrl),
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.updatedAt ?? article.publishedAt).toISOString(),
    author: article.bylines.map((byline) => ({
      "@type": bylineType(byline.name, site.name),
      name: byline.name,
      url: absoluteUrl(siteUrl, authorPath(byline.slug)),
    })),
    publisher: publisher(site, siteUrl),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    ...(dateline && !sponsored ? { dateline } : {}),
    ...(sponsored ? { genre: "sponsored" } : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((note) => ({
            "@type": "CorrectionComment" as const,
            text: note.body,
            datePublished: note.publishedAt.toISOString(),
          })),
        }
      : {}),
  };
}

export interface Crumb {
  name: string;
  path: string;
}

export function breadcrumbJsonLd(crumbs: Crumb[], { siteUrl = env.SITE_URL }: SeoOptions = {}): BreadcrumbListLd {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(siteUrl, crumb.path),
    })),
  };
}

/** Home › Section › Story (Home › Story for a story without a section). */
export function articleBreadcrumbJsonLd(
  article: Pick<ArticleDetail, "slug" | "headline" | "section">,
  site: Pick<SeoSite, "name">,
  options: SeoOptions = {},
): BreadcrumbListLd {
  return breadcrumbJsonLd(
    [
      { name: site.name, path: HOME_PATH },
      ...(article.section ? [{ name: article.section.name, path: sectionPath(article.section.slug) }] : []),
      { name: truncateHeadline(article.headline), path: articlePath(article.slug) },
    ],
    options,
  );
}

/** Home › Section. */
export function sectionBreadcrumbJsonLd(section: LinkRef, site: Pick<SeoSite, "name">, options: SeoOptions = {}): BreadcrumbListLd {
  return breadcrumbJsonLd(
    [
      { name: site.name, path: HOME_PATH },
      { name: section.name, path: sectionPath(section.slug) },
    ],
    options,
  );
}

/** The publisher, for the home page. */
export function organizationJsonLd(site: SeoSite, { siteUrl = env.SITE_URL }: SeoOptions = {}): OrganizationLd {
  return { "@context": CONTEXT, ...publisher(site, siteUrl) };
}

/** The site itself, for the home page; its publisher refers to organizationJsonLd by @id. */
export function webSiteJsonLd(site: SeoSite, { siteUrl = env.SITE_URL }: SeoOptions = {}): WebSiteLd {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    "@id": `${siteUrl}/#website`,
    name: site.name,
    url: absoluteUrl(siteUrl, HOME_PATH),
    ...(site.description ? { description: site.description } : {}),
    inLanguage: site.language,
    publisher: { "@id": publisherId(siteUrl) },
  };
}

/** The home page's structured data: the WebSite and its NewsMediaOrganization. */
export function homeJsonLd(site: SeoSite, options: SeoOptions = {}): JsonLdDocument[] {
  return [webSiteJsonLd(site, options), organizationJsonLd(site, options)];
}

// "<" (and ">", "&") escaped so a headline like "</script><script>…" stays inside the JSON; U+2028/2029 for old parsers.
const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON for a <script type="application/ld+json"> body. */
export function serializeJsonLd(data: JsonLdDocument | JsonLdDocument[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c]);
}
