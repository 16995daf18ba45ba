import { formatDate, formatDateTime, isoInTimeZone } from "@/lib/content/dates";

/** A date readers see in the site's time zone, with a machine-readable dateTime carrying that zone's offset. */
export function TimeStamp({ date, timeZone, withTime = false }: { date: Date; timeZone: string; withTime?: boolean }) {
  return (
    <time dateTime={isoInTimeZone(date, timeZone)}>{withTime ? formatDateTime(date, timeZone) : formatDate(date, timeZone)}</time>
  );
}
