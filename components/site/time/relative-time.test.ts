import { describe, expect, it } from "vitest";
import { cardTimeLabel, relativeLabel, serverTimeLabel, siteDayEnd } from "./relative-time";
import { relativeWords } from "./relative-words";

const NY = "America/New_York";
// 4:05 PM in New York (EST, UTC-5).
const NOW = new Date("2026-11-27T21:05:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("relativeLabel", () => {
  it("reads minutes within the hour and hours within the site's day", () => {
    expect(relativeLabel(ago(20_000), NOW, NY)).toBe("just now");
    expect(relativeLabel(ago(MIN), NOW, NY)).toBe("1 min ago");
    expect(relativeLabel(ago(12 * MIN + 59_000), NOW, NY)).toBe("12 min ago");
    expect(relativeLabel(ago(59 * MIN), NOW, NY)).toBe("59 min ago");
    expect(relativeLabel(ago(HOUR), NOW, NY)).toBe("1 h ago");
    expect(relativeLabel(ago(3 * HOUR + 40 * MIN), NOW, NY)).toBe("3 h ago");
    // 12:01 AM in New York is still today there.
    expect(relativeLabel(new Date("2026-11-27T05:01:00Z"), NOW, NY)).toBe("16 h ago");
  });

  it("gives way to the date once the story is from an earlier day on the site's clock", () => {
    // 11:59 PM the day before, in New York: 16 hours ago but yesterday.
    expect(relativeLabel(new Date("2026-11-27T04:59:00Z"), NOW, NY)).toBeNull();
    // The same instants are both "today" in UTC, so the zone decides, not the server's clock.
    expect(relativeLabel(new Date("2026-11-27T04:59:00Z"), NOW, "UTC")).toBe("16 h ago");
    expect(relativeLabel(ago(3 * 24 * HOUR), NOW, NY)).toBeNull();
  });

  it("keeps the last hour relative across midnight, and a time slightly ahead is just now", () => {
    const justAfterMidnight = new Date("2026-11-28T05:10:00Z"); // 12:10 AM in New York
    expect(relativeLabel(new Date("2026-11-28T04:50:00Z"), justAfterMidnight, NY)).toBe("20 min ago");
    expect(relativeLabel(new Date("2026-11-28T03:50:00Z"), justAfterMidnight, NY)).toBeNull();
    expect(relativeLabel(new Date(NOW.getTime() + 30_000), NOW, NY)).toBe("just now");
  });

  it("follows daylight saving time: a summer day in New York starts at 04:00 UTC", () => {
    const summerNoon = new Date("2025-08-09T16:00:00Z");
    expect(relativeLabel(new Date("2025-08-09T04:00:00Z"), summerNoon, NY)).toBe("12 h ago");
    expect(relativeLabel(new Date("2025-08-09T03:59:00Z"), summerNoon, NY)).toBeNull();
  });
});

describe("cardTimeLabel and serverTimeLabel", () => {
  it("shows the date for older stories, the same on both sides", () => {
    const old = new Date("2025-08-09T12:00:00Z");
    expect(cardTimeLabel(old, NOW, NY)).toBe("August 9, 2025");
    expect(serverTimeLabel(old, NOW, NY)).toBe("August 9, 2025");
  });

  it("writes an absolute time on the server for the last day, which stays true in a cached page", () => {
    expect(serverTimeLabel(ago(12 * MIN), NOW, NY)).toMatch(/^Nov 27, 3:53\sPM EST$/);
    expect(serverTimeLabel(ago(20 * HOUR), NOW, NY)).toMatch(/^Nov 26, 8:05\sPM EST$/);
    expect(cardTimeLabel(ago(12 * MIN), NOW, NY)).toBe("12 min ago");
    expect(cardTimeLabel(ago(20 * HOUR), NOW, NY)).toBe("November 26, 2026");
  });
});

describe("siteDayEnd and relativeWords (what the browser gets: no Intl on the client)", () => {
  it("is the next midnight on the site's clock, through daylight saving changes", () => {
    expect(new Date(siteDayEnd(new Date("2026-11-27T21:05:00Z"), NY)).toISOString()).toBe("2026-11-28T05:00:00.000Z");
    expect(new Date(siteDayEnd(new Date("2026-11-27T04:59:00Z"), NY)).toISOString()).toBe("2026-11-27T05:00:00.000Z");
    expect(new Date(siteDayEnd(new Date("2025-08-09T16:00:00Z"), NY)).toISOString()).toBe("2025-08-10T04:00:00.000Z");
    // The day clocks go back in New York (2 November 2025) is 25 hours long.
    expect(new Date(siteDayEnd(new Date("2025-11-02T12:00:00Z"), NY)).toISOString()).toBe("2025-11-03T05:00:00.000Z");
    expect(new Date(siteDayEnd(new Date("2026-12-31T23:59:00Z"), "UTC")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("words the time from the instant, the clock and the day's end alone", () => {
    const at = Date.parse("2026-11-27T10:00:00Z");
    const dayEnd = Date.parse("2026-11-28T05:00:00Z");
    expect(relativeWords(at, at + 30_000, dayEnd)).toBe("just now");
    expect(relativeWords(at, at - 30_000, dayEnd)).toBe("just now");
    expect(relativeWords(at, at + 12 * MIN, dayEnd)).toBe("12 min ago");
    expect(relativeWords(at, at + 5 * HOUR, dayEnd)).toBe("5 h ago");
    expect(relativeWords(at, dayEnd - 1, dayEnd)).toBe("18 h ago");
    expect(relativeWords(at, dayEnd, dayEnd)).toBeNull();
    // Within the hour it stays relative even past the day's end.
    expect(relativeWords(dayEnd - 10 * MIN, dayEnd + 10 * MIN, dayEnd)).toBe("20 min ago");
  });
});
