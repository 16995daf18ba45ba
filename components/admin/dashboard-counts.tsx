import Link from "@/components/admin/newsroom-link";
import { STATUSES, type Status } from "@/lib/auth/permissions";
import { storyListHref, type StorySort } from "@/lib/validation/story-list";
import { StatusBadge } from "./status-badge";

// Each card opens the list in the order that suits that state.
const CARD_SORT: Partial<Record<Status, StorySort>> = { IN_REVIEW: "updated-asc", SCHEDULED: "scheduled-asc", PUBLISHED: "published-desc" };

const cardClass =
  "flex h-full flex-col items-start gap-2 rounded-lg border border-neutral-300 bg-white p-4 hover:border-neutral-900 hover:shadow-sm dark:border-neutral-700 dark:bg-neutral-900 dark:hover:border-neutral-300";

function Count({ n, testId }: { n: number; testId: string }) {
  return (
    <span className="flex items-baseline gap-1.5">
      <span className="text-3xl font-bold tabular-nums" data-testid={testId}>
        {n}
      </span>
      <span className="text-sm text-neutral-600 dark:text-neutral-400">{n === 1 ? "story" : "stories"}</span>
    </span>
  );
}

/** One card per workflow state with its number of stories, each linking to the list filtered to that state. */
export function DashboardCounts({ counts, total, ownOnly }: { counts: Record<Status, number>; total: number; ownOnly: boolean }) {
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="mb-3 text-lg font-bold">
        {ownOnly ? "Your stories" : "All stories"} by status
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {STATUSES.map((status) => (
          <li key={status}>
            <Link href={storyListHref({ status, sort: CARD_SORT[status] })} className={cardClass}>
              <StatusBadge status={status} />
              <Count n={counts[status]} testId={`count-${status}`} />
            </Link>
          </li>
        ))}
        <li>
          <Link href={storyListHref()} className={cardClass}>
            <span className="text-xs font-semibold">All statuses</span>
            <Count n={total} testId="count-all" />
          </Link>
        </li>
      </ul>
    </section>
  );
}
