import type { Metadata } from "next";
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
import { isFiltered, storyListHref, storyListParams, storyListSearch } from "@/lib/validation/story-list";

export const metadata: Metadata = { title: "Stories" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Nonsense in the URL (an unknown status, page "abc") means the default, not an error page: see storyListParams.
export default async function StoriesPage({ searchParams }: Props) {
  const user = await requireNewsroomPage({ returnTo: "/admin/stories" });
  const params = storyListParams.parse(await searchParams);
  const [result, options, { timeZone }] = await Promise.all([listStories(params), listStoryFilterOptions(), getSiteSettings()]);
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
