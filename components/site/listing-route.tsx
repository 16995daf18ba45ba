import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { ArticleSummary, Page } from "@/lib/dal/articles";
import { getSiteSettings, type SiteSettingsView } from "@/lib/dal/settings";
import type { JsonLdDocument } from "@/lib/seo/json-ld";
import { isSlug } from "@/lib/content/slug";
import { parsePageParam } from "@/lib/validation/params";
import { notFoundMetadata } from "@/lib/seo/metadata";
import { JsonLd } from "./json-ld";
import { ListingPage } from "./listing-page";
import { NotFoundPage } from "./not-found-page";

// `?page=N` reaches the route as a path parameter (next.config.ts rewrites it to …/p/N), so each page of a listing is
// a path of its own that is cached whole; nothing here reads the query string.
type Props = { params: Promise<{ slug: string; page?: string }> };

interface ListingView {
  kicker: string;
  title: string;
  intro?: ReactNode;
  basePath: string;
  showSection?: boolean;
  layout?: "front" | "list";
}

interface ListingSeo {
  metadata: (site: SiteSettingsView, page: number) => Metadata;
  jsonLd?: (site: SiteSettingsView) => JsonLdDocument;
}

/**
 * Section, tag and author pages work alike: validate the slug and ?page= (404 on nonsense or past the last page),
 * load through the data layer, render a ListingPage. Each route file supplies its loader and its words.
 */
export function listingRoute<T extends { articles: Page<ArticleSummary> }>(
  load: (slug: string, page: number) => Promise<T | null>,
  describe: (data: T) => ListingView,
  seo: (data: T) => ListingSeo,
) {
  async function find({ params }: Props) {
    const { slug, page: rawPage } = await params;
    const page = parsePageParam(rawPage);
    if (!isSlug(slug) || page === null) return null;
    const data = await load(slug, page);
    if (!data || page > data.articles.pageCount) return null;
    return { data, view: describe(data) };
  }

  // Nothing there: the 404 page in the site's chrome (components/site/not-found-page.tsx says why not notFound()).
  async function generateMetadata(props: Props): Promise<Metadata> {
    const found = await find(props);
    if (!found) return notFoundMetadata();
    return seo(found.data).metadata(await getSiteSettings(), found.data.articles.page);
  }

  async function ListingRoutePage(props: Props) {
    const [found, site] = await Promise.all([find(props), getSiteSettings()]);
    if (!found) return <NotFoundPage />;
    const { data, view } = found;
    const jsonLd = seo(data).jsonLd?.(site);
    return (
      <>
        {jsonLd && <JsonLd data={jsonLd} />}
        <ListingPage {...view} articles={data.articles} timeZone={site.timeZone} />
      </>
    );
  }

  // Rendered on first request and then served from the cache; no listing at build time (no database then).
  async function generateStaticParams(): Promise<{ slug: string }[]> {
    return [];
  }

  return { generateMetadata, generateStaticParams, Page: ListingRoutePage };
}
