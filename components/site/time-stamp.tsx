import { formatDate, formatDateTime, isoInTimeZone } from "@/lib/content/dates";
import { serverTimeLabel, siteDayEnd } from "./time/relative-time";
import { TimeAgo } from "./time/time-ago";

/**
 * A time readers see in the site's time zone, inside <time> with a machine-readable dateTime carrying that zone's
 * offset and the full date and time (with the zone) as its title.
 *
 * `relative` (cards and rivers) reads "12 min ago" / "3 h ago" for today's stories and the date after that. Pages
 * are cached whole and may be served hours after they were rendered, so relative words written on the server would
 * go stale (and honest cache lifetimes would mean re-rendering every front each minute). Instead the server writes
 * an absolute time, true whenever it is read, and one tiny client leaf (time/time-ago.tsx) turns it into relative
 * words on the reader's clock after hydration and keeps them current.
 */
export function TimeStamp({
  date,
  timeZone,
  withTime = false,
  relative = false,
  now = new Date(),
}: {
  date: Date;
  timeZone: string;
  withTime?: boolean;
  relative?: boolean;
  /** When the server renders it; only decides how much the absolute wording says. */
  now?: Date;
}) {
  const full = formatDateTime(date, timeZone);
  return (
    <time dateTime={isoInTimeZone(date, timeZone)} title={full}>
      {relative ? (
        <TimeAgo at={date.getTime()} dayEnd={siteDayEnd(date, timeZone)} dateLabel={formatDate(date, timeZone)} serverLabel={serverTimeLabel(date, now, timeZone)} />
      ) : withTime ? (
        full
      ) : (
        formatDate(date, timeZone)
      )}
    </time>
  );
}
