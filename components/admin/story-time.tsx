import { SiteTime } from "./site-time";

/** A newsroom time on the site's clock with the zone named ("Nov 24, 2026, 9:15 PM EST"); the viewer's own on hover. */
export function StoryTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return <SiteTime iso={date.toISOString()} timeZone={timeZone} />;
}
