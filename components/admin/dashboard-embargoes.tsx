import Link from "@/components/admin/newsroom-link";
import type { Status } from "@/lib/auth/permissions";
import type { EmbargoedStory } from "@/lib/dal/embargo";
import { StatusBadge } from "./status-badge";
import { storyEditorHref } from "./story-links";
import { StoryTime } from "./story-time";

/** Stories under embargo, the soonest lifted first: when each may go out, and where it stands now. */
export function DashboardEmbargoes({ stories, timeZone }: { stories: EmbargoedStory[]; timeZone: string }) {
  return (
    <ol aria-label="Under embargo" className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {stories.map((story) => (
        <li key={story.id} className="py-3 first:pt-0 last:pb-0" data-testid="embargoed-story">
          <p className="text-sm font-semibold tabular-nums">
            <span className="mr-2 font-normal text-neutral-600 dark:text-neutral-400">Embargoed until</span>
            <StoryTime date={story.embargoUntil} timeZone={timeZone} />
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <Link href={storyEditorHref(story.id)} className="font-semibold underline-offset-4 hover:underline">
              {story.headline || "Untitled"}
            </Link>
            <StatusBadge status={story.status as Status} />
          </div>
        </li>
      ))}
    </ol>
  );
}
