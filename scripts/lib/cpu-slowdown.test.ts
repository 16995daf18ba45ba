import { describe, expect, it } from "vitest";
import { parseCpuSlowdown, suggestedCpuSlowdown } from "./cpu-slowdown";

describe("Lighthouse's CPU slowdown for this host", () => {
  it("follows the calculator's anchor points", () => {
    expect(suggestedCpuSlowdown(150)).toBe(1);
    expect(suggestedCpuSlowdown(800)).toBe(2);
    expect(suggestedCpuSlowdown(1300)).toBe(3);
    expect(suggestedCpuSlowdown(1533)).toBeCloseTo(4, 5);
    expect(suggestedCpuSlowdown(2000)).toBeCloseTo(6, 1);
    // This week's hosts: 1,226 (about 2.9×) and 2,600 (about 8.6×).
    expect(suggestedCpuSlowdown(1226)).toBeCloseTo(2.85, 2);
    expect(suggestedCpuSlowdown(2600)).toBeCloseTo(8.58, 2);
  });

  it("gives none for a host too slow to stand for a phone, or no reading", () => {
    expect(suggestedCpuSlowdown(149)).toBeNull();
    expect(suggestedCpuSlowdown(Number.NaN)).toBeNull();
  });

  it("reads LIGHTHOUSE_CPU_SLOWDOWN strictly", () => {
    expect(parseCpuSlowdown(undefined)).toBeUndefined();
    expect(parseCpuSlowdown("")).toBeUndefined();
    expect(parseCpuSlowdown("2.9")).toBe(2.9);
    for (const bad of ["fast", "0", "0.5", "21", "Infinity", "4x"]) expect(() => parseCpuSlowdown(bad)).toThrow(/LIGHTHOUSE_CPU_SLOWDOWN must be a number from 1 to 20/);
  });
});
