import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import type { ArticleSummary, Page } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { isSlug } from "@/lib/content/slug";
import { parsePageParam } from "@/lib/validation/params";
import { ListingPage } from "./listing-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

interface ListingView {
  kicker: string;
  title: string;
  description: string;
  intro?: ReactNode;
  basePath: string;
  showSection?: boolean;
}

/**
 * Section, tag and author pages work alike: validate the slug and ?page= (404 on nonsense or past the last page),
 * load through the data layer, render a ListingPage. Each route file supplies its loader and its words.
 */
export function listingRoute<T extends { articles: Page<ArticleSummary> }>(
  load: (slug: string, page: number) => Promise<T | null>,
  describe: (data: T) => ListingView,
) {
  async function find({ params, searchParams }: Props) {
    const [{ slug }, { page: rawPage }] = await Promise.all([params, searchParams]);
    const page = parsePageParam(rawPage);
    if (!isSlug(slug) || page === null) return null;
    const data = await load(slug, page);
    if (!data || page > data.articles.pageCount) return null;
    return { data, view: describe(data) };
  }

  async function resolve(props: Props) {
    return (await find(props)) ?? notFound();
  }

  // Metadata never throws notFound(): thrown there, Next would send an empty error shell instead of the 404 page.
  async function generateMetadata(props: Props): Promise<Metadata> {
    const found = await find(props);
    if (!found) return {};
    const { data, view } = found;
    const page = data.articles.page;
    return {
      title: page > 1 ? `${view.title} (page ${page})` : view.title,
      description: view.description,
      alternates: { canonical: page > 1 ? `${view.basePath}?page=${page}` : view.basePath },
    };
  }

  async function ListingRoutePage(props: Props) {
    const [{ data, view }, site] = await Promise.all([resolve(props), getSiteSettings()]);
    return <ListingPage {...view} articles={data.articles} timeZone={site.timeZone} />;
  }

  return { generateMetadata, Page: ListingRoutePage };
}
