import { listingRoute } from "@/components/site/listing-route";
import { getAuthorPage, getSectionPage, getTagPage } from "@/lib/dal/articles";
import { sectionBreadcrumbJsonLd } from "@/lib/seo/json-ld";
import { authorMetadata, sectionMetadata, tagMetadata } from "@/lib/seo/metadata";
import { AuthorProfileHeader } from "./author-profile";

// The section, tag and author listings. Each is served by two route files: page 1 at /sections/x and page N at
// /sections/x/p/N (where next.config.ts rewrites ?page=N), so every page of a listing is cached under its own path.

export const sectionListing = listingRoute(
  getSectionPage,
  ({ section }) => ({
    kicker: "Section",
    title: section.name,
    intro: section.description ? <p>{section.description}</p> : undefined,
    basePath: `/sections/${section.slug}`,
    showSection: false,
    layout: "front",
  }),
  ({ section }) => ({
    metadata: (site, page) => sectionMetadata(section, site, { page }),
    jsonLd: (site) => sectionBreadcrumbJsonLd(section, site),
  }),
);

export const tagListing = listingRoute(
  getTagPage,
  ({ tag }) => ({ kicker: "Topic", title: tag.name, basePath: `/tags/${tag.slug}` }),
  ({ tag }) => ({ metadata: (site, page) => tagMetadata(tag, site, { page }) }),
);

export const authorListing = listingRoute(
  getAuthorPage,
  ({ author }) => ({
    kicker: "Author",
    title: author.name,
    intro: <AuthorProfileHeader author={author} />,
    basePath: `/authors/${author.slug}`,
  }),
  ({ author }) => ({ metadata: (site, page) => authorMetadata(author, site, { page }) }),
);
