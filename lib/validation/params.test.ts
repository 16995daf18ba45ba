import { describe, expect, it } from "vitest";
import { parsePageParam } from "./params";

describe("parsePageParam", () => {
  it("reads plain positive page numbers and defaults to 1", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("42")).toBe(42);
    expect(parsePageParam("10000")).toBe(10_000);
  });

  it.each(["-1", "0", "abc", "1e9", "2.5", " 2", "0x10", "", "10001", "99999999999"])("refuses %j", (value) => {
    expect(parsePageParam(value)).toBeNull();
  });

  it("refuses repeated parameters", () => {
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});
