// How a story's time reads on a card: "12 min ago" / "3 h ago" while it is from today on the site's clock, the date
// after that. Pure, so the server (time-stamp.tsx) and the client leaf (time-ago.tsx) word it the same way.
import { formatDate } from "@/lib/content/dates";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The calendar day of an instant on the site's clock, e.g. "2026-11-27". */
function siteDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/**
 * "just now", "12 min ago" or "3 h ago" for a story from the last hour or from today in the site's time zone; null
 * when it is older, so the caller shows the date. A time a little ahead of this clock (a skewed device) is "just now".
 */
export function relativeLabel(date: Date, now: Date, timeZone: string): string | null {
  const age = now.getTime() - date.getTime();
  if (age < MINUTE) return "just now";
  // The last hour reads relative even across midnight: "20 min ago" says more than yesterday's date.
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (siteDay(date, timeZone) !== siteDay(now, timeZone)) return null;
  return `${Math.floor(age / HOUR)} h ago`;
}

/** What a card finally shows: the relative time for today's stories, else the date ("November 26, 2026"). */
export function cardTimeLabel(date: Date, now: Date, timeZone: string): string {
  return relativeLabel(date, now, timeZone) ?? formatDate(date, timeZone);
}

/**
 * What the server writes before any script runs. The page may be served from the cache hours later, so it must
 * stay true whenever it is read: an absolute time ("Nov 27, 4:05 PM EST") for a story from the last day, when the
 * hour matters, and the date for anything older.
 */
export function serverTimeLabel(date: Date, now: Date, timeZone: string): string {
  if (now.getTime() - date.getTime() >= 24 * HOUR) return formatDate(date, timeZone);
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone }).format(date);
}
