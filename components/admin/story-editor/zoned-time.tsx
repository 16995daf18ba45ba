"use client";
import { useSyncExternalStore } from "react";
import { isoInTimeZone } from "@/lib/content/dates";

const FORMATS = {
  time: { hour: "numeric", minute: "2-digit", second: "2-digit" },
  dateTime: { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const noSubscription = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant on the site's clock with the zone named ("3:47 PM EST"). */
export function formatZoned(iso: string, timeZone: string, style: keyof typeof FORMATS = "dateTime"): string {
  return new Intl.DateTimeFormat("en-US", { ...FORMATS[style], timeZone, timeZoneName: "short" }).format(new Date(iso));
}

/**
 * A time in the site's zone; when the browser's clock differs, the browser's reading is the tooltip. The tooltip is
 * set after hydration, since the server cannot know the browser's zone.
 */
export function ZonedTime({ iso, timeZone, style = "dateTime" }: { iso: string; timeZone: string; style?: keyof typeof FORMATS }) {
  const local = useSyncExternalStore(noSubscription, browserZone, () => null);
  const date = new Date(iso);
  const title = local && isoInTimeZone(date, local) !== isoInTimeZone(date, timeZone) ? `Your time: ${new Intl.DateTimeFormat("en-US", { ...FORMATS[style], timeZoneName: "short" }).format(date)}` : undefined;
  return (
    <time dateTime={isoInTimeZone(new Date(iso), timeZone)} title={title} suppressHydrationWarning>
      {formatZoned(iso, timeZone, style)}
    </time>
  );
}
