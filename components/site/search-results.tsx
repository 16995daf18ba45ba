import { Fragment } from "react";
import Link from "next/link";
import type { SearchResult, SearchResults } from "@/lib/dal/search";
import { hasHighlight, type SnippetSegment } from "@/lib/search/snippet";
import { TimeStamp } from "./time-stamp";

function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return segments.map((segment, index) =>
    segment.highlighted ? (
      <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-neutral-900 dark:bg-amber-200">
        {segment.text}
      </mark>
    ) : (
      <Fragment key={index}>{segment.text}</Fragment>
    ),
  );
}

function SearchResultItem({ result, timeZone }: { result: SearchResult; timeZone: string }) {
  // A story found by its headline or standfirst alone has no matched words in the body passage: show the standfirst.
  const showSnippet = hasHighlight(result.snippet) || !result.standfirst;
  return (
    <article>
      {result.section && (
        <p className="text-xs font-bold uppercase tracking-wider text-neutral-600 dark:text-neutral-400">{result.section.name}</p>
      )}
      <h2 className="mt-1 font-serif text-xl font-bold leading-tight">
        <Link href={`/articles/${result.slug}`} className="hover:underline">
          {result.headline}
        </Link>
      </h2>
      <p className="mt-2 max-w-prose text-neutral-700 dark:text-neutral-300">
        {showSnippet ? <Snippet segments={result.snippet} /> : result.standfirst}
      </p>
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        <TimeStamp date={result.publishedAt} timeZone={timeZone} />
      </p>
    </article>
  );
}

/** What a search found: a prompt before any search, a hint when nothing matched, else the count and the stories. */
export function SearchResultList({ search, timeZone }: { search: SearchResults; timeZone: string }) {
  if (!search.query) {
    return <p className="py-10 text-neutral-600 dark:text-neutral-400">Type a word or two above to search every published story.</p>;
  }
  if (search.total === 0) {
    return (
      <div className="py-10">
        <p className="text-lg">No stories match “{search.query}”.</p>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">Check the spelling, or try fewer or different words.</p>
      </div>
    );
  }
  const first = (search.page - 1) * search.pageSize + 1;
  const last = first + search.results.length - 1;
  // Only the newest matches are ranked (lib/search/index.ts): beyond them the count is "1,000+", not a number.
  const count = search.capped ? `${search.total.toLocaleString("en")}+` : search.total.toLocaleString("en");
  return (
    <>
      <p className="mb-6 text-sm text-neutral-600 dark:text-neutral-400">
        {count} {search.total === 1 && !search.capped ? "story matches" : "stories match"} “{search.query}”
        {search.pageCount > 1 && ` · showing ${first}–${last}`}
        {search.capped && ` of the newest ${search.total.toLocaleString("en")}, best first`}
      </p>
      <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
        {search.results.map((result) => (
          <li key={result.slug} className="py-6 first:pt-0">
            <SearchResultItem result={result} timeZone={timeZone} />
          </li>
        ))}
      </ol>
    </>
  );
}
