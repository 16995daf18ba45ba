import type { Metadata } from "next";
import { searchMetadata, SearchView } from "@/components/site/fronts/search";
import { searchPageParams } from "@/lib/search/params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Per request, and never tried at build time: an attempt would render the site's header from the database first.
export const dynamic = "force-dynamic";

// Results for ?q=…, rendered per request. Without a query, /search is the cached landing (next.config.ts rewrites it
// to app/(site)/fronts/[front]). Malformed ?page= values mean page 1 and pages past the end show the last one (see
// lib/search/params.ts), rather than a 404: search URLs are typed and shared by readers.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchPageParams.parse(await searchParams);
  return searchMetadata(q);
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = searchPageParams.parse(await searchParams);
  return <SearchView q={q} page={page} />;
}
