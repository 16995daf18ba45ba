import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, isoInTimeZone } from "./dates";

describe("dates", () => {
  const noonUtc = new Date("2025-08-09T12:00:00Z");

  it("formats in the site's time zone", () => {
    expect(formatDate(noonUtc, "America/New_York")).toBe("August 9, 2025");
    expect(formatDate(new Date("2025-08-09T02:00:00Z"), "America/New_York")).toBe("August 8, 2025");
    expect(formatDateTime(noonUtc, "America/New_York")).toMatch(/^August 9, 2025(,| at) 8:00\sAM EDT$/);
  });

  it("writes machine-readable times with the site's offset", () => {
    expect(isoInTimeZone(noonUtc, "America/New_York")).toBe("2025-08-09T08:00:00-04:00");
    expect(isoInTimeZone(new Date("2025-01-15T12:00:00Z"), "America/New_York")).toBe("2025-01-15T07:00:00-05:00");
    expect(isoInTimeZone(noonUtc, "UTC")).toBe("2025-08-09T12:00:00+00:00");
    expect(isoInTimeZone(noonUtc, "Asia/Kolkata")).toBe("2025-08-09T17:30:00+05:30");
    expect(new Date(isoInTimeZone(noonUtc, "Asia/Kolkata")).getTime()).toBe(noonUtc.getTime());
  });
});
