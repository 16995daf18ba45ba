import Link from "@/components/admin/newsroom-link";
import type { ScheduledEntry } from "@/lib/dal/story-list";
import { storyEditorHref } from "./story-links";
import { StoryTime } from "./story-time";

/** What goes out next, by itself: stories set to publish and updates to live stories, soonest first. */
export function DashboardSchedule({ entries, timeZone }: { entries: ScheduledEntry[]; timeZone: string }) {
  return (
    <ol aria-label="Coming up" className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="py-3 first:pt-0 last:pb-0">
          <p className="text-sm font-semibold tabular-nums">
            <StoryTime date={entry.runAt} timeZone={timeZone} />
            <span className="ml-2 font-normal text-neutral-600 dark:text-neutral-400">{entry.kind === "publish" ? "Publishes" : "Update goes live"}</span>
          </p>
          <Link href={storyEditorHref(entry.articleId)} className="font-semibold underline-offset-4 hover:underline">
            {entry.headline}
          </Link>
          {entry.failure && (
            <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
              <span aria-hidden="true">⚠ </span>Not applied: {entry.failure}
            </p>
          )}
          {entry.retrying && (
            <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400" data-testid="schedule-retrying">
              <span aria-hidden="true">⚠ </span>
              {entry.kind === "publish" ? "Not published yet" : "Not applied yet"} ({entry.retrying.attempts === 1 ? "1 failed try" : `${entry.retrying.attempts} failed tries`}):{" "}
              {entry.retrying.reason}
              {entry.retrying.nextTry && (
                <>
                  {" "}
                  Next try: <StoryTime date={entry.retrying.nextTry} timeZone={timeZone} />.
                </>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
