// How a story's time reads on a card: "12 min ago" / "3 h ago" while it is from today on the site's clock, the date
// after that. The server (time-stamp.tsx) works out what needs the site's zone; the client leaf (time-ago.tsx) words
// it with relative-words.ts, which needs no Intl at all.
import { dateTimeFormat } from "@/lib/content/date-format";
import { formatDate, fromZonedInput, toZonedInput } from "@/lib/content/dates";
import { relativeWords } from "./relative-words";

/** When the calendar day of `date` ends on the site's clock: the instant of the next midnight there. */
export function siteDayEnd(date: Date, timeZone: string): number {
  const [year, month, day] = toZonedInput(date, timeZone).slice(0, 10).split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  // A zone whose clocks skip midnight itself reads the skipped 00:00 with the offset before the change.
  return fromZonedInput(`${next}T00:00`, timeZone)?.getTime() ?? date.getTime() + 24 * 60 * 60_000;
}

/** The relative wording for a story from the last hour or from today in the site's time zone; null when older. */
export function relativeLabel(date: Date, now: Date, timeZone: string): string | null {
  return relativeWords(date.getTime(), now.getTime(), siteDayEnd(date, timeZone));
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
  if (now.getTime() - date.getTime() >= 24 * 60 * 60_000) return formatDate(date, timeZone);
  return dateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone }).format(date);
}
