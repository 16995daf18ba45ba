import type { LiveCoverageView } from "@/lib/dal/live-entries";
import { entryAnchor } from "@/lib/seo/live-json-ld";
import { LiveEntry } from "./live-entry";
import { LiveRiver } from "./live-river";
import { LiveTime } from "./live-time";
import { LiveUpdatesNotice } from "./live-updates-notice";

const KNOWN_IDS = 50;

/** "Live" while the coverage is open, "Coverage has ended" after (in the article's header). */
export function LiveStatus({ endedAt, timeZone }: { endedAt: Date | null; timeZone: string }) {
  if (endedAt) {
    return (
      <p data-live-status="ended" className="mb-2 text-sm font-semibold text-neutral-700 dark:text-neutral-300">
        Coverage has ended <span className="font-normal">(at <LiveTime date={endedAt} timeZone={timeZone} />)</span>
      </p>
    );
  }
  return (
    <p data-live-status="open" className="mb-2 inline-flex items-center gap-2 rounded bg-red-700 px-2 py-0.5 text-xs font-black tracking-widest text-white uppercase dark:bg-red-600">
      <span aria-hidden className="inline-block size-2 animate-pulse rounded-full bg-white motion-reduce:animate-none" />
      Live
    </p>
  );
}

/** Key events, the pinned entry and the river of entries, with the "N new updates" leaf while the coverage is open. */
export function LiveCoverage({ articleId, coverage, open, timeZone, pollSeconds }: { articleId: string; coverage: LiveCoverageView; open: boolean; timeZone: string; pollSeconds: number }) {
  const { entries } = coverage;
  const keyEvents = entries.filter((entry) => entry.keyEvent);
  const pinned = entries.find((entry) => entry.pinned) ?? null;
  return (
    <div className="mt-8">
      {keyEvents.length > 0 && (
        <nav aria-labelledby="key-events-heading" className="border-l-4 border-red-700 pl-4 dark:border-red-400">
          <h2 id="key-events-heading" className="text-sm font-bold tracking-wider uppercase">
            Key events
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {keyEvents.map((entry) => (
              <li key={entry.id} className="flex gap-2">
                <LiveTime date={entry.publishedAt} timeZone={timeZone} className="shrink-0 font-semibold tabular-nums" />
                <a href={`#${entryAnchor(entry.id)}`} className="underline-offset-4 hover:underline">
                  {entry.title || "Update"}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {pinned && (
        <div className="mt-6">
          <LiveEntry entry={pinned} timeZone={timeZone} pinned />
        </div>
      )}
      {open && (
        <LiveUpdatesNotice
          articleId={articleId}
          stamp={coverage.stamp}
          knownIds={entries.slice(0, KNOWN_IDS).map((entry) => entry.id)}
          newestAt={entries[0]?.publishedAt.toISOString() ?? null}
          open={open}
          intervalMs={pollSeconds * 1000}
        />
      )}
      <LiveRiver>
        {entries.map((entry) => (
          <LiveEntry key={entry.id} entry={entry} timeZone={timeZone} />
        ))}
      </LiveRiver>
    </div>
  );
}
