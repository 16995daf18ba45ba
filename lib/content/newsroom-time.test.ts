import { describe, expect, it } from "vitest";
import { formatNewsroomTime, formatViewerTime, fromZonedInput, isoInTimeZone, toZonedInput } from "./dates";

describe("the newsroom clock", () => {
  it("reads an instant on the site's clock with the zone named, across the DST change", () => {
    expect(formatNewsroomTime(new Date("2026-03-08T06:59:00Z"), "America/New_York")).toBe("Mar 8, 2026, 1:59 AM EST");
    expect(formatNewsroomTime(new Date("2026-03-08T07:00:00Z"), "America/New_York")).toBe("Mar 8, 2026, 3:00 AM EDT");
    expect(formatNewsroomTime(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("Nov 1, 2026, 1:30 AM EDT");
    expect(formatNewsroomTime(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("Nov 1, 2026, 1:30 AM EST");
  });

  it("handles a zone far from UTC, including the date line", () => {
    const at = new Date("2026-11-26T15:47:00Z");
    expect(formatNewsroomTime(at, "Pacific/Kiritimati")).toBe("Nov 27, 2026, 5:47 AM GMT+14");
    expect(formatNewsroomTime(at, "Pacific/Pago_Pago")).toBe("Nov 26, 2026, 4:47 AM GMT-11");
    expect(formatNewsroomTime(at, "Asia/Kathmandu")).toBe("Nov 26, 2026, 9:32 PM GMT+5:45");
  });

  it("offers the viewer's own reading only when it differs", () => {
    const at = new Date("2026-11-26T15:47:00Z");
    expect(formatViewerTime(at, "America/New_York", "Asia/Tokyo")).toBe("Your time: Nov 27, 2026, 12:47 AM GMT+9");
    expect(formatViewerTime(at, "America/New_York", "America/New_York")).toBeNull();
    // Another zone name on the same clock at that instant reads the same: nothing to add.
    expect(formatViewerTime(at, "America/New_York", "America/Toronto")).toBeNull();
    expect(formatViewerTime(at, "America/New_York", null)).toBeNull();
    expect(formatViewerTime(at, "America/New_York", "Not/A_Zone")).toBeNull();
  });

  it("the same instant reads the same on the dashboard, the history and the editor's field", () => {
    const zone = "America/New_York";
    const saved = new Date("2026-11-26T15:47:30Z");
    const dashboard = formatNewsroomTime(saved, zone);
    const history = formatNewsroomTime(saved, zone);
    expect(dashboard).toBe("Nov 26, 2026, 10:47 AM EST");
    expect(history).toBe(dashboard);
    // The editor's "Go live at" field shows the same wall time, and reading it back gives the same minute.
    expect(toZonedInput(saved, zone)).toBe("2026-11-26T10:47");
    expect(fromZonedInput(toZonedInput(saved, zone), zone)!.toISOString()).toBe("2026-11-26T15:47:00.000Z");
    expect(isoInTimeZone(saved, zone)).toBe("2026-11-26T10:47:30-05:00");
  });
});
