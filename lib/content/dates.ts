import { dateTimeFormat } from "./date-format";

/** "August 9, 2025" in the site's time zone. */
export function formatDate(date: Date, timeZone: string, locale = "en-US"): string {
  return dateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}

/** "August 9, 2025 at 8:00 AM EDT" in the site's time zone. */
export function formatDateTime(date: Date, timeZone: string, locale = "en-US"): string {
  return dateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(date);
}

/** The instant as an ISO 8601 string with the site's UTC offset, e.g. 2025-08-09T08:00:00-04:00, for <time dateTime>. */
export function isoInTimeZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
}

/** The instant as a datetime-local input's value ("YYYY-MM-DDTHH:mm"), read on the site's clock, not the browser's. */
export function toZonedInput(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(p.year).padStart(4, "0")}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/**
 * A datetime-local input's value read as wall time in the site's zone. In the hour skipped when clocks go forward
 * the time does not exist and is read with the offset before the change (02:30 becomes 03:30); in the hour repeated
 * when they go back, the earlier of the two instants. Null for anything that is not a valid date and time.
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = "0"] = match.slice(1).map((v) => v ?? "0") as string[];
  const wall = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== +year! || check.getUTCMonth() !== +month! - 1 || check.getUTCDate() !== +day! || check.getUTCHours() !== +hour! || check.getUTCMinutes() !== +minute!) return null;
  try {
    const offsetAt = (instant: number) => {
      const p = zonedParts(new Date(instant), timeZone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
    };
    // The offsets either side of the wall time (a day apart covers any DST change); try each, earliest first.
    const candidates = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])].map((offset) => wall - offset).sort((a, b) => a - b);
    for (const instant of candidates) if (toZonedInput(new Date(instant), timeZone) === toZonedInput(new Date(wall), "UTC")) return new Date(instant);
    // A skipped wall time: keep the offset from before the change.
    return new Date(wall - offsetAt(wall - 86_400_000));
  } catch {
    return null;
  }
}

/** How the newsroom writes an instant everywhere (lists, dashboard, history, editor): "Nov 26, 2026, 4:05 PM EST". */
export const NEWSROOM_TIME_FORMAT = { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" } as const satisfies Intl.DateTimeFormatOptions;

/** An instant on the site's clock with the zone named: "Nov 26, 2026, 4:05 PM EST". */
export function formatNewsroomTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-US", { ...NEWSROOM_TIME_FORMAT, timeZone, timeZoneName: "short" }).format(date);
}

/**
 * The same instant on the viewer's own clock ("Your time: Nov 27, 2026, 6:05 AM GMT+9"), or null when the viewer's
 * clock reads the same as the site's at that instant (then a second reading would only repeat the first).
 */
export function formatViewerTime(date: Date, siteTimeZone: string, viewerTimeZone: string | null | undefined): string | null {
  if (!viewerTimeZone) return null;
  try {
    if (isoInTimeZone(date, viewerTimeZone) === isoInTimeZone(date, siteTimeZone)) return null;
    return `Your time: ${formatNewsroomTime(date, viewerTimeZone)}`;
  } catch {
    return null;
  }
}
