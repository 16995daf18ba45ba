import Link from "@/components/admin/newsroom-link";
import type { StoryListItem } from "@/lib/dal/story-list";
import { StatusBadge } from "./status-badge";
import { StoryFlags } from "./story-flags";
import { storyEditorHref } from "./story-links";
import { StoryTime } from "./story-time";
import { StorySelectAll } from "./story-bulk-bar";
import { STORY_BULK_FORM } from "./story-bulk-form";

/** A row's box for the bulk actions (it belongs to the bulk form, wherever the row is). */
function SelectBox({ story }: { story: StoryListItem }) {
  return <input type="checkbox" name="ids" value={story.id} form={STORY_BULK_FORM} aria-label={`Select “${story.headline}”`} className="size-4" />;
}

function StatusDetail({ story, timeZone }: { story: StoryListItem; timeZone: string }) {
  if (story.status === "SCHEDULED" && story.scheduledAt) {
    return (
      <span className="block text-xs text-neutral-600 dark:text-neutral-400">
        for <StoryTime date={story.scheduledAt} timeZone={timeZone} />
      </span>
    );
  }
  if (story.status === "PUBLISHED" && story.publishedAt) {
    return (
      <span className="block text-xs text-neutral-600 dark:text-neutral-400">
        {story.publishedAt > new Date() && "goes live "}
        <StoryTime date={story.publishedAt} timeZone={timeZone} />
      </span>
    );
  }
  return null;
}

function Updated({ story, timeZone }: { story: StoryListItem; timeZone: string }) {
  return (
    <>
      <StoryTime date={story.updatedAt} timeZone={timeZone} />
      {story.lastEditedBy && <span className="block text-xs text-neutral-600 dark:text-neutral-400">by {story.lastEditedBy}</span>}
    </>
  );
}

const none = (
  <span className="text-neutral-500">
    <span aria-hidden="true">—</span>
    <span className="sr-only">None</span>
  </span>
);

/**
 * The newsroom's story list: a table from tablet width up, stacked cards below it. Both are rendered and one is
 * hidden with CSS (display: none also hides it from assistive technology), so each keeps its native semantics.
 */
export function StoryTable({ stories, timeZone, caption, selectable = false }: { stories: StoryListItem[]; timeZone: string; caption: string; selectable?: boolean }) {
  return (
    <>
      <table className="hidden w-full border-collapse text-left text-sm md:table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b-2 border-neutral-900 dark:border-neutral-300">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {/* The boxes sit in the story cell, so the table keeps its columns (and the headline stays the first link). */}
              {selectable && (
                <span className="mr-3 inline-flex align-middle">
                  <StorySelectAll />
                </span>
              )}
              Story
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Status
            </th>
            <th scope="col" className="hidden py-2 pr-4 font-semibold lg:table-cell">
              Section
            </th>
            <th scope="col" className="hidden py-2 pr-4 font-semibold lg:table-cell">
              Bylines
            </th>
            <th scope="col" className="py-2 font-semibold">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {stories.map((story) => (
            <tr key={story.id} className="align-top">
              <td className="py-3 pr-4">
                {selectable && (
                  <span className="mr-3 inline-flex align-middle">
                    <SelectBox story={story} />
                  </span>
                )}
                <Link href={storyEditorHref(story.id)} className="font-semibold underline-offset-4 hover:underline">
                  {story.headline}
                </Link>
                <StoryFlags story={story} />
                <span className="hidden text-xs text-neutral-600 [overflow-wrap:anywhere] lg:block dark:text-neutral-400">/{story.slug}</span>
                {/* Tablets have no room for the section and bylines columns: they sit under the headline. */}
                <span className="block text-xs text-neutral-600 lg:hidden dark:text-neutral-400">
                  {[story.section, story.bylines.join(", ")].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td className="py-3 pr-4">
                <StatusBadge status={story.status} />
                <StatusDetail story={story} timeZone={timeZone} />
              </td>
              <td className="hidden py-3 pr-4 lg:table-cell">{story.section ?? none}</td>
              <td className="hidden py-3 pr-4 lg:table-cell">{story.bylines.length ? story.bylines.join(", ") : none}</td>
              <td className="py-3 whitespace-nowrap">
                <Updated story={story} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="space-y-3 md:hidden" aria-label={caption}>
        {stories.map((story) => (
          <li key={story.id} className="rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900">
            <div className="mb-2 flex flex-wrap items-center gap-2">
              {selectable && <SelectBox story={story} />}
              <StatusBadge status={story.status} />
              <StatusDetail story={story} timeZone={timeZone} />
            </div>
            <Link href={storyEditorHref(story.id)} className="text-base font-semibold underline-offset-4 hover:underline">
              {story.headline}
            </Link>
            <StoryFlags story={story} />
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-neutral-600 dark:text-neutral-400">Section</dt>
              <dd>{story.section ?? none}</dd>
              <dt className="text-neutral-600 dark:text-neutral-400">Bylines</dt>
              <dd>{story.bylines.length ? story.bylines.join(", ") : none}</dd>
              <dt className="text-neutral-600 dark:text-neutral-400">Updated</dt>
              <dd>
                <Updated story={story} timeZone={timeZone} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
