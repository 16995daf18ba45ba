import { formatDateTime, isoInTimeZone } from "@/lib/content/dates";

/** A newsroom time, short ("Nov 24, 2026, 9:15 PM") in the site's time zone; the full form with the zone is its tooltip. */
export function StoryTime({ date, timeZone }: { date: Date; timeZone: string }) {
  const short = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
  return (
    <time dateTime={isoInTimeZone(date, timeZone)} title={formatDateTime(date, timeZone)}>
      {short}
    </time>
  );
}
