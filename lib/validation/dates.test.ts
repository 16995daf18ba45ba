import { describe, expect, it } from "vitest";
import { isSchedulableDate, isStorableDate, optionalDateTime, optionalScheduleDateTime, SCHEDULE_MAX_YEARS, STORED_DATE_MAX, STORED_DATE_MIN } from "./dates";
import { saveStorySchema, scheduleUpdateSchema, storyFieldsSchema, transitionSchema } from "./stories";

const YEAR = 365.25 * 24 * 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("optionalScheduleDateTime", () => {
  it("takes a time from now to five years ahead, blank as none", () => {
    const soon = inHours(2);
    expect(optionalScheduleDateTime.parse(soon)).toEqual(new Date(soon));
    expect(optionalScheduleDateTime.parse("")).toBeNull();
    expect(optionalScheduleDateTime.parse(null)).toBeNull();
    expect(optionalScheduleDateTime.parse(new Date(Date.now() + 4.9 * YEAR).toISOString())).toBeInstanceOf(Date);
  });

  it("refuses year 10000 and other extended years, which sort before today as text on SQLite", () => {
    for (const value of ["+010000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z"]) {
      const result = optionalScheduleDateTime.safeParse(value);
      expect(result.success, value).toBe(false);
    }
    expect(messages(optionalScheduleDateTime.safeParse("+010000-01-01T00:00:00.000Z"))).toEqual([`: Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`]);
    expect(messages(optionalScheduleDateTime.safeParse(new Date(Date.now() + 5.1 * YEAR).toISOString()))).toEqual([`: Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`]);
  });

  it("refuses the past beyond a minute's grace, and text that is not a date", () => {
    expect(optionalScheduleDateTime.safeParse(new Date(Date.now() - 20_000).toISOString()).success).toBe(true);
    expect(messages(optionalScheduleDateTime.safeParse(inHours(-1)))).toEqual([": Choose a time in the future."]);
    expect(messages(optionalScheduleDateTime.safeParse("0999-01-01T00:00"))).toEqual([": Choose a time in the future."]);
    for (const value of ["tomorrow", "1", "March 3", "2026-13-45T99:99", "2030-01-01T10:00<script>", "9".repeat(100)]) {
      expect(optionalScheduleDateTime.safeParse(value).success, value).toBe(false);
    }
  });
});

describe("optionalDateTime (breaking-until and other dates)", () => {
  it("takes dates from 2000 to ten years ahead", () => {
    expect(optionalDateTime.parse("2001-02-03T04:05")).toBeInstanceOf(Date);
    expect(optionalDateTime.parse(inHours(-24))).toBeInstanceOf(Date);
    expect(optionalDateTime.parse("")).toBeNull();
    for (const value of ["+010000-01-01T00:00:00.000Z", "1999-12-31T00:00:00Z", "0001-01-01T00:00:00Z", new Date(Date.now() + 11 * YEAR).toISOString()]) {
      expect(messages(optionalDateTime.safeParse(value)), value).toEqual([": Choose a date between 2000 and 10 years from now."]);
    }
  });
});

describe("every form with a date uses the shared range", () => {
  const fields = { headline: "H", standfirst: "", body: "", slug: "", breaking: true };
  const far = "+010000-01-01T00:00:00.000Z";

  it("the story fields (breaking until)", () => {
    expect(messages(storyFieldsSchema.safeParse({ ...fields, breakingUntil: far }))).toEqual(["breakingUntil: Choose a date between 2000 and 10 years from now."]);
    expect(messages(saveStorySchema.safeParse({ id: "a", baseVersion: 1, mode: "manual", fields: { ...fields, breakingUntil: far } }))).toHaveLength(1);
  });

  it("scheduling a story and scheduling an update", () => {
    expect(messages(transitionSchema.safeParse({ id: "a", baseVersion: 1, to: "SCHEDULED", scheduledAt: far }))).toEqual(["scheduledAt: Choose a time within the next 5 years."]);
    expect(messages(scheduleUpdateSchema.safeParse({ id: "a", baseVersion: 1, fields, runAt: far }))).toContain("runAt: Choose a time within the next 5 years.");
    expect(transitionSchema.safeParse({ id: "a", baseVersion: 1, to: "SCHEDULED", scheduledAt: inHours(1) }).success).toBe(true);
    expect(scheduleUpdateSchema.safeParse({ id: "a", baseVersion: 1, fields, runAt: inHours(1) }).success).toBe(true);
  });
});

describe("isStorableDate and isSchedulableDate", () => {
  it("keep dates to years 0001–9999, where ISO text order is time order", () => {
    expect(isStorableDate(STORED_DATE_MIN)).toBe(true);
    expect(isStorableDate(STORED_DATE_MAX)).toBe(true);
    expect(isStorableDate(new Date("+010000-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date("-000001-01-01T00:00:00Z"))).toBe(false);
    expect(isStorableDate(new Date(Number.NaN))).toBe(false);
    expect(STORED_DATE_MIN.toISOString() < "2026" && "2026" < STORED_DATE_MAX.toISOString()).toBe(true);
  });

  it("accept from now to five years ahead", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(isSchedulableDate(new Date("2030-01-01T00:05:00Z"), now)).toBe(true);
    expect(isSchedulableDate(new Date("2034-12-01T00:00:00Z"), now)).toBe(true);
    expect(isSchedulableDate(new Date("2035-02-01T00:00:00Z"), now)).toBe(false);
    expect(isSchedulableDate(new Date("2029-12-31T23:00:00Z"), now)).toBe(false);
    expect(isSchedulableDate(new Date("+010000-01-01T00:00:00Z"), now)).toBe(false);
  });
});
