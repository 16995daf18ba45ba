import type { Metadata } from "next";
import { SearchForm } from "@/components/site/search-form";
import { Pagination } from "@/components/site/pagination";
import { SearchResultList } from "@/components/site/search-results";
import { searchArticles } from "@/lib/dal/search";
import { getSiteSettings } from "@/lib/dal/settings";
import { searchPageParams } from "@/lib/search/params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Malformed ?page= values mean page 1 and pages past the end show the last one (see lib/search/params.ts), rather
// than a 404: search URLs are typed and shared by readers.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = searchPageParams.parse(await searchParams);
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = searchPageParams.parse(await searchParams);
  const [search, site] = await Promise.all([searchArticles(q, { page }), getSiteSettings()]);
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-8 border-b border-neutral-900 pb-6 dark:border-neutral-300">
        <h1 className="font-serif text-4xl font-bold tracking-tight">Search</h1>
        <SearchForm query={search.query} />
      </header>
      <SearchResultList search={search} timeZone={site.timeZone} />
      <Pagination
        basePath="/search"
        params={{ q: search.query }}
        page={search.page}
        pageCount={search.pageCount}
        labels={{ nav: "Search results pages", previous: "← Previous results", next: "Next results →" }}
      />
    </div>
  );
}
