import Link from "@/components/admin/newsroom-link";
import type { StoryListItem } from "@/lib/dal/story-list";
import { StatusBadge } from "./status-badge";
import { StoryFlags } from "./story-flags";
import { storyEditorHref } from "./story-links";
import { StoryTime } from "./story-time";

/** Which time and person a compact list names for each story. */
export type StoryMeta = "updated" | "submitted" | "published";

/** The open editorial notes on a story, for the review queue: how many, and the latest. */
export interface OpenNotesSummary {
  open: number;
  latest: { body: string; authorName: string; createdAt: Date } | null;
}

function Meta({ story, meta, timeZone }: { story: StoryListItem; meta: StoryMeta; timeZone: string }) {
  if (story.status === "SCHEDULED" && story.scheduledAt) {
    return (
      <>
        Goes live <StoryTime date={story.scheduledAt} timeZone={timeZone} />
        {story.section && <> · {story.section}</>}
      </>
    );
  }
  if (meta === "submitted") {
    return (
      <>
        Submitted by {story.author ?? "a former colleague"} · waiting since <StoryTime date={story.updatedAt} timeZone={timeZone} />
      </>
    );
  }
  if (meta === "published" && story.publishedAt) {
    return (
      <>
        Published <StoryTime date={story.publishedAt} timeZone={timeZone} />
        {story.section && <> · {story.section}</>}
      </>
    );
  }
  return (
    <>
      Updated <StoryTime date={story.updatedAt} timeZone={timeZone} />
      {story.lastEditedBy && <> by {story.lastEditedBy}</>}
    </>
  );
}

/** A short list of stories (dashboard panels, the review queue): headline, state and one line of who and when. */
export function StoryCompactList({
  stories,
  meta,
  timeZone,
  label,
  showStatus = true,
  notes,
}: {
  stories: StoryListItem[];
  meta: StoryMeta;
  timeZone: string;
  label: string;
  showStatus?: boolean;
  notes?: Record<string, OpenNotesSummary>;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {stories.map((story) => (
        <li key={story.id} className="py-3 first:pt-0 last:pb-0">
          <Link href={storyEditorHref(story.id)} className="font-semibold underline-offset-4 hover:underline">
            {story.headline}
          </Link>
          <StoryFlags story={story} />
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
            {showStatus && <StatusBadge status={story.status} />}
            <span>
              <Meta story={story} meta={meta} timeZone={timeZone} />
            </span>
          </p>
          {notes && <OpenNotes summary={notes[story.id]} timeZone={timeZone} />}
        </li>
      ))}
    </ul>
  );
}

function OpenNotes({ summary, timeZone }: { summary: OpenNotesSummary | undefined; timeZone: string }) {
  if (!summary || summary.open === 0) return <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">No open notes</p>;
  return (
    <p className="mt-1 text-sm">
      <strong>
        {summary.open} open {summary.open === 1 ? "note" : "notes"}
      </strong>
      {summary.latest && (
        <>
          {" "}
          · latest by {summary.latest.authorName}, <StoryTime date={summary.latest.createdAt} timeZone={timeZone} />: “{summary.latest.body.length > 140 ? `${summary.latest.body.slice(0, 140)}…` : summary.latest.body}”
        </>
      )}
    </p>
  );
}
