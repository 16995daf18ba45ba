import type { Metadata } from "next";
import { SearchForm } from "@/components/site/search-form";
import { Pagination } from "@/components/site/pagination";
import { SearchResultList } from "@/components/site/search-results";
import { searchArticles } from "@/lib/dal/search";
import { getSiteSettings } from "@/lib/dal/settings";

export function searchMetadata(q: string): Metadata {
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

/**
 * The search page for a query (app/(site)/search, rendered per request) or without one: the landing at `/search`,
 * served from the cache by app/(site)/fronts/[front].
 */
export async function SearchView({ q, page }: { q: string; page: number }) {
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
