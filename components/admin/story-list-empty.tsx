import Link from "@/components/admin/newsroom-link";
import { NEW_STORY_HREF } from "./story-links";

/**
 * What the story list says when it has nothing to show: no stories at all, none matching the filters, or a page
 * number past the end (a stale bookmark or a hand-edited URL), each with the way on.
 */
export function StoryListEmpty({
  reason,
  page,
  pageCount,
  firstPageHref,
}: {
  reason: "none" | "no-match" | "past-end";
  page: number;
  pageCount: number;
  firstPageHref: string;
}) {
  return (
    <div role="status" className="rounded-lg border border-dashed border-neutral-400 px-6 py-10 text-center dark:border-neutral-600">
      {reason === "none" && (
        <>
          <p className="text-lg font-semibold">No stories yet.</p>
          <p className="mt-1">
            <Link href={NEW_STORY_HREF} className="underline underline-offset-4">
              Start a new story
            </Link>
            .
          </p>
        </>
      )}
      {reason === "no-match" && (
        <>
          <p className="text-lg font-semibold">No stories match these filters.</p>
          <p className="mt-1">
            Try fewer filters, or{" "}
            <Link href="/admin/stories" className="underline underline-offset-4">
              clear them all
            </Link>
            .
          </p>
        </>
      )}
      {reason === "past-end" && (
        <>
          <p className="text-lg font-semibold">There is no page {page}.</p>
          <p className="mt-1">
            This list has {pageCount} {pageCount === 1 ? "page" : "pages"}.{" "}
            <Link href={firstPageHref} className="underline underline-offset-4">
              Go to the first page
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}
