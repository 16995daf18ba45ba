import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedInput } from "./dates";

describe("datetime-local inputs on the site's clock", () => {
  it("shows an instant as the site's wall time", () => {
    expect(toZonedInput(new Date("2026-01-15T20:47:00Z"), "America/New_York")).toBe("2026-01-15T15:47");
    expect(toZonedInput(new Date("2026-07-15T20:47:00Z"), "America/New_York")).toBe("2026-07-15T16:47");
    expect(toZonedInput(new Date("2026-07-15T20:47:59Z"), "UTC")).toBe("2026-07-15T20:47");
    expect(toZonedInput(new Date("2026-07-15T20:47:00Z"), "Asia/Kolkata")).toBe("2026-07-16T02:17");
  });

  it("reads a wall time in the site's zone, whatever the browser's", () => {
    expect(fromZonedInput("2026-01-15T15:47", "America/New_York")?.toISOString()).toBe("2026-01-15T20:47:00.000Z");
    expect(fromZonedInput("2026-07-15T16:47", "America/New_York")?.toISOString()).toBe("2026-07-15T20:47:00.000Z");
    expect(fromZonedInput("2026-07-16T02:17", "Asia/Kolkata")?.toISOString()).toBe("2026-07-15T20:47:00.000Z");
    expect(fromZonedInput("2026-07-15T20:47:30", "UTC")?.toISOString()).toBe("2026-07-15T20:47:30.000Z");
  });

  it("round-trips every hour across both DST changes", () => {
    for (const start of ["2026-03-07T00:00:00Z", "2026-10-31T00:00:00Z", "2026-03-28T00:00:00Z"]) {
      for (let h = 0; h < 72; h++) {
        const instant = new Date(Date.parse(start) + h * 3_600_000);
        for (const zone of ["America/New_York", "Europe/London", "Australia/Lord_Howe"]) {
          const input = toZonedInput(instant, zone);
          const back = fromZonedInput(input, zone)!;
          expect(toZonedInput(back, zone)).toBe(input);
        }
      }
    }
  });

  it("reads the repeated hour as its first occurrence and the skipped hour with the earlier offset", () => {
    // New York, 2026-11-01: 01:30 happens twice (EDT, then EST).
    expect(fromZonedInput("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // New York, 2026-03-08: 02:30 does not exist; read with EST it is 07:30 UTC (03:30 EDT).
    expect(fromZonedInput("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const bad of ["", "tomorrow", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01 10:00", "2026-01-01T25:00"]) expect(fromZonedInput(bad, "UTC")).toBeNull();
    expect(fromZonedInput("2026-01-01T10:00", "Not/AZone")).toBeNull();
  });
});
