import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("dates", () => {
  const noonUtc = new Date("2025-08-09T12:00:00Z");

  it("formats in the site's time zone", () => {
    expect(formatDate(noonUtc, "America/New_York")).toBe("August 9, 2025");
    expect(formatDate(new Date("2025-08-09T02:00:00Z"), "America/New_York")).toBe("August 8, 2025");
    expect(formatDateTime(noonUtc, "America/New_York")).toMatch(/^August 9, 2025(,| at) 8:00\sAM EDT$/);
  });
});
