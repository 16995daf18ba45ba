import { MAX_QUERY_LENGTH } from "@/lib/search/query";

/** The search box: a plain GET form, so it works before (and without) any JavaScript. */
export function SearchForm({ query }: { query: string }) {
  return (
    // Keyed by the query so the box shows the current search after navigating from one search to another.
    <form key={query} role="search" action="/search" method="get" className="mt-4">
      <label htmlFor="search-query" className="block text-sm font-semibold text-neutral-700 dark:text-neutral-300">
        Search stories
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
          className="min-w-0 flex-1 rounded-md border border-neutral-500 bg-paper px-3 py-2 text-base text-ink dark:border-neutral-400"
        />
        <button
          type="submit"
          className="rounded-md bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
        >
          Search
        </button>
      </div>
    </form>
  );
}
