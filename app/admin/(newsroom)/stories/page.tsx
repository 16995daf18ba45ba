import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { Pagination } from "@/components/site/pagination";
import { StoryFilters } from "@/components/admin/story-filters";
import { NewStoryLink } from "@/components/admin/story-links";
import { StoryListEmpty } from "@/components/admin/story-list-empty";
import { StoryTable } from "@/components/admin/story-table";
import { StoryBulkBar } from "@/components/admin/story-bulk-bar";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getSiteSettings } from "@/lib/dal/settings";
import { listStories, listStoryFilterOptions, STORY_PAGE_SIZE } from "@/lib/dal/story-list";
import { TRASH_DAYS, trashedStoryHeadline } from "@/lib/dal/trash";
import { isFiltered, storyListHref, storyListParams, storyListSearch } from "@/lib/validation/story-list";

export const metadata: Metadata = { title: "Stories" };

const TRASHED_ID = /^[A-Za-z0-9_-]{1,64}$/;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Nonsense in the URL (an unknown status, page "abc") means the default, not an error page: see storyListParams.
export default async function StoriesPage({ searchParams }: Props) {
  const user = await requireNewsroomPage({ returnTo: "/admin/stories" });
  const query = await searchParams;
  const params = storyListParams.parse(query);
  // The editor's "Move to trash" comes here with ?trashed=<id>: say where the story went (if it really is there).
  const trashedId = typeof query.trashed === "string" && TRASHED_ID.test(query.trashed) ? query.trashed : null;
  const [result, options, { timeZone }, trashed] = await Promise.all([
    listStories(params),
    listStoryFilterOptions(),
    getSiteSettings(),
    trashedId ? trashedStoryHeadline(trashedId) : null,
  ]);
  const viewsAll = can(user.role, "article.viewAny");
  const { page: _page, ...filters } = params;
  const first = (result.page - 1) * STORY_PAGE_SIZE + 1;
  return (
    <div>
      <header className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Stories</h1>
          <p className="text-sm text-neutral-700 dark:text-neutral-300">
            {viewsAll ? "Every story in the newsroom, in every state." : "The stories you created, in every state."}
          </p>
        </div>
        <NewStoryLink />
      </header>

      {trashed !== null && (
        <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          “{trashed || "Untitled"}” is in the trash. You can restore it from the{" "}
          <Link href="/admin/trash" className="font-semibold underline">
            Trash
          </Link>{" "}
          for {TRASH_DAYS} days.
        </p>
      )}

      <StoryFilters params={params} sections={options.sections} bylines={options.bylines} showMine={viewsAll} />

      {/* Outside the list, so its outcome stays on screen when the action empties the page. */}
      <StoryBulkBar sections={options.sections} canArchive={can(user.role, "article.unpublish")} hasRows={result.items.length > 0} />

      {result.items.length === 0 ? (
        <StoryListEmpty
          reason={result.total > 0 ? "past-end" : isFiltered(params) ? "no-match" : "none"}
          page={result.page}
          pageCount={result.pageCount}
          firstPageHref={storyListHref(filters)}
        />
      ) : (
        <>
          <p className="mb-3 text-sm text-neutral-700 dark:text-neutral-300">
            {result.total === 1 ? "1 story" : `${result.total} stories`}
            {result.pageCount > 1 && ` · showing ${first}–${first + result.items.length - 1}`}
          </p>
          <StoryTable stories={result.items} timeZone={timeZone} caption="Stories" selectable />
          <Pagination
            basePath="/admin/stories"
            params={storyListSearch(filters)}
            page={result.page}
            pageCount={result.pageCount}
            labels={{ nav: "Story list pages", previous: "← Previous page", next: "Next page →" }}
          />
        </>
      )}
    </div>
  );
}
