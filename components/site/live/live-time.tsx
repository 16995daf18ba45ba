import { dateTimeFormat } from "@/lib/content/date-format";
import { formatDateTime, isoInTimeZone } from "@/lib/content/dates";

/** "14:05" in the site's time zone (a live entry's time), with the full date as its title. */
export function clockTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(date);
}

export function LiveTime({ date, timeZone, className }: { date: Date; timeZone: string; className?: string }) {
  return (
    <time dateTime={isoInTimeZone(date, timeZone)} title={formatDateTime(date, timeZone)} className={className}>
      {clockTime(date, timeZone)}
    </time>
  );
}
