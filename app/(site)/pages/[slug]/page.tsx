import type { Metadata } from "next";
import { NotFoundPage } from "@/components/site/not-found-page";
import { permanentRedirect } from "next/navigation";
import { SitePageView } from "@/components/site/site-page-view";
import { getSiteSettings } from "@/lib/dal/settings";
import { getPublishedSitePage } from "@/lib/dal/site-pages";
import { notFoundMetadata, pageMetadata } from "@/lib/seo/metadata";
import { isSitePageSlug, sitePagePath } from "@/lib/validation/site-pages";

type Props = { params: Promise<{ slug: string }> };

// Contact, the policies, the masthead (lib/validation/site-pages.ts): rendered on first request and served whole from
// the cache until the page is saved, published or unpublished (lib/dal/site-pages.ts). About lives at /about.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

async function find(slug: string) {
  return isSitePageSlug(slug) ? getPublishedSitePage(slug) : null;
}

function describe(html: string): string {
  const text = html.replace(/<[^>]*>/g, " ").replace(/&[^;\s]+;/g, " ").replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await find(slug);
  if (!page) return notFoundMetadata();
  const site = await getSiteSettings();
  return pageMetadata({ title: page.title, description: describe(page.html) || site.description, path: sitePagePath(slug) }, site);
}

export default async function SitePage({ params }: Props) {
  const { slug } = await params;
  if (slug === "about") permanentRedirect("/about");
  const [page, site] = await Promise.all([find(slug), getSiteSettings()]);
  if (!page) return <NotFoundPage />;
  return <SitePageView page={page} timeZone={site.timeZone} />;
}
