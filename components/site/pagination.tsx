import Link from "next/link";

interface Labels {
  nav: string;
  previous: string;
  next: string;
}

const STORY_LABELS: Labels = { nav: "Pagination", previous: "← Newer stories", next: "Older stories →" };

/**
 * Previous/next links for a paged list. Page 1 carries no ?page=, so each page has one canonical URL; other query
 * parameters (a search's q) are kept.
 */
export function Pagination({
  basePath,
  page,
  pageCount,
  params = {},
  labels = STORY_LABELS,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  params?: Record<string, string>;
  labels?: Labels;
}) {
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const query = new URLSearchParams(n === 1 ? params : { ...params, page: String(n) }).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
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
