// The relative wording of a card's time, by arithmetic alone: it runs in the reader's browser (time-ago.tsx), where
// building an Intl.DateTimeFormat for the site's zone costs more main-thread time than the rest of hydration. The
// server supplies what needs the zone: when the story's day ends on the site's clock (relative-time.ts).
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * "just now", "12 min ago" or "3 h ago" for a story from the last hour or from the same day on the site's clock
 * (`dayEnd`: the next midnight there after the story); null when it is older, so the caller shows the date. A time a
 * little ahead of this clock (a skewed device) is "just now".
 */
export function relativeWords(at: number, now: number, dayEnd: number): string | null {
  const age = now - at;
  if (age < MINUTE) return "just now";
  // The last hour reads relative even across midnight: "20 min ago" says more than yesterday's date.
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (now >= dayEnd) return null;
  return `${Math.floor(age / HOUR)} h ago`;
}
