"use client";
import { useSyncExternalStore } from "react";
import { formatNewsroomTime, formatViewerTime, isoInTimeZone } from "@/lib/content/dates";

const noSubscription = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant on the site's clock with the zone named; when the viewer's clock differs, their reading is the tooltip
 * (set after hydration: the server cannot know the browser's zone).
 */
export function SiteTime({ iso, timeZone, className }: { iso: string; timeZone: string; className?: string }) {
  const viewer = useSyncExternalStore(noSubscription, browserZone, () => null);
  const date = new Date(iso);
  return (
    <time dateTime={isoInTimeZone(date, timeZone)} title={formatViewerTime(date, timeZone, viewer) ?? undefined} className={className} suppressHydrationWarning>
      {formatNewsroomTime(date, timeZone)}
    </time>
  );
}
