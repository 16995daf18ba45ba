import Link from "next/link";

/** Previous/next links for a paged list; page 1 has no ?page= so each page has one canonical URL. */
export function Pagination({ basePath, page, pageCount }: { basePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between border-t border-neutral-200 pt-4 text-sm dark:border-neutral-800">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-medium underline underline-offset-4">
          ← Newer stories
        </Link>
      ) : (
        <span />
      )}
      <span className="text-neutral-600 dark:text-neutral-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="font-medium underline underline-offset-4">
          Older stories →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
