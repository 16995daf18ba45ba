import Link from "next/link";

interface Labels {
  nav: string;
  previous: string;
  next: string;
}

const STORY_LABELS: Labels = { nav: "Pagination", previous: "← Newer stories", next: "Older stories →" };

/** Where the pages are: a path paged by ?page= (keeping other query parameters), or a function naming each page's URL. */
type Pages = { basePath: string; params?: Record<string, string>; hrefFor?: never } | { hrefFor: (page: number) => string; basePath?: never; params?: never };

/** The URL of page `n` of a list at `basePath`: page 1 carries no ?page=, so each page has one canonical URL. */
function pageQueryHref(basePath: string, params: Record<string, string>, n: number): string {
  const query = new URLSearchParams(n === 1 ? params : { ...params, page: String(n) }).toString();
  return query ? `${basePath}?${query}` : basePath;
}

/**
 * Previous/next links for a paged list: by default ?page= on `basePath`, other query parameters (a search's q) kept;
 * lists with their own URL scheme (/corrections/page/2) pass `hrefFor`.
 */
export function Pagination({
  page,
  pageCount,
  labels = STORY_LABELS,
  ...pages
}: Pages & {
  page: number;
  pageCount: number;
  labels?: Labels;
}) {
  if (pageCount <= 1) return null;
  const href = pages.hrefFor ?? ((n: number) => pageQueryHref(pages.basePath, pages.params ?? {}, n));
  return (
    <nav aria-label={labels.nav} className="mt-10 flex items-center justify-between border-t border-neutral-200 pt-4 text-sm dark:border-neutral-800">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" aria-label={`${labels.previous.replace(/[←→]/g, "").trim()} (page ${page - 1})`} className="font-medium underline underline-offset-4">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-neutral-600 dark:text-neutral-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" aria-label={`${labels.next.replace(/[←→]/g, "").trim()} (page ${page + 1})`} className="font-medium underline underline-offset-4">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
