// Every date a person can type goes through these schemas, so no date outside a sane range reaches the database.
// The range matters beyond tidiness: on SQLite, Prisma stores DateTime as ISO text and compares it as text, and
// ISO's extended years (`+010000-…`, `-000001-…`) sort before `2026-…`, so a schedule for year 10000 would be
// "due" at once. Within years 0001–9999 the text is fixed-width and text order is time order.
import { z } from "zod";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The earliest and latest instants the database may hold; queries that compare dates stay inside them too. */
export const STORED_DATE_MIN = new Date("0001-01-01T00:00:00.000Z");
export const STORED_DATE_MAX = new Date("9999-12-31T23:59:59.999Z");

/** A schedule may lie up to this far ahead. */
export const SCHEDULE_MAX_YEARS = 5;
/** A schedule a moment in the past (a slow form, a clock a little behind) is taken as "now" rather than refused. */
export const SCHEDULE_GRACE_MS = 60_000;
/** Other dates (a breaking flag's expiry, a publication date) stay within these. */
export const DATE_FLOOR = new Date("2000-01-01T00:00:00.000Z");
export const DATE_MAX_YEARS = 10;

function yearsAhead(now: Date, years: number): Date {
  return new Date(now.getTime() + years * 365.25 * DAY_MS);
}

/** Whether a date can be stored and compared safely (years 0001–9999). */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= STORED_DATE_MIN.getTime() && time <= STORED_DATE_MAX.getTime();
}

/** Whether `date` is an acceptable time for something to happen by itself: from now (with a small grace) to a few years ahead. */
export function isSchedulableDate(date: Date, now: Date = new Date()): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= now.getTime() - SCHEDULE_GRACE_MS && time <= yearsAhead(now, SCHEDULE_MAX_YEARS).getTime();
}

/** Whether `date` is a sensible date for a story (from 2000 to ten years ahead). */
export function isSensibleDate(date: Date, now: Date = new Date()): boolean {
  const time = date.getTime();
  return Number.isFinite(time) && time >= DATE_FLOOR.getTime() && time <= yearsAhead(now, DATE_MAX_YEARS).getTime();
}

// Text a person could plausibly type: `2026-11-26T14:30` (datetime-local), optionally with seconds, fractions and a
// zone, or a full ISO instant (extended years such as `+010000-…` parse, and are then refused by the range checks).
// Date.parse's free-form guesses ("1", "March 3") are refused before they become dates.
const DATE_TIME_TEXT = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const INVALID = "Enter a valid date and time.";

function parseDateText(value: string, ctx: z.RefinementCtx): Date | null | typeof z.NEVER {
  if (!value) return null;
  const date = DATE_TIME_TEXT.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: INVALID });
    return z.NEVER;
  }
  return date;
}

/** A date-time from a datetime-local field or an ISO string; blank means none. Years 2000 to ten years ahead. */
export const optionalDateTime = z
  .string()
  .trim()
  .max(40, INVALID)
  .transform((value, ctx) => {
    const date = parseDateText(value, ctx);
    if (date instanceof Date && !isSensibleDate(date)) {
      ctx.addIssue({ code: "custom", message: `Choose a date between ${DATE_FLOOR.getUTCFullYear()} and ${DATE_MAX_YEARS} years from now.` });
      return z.NEVER;
    }
    return date;
  })
  .nullable()
  .optional();

/** When something should happen by itself (a scheduled story or update): from now to five years ahead; blank means none. */
export const optionalScheduleDateTime = z
  .string()
  .trim()
  .max(40, INVALID)
  .transform((value, ctx) => {
    const date = parseDateText(value, ctx);
    if (date instanceof Date && !isSchedulableDate(date)) {
      ctx.addIssue({
        code: "custom",
        message: date.getTime() < Date.now() ? "Choose a time in the future." : `Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`,
      });
      return z.NEVER;
    }
    return date;
  })
  .nullable()
  .optional();
