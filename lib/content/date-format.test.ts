import { describe, expect, it } from "vitest";
import { dateTimeFormat } from "./date-format";

describe("dateTimeFormat", () => {
  it("returns one shared formatter per locale and options", () => {
    const a = dateTimeFormat("en-US", { dateStyle: "long", timeZone: "America/New_York" });
    expect(dateTimeFormat("en-US", { dateStyle: "long", timeZone: "America/New_York" })).toBe(a);
    expect(dateTimeFormat("en-US", { dateStyle: "long", timeZone: "Europe/London" })).not.toBe(a);
    expect(dateTimeFormat("en-GB", { dateStyle: "long", timeZone: "America/New_York" })).not.toBe(a);
    expect(a.format(new Date("2025-08-09T12:00:00Z"))).toBe("August 9, 2025");
  });

  it("throws for an unknown time zone, every time (nothing broken is kept)", () => {
    expect(() => dateTimeFormat("en-US", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en-US", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});
