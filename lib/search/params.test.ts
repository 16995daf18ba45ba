import { describe, expect, it } from "vitest";
import { searchPageParams } from "./params";

describe("searchPageParams", () => {
  it("reads the query and the page", () => {
    expect(searchPageParams.parse({ q: "  drug   cartels ", page: "3" })).toEqual({ q: "drug cartels", page: 3 });
    expect(searchPageParams.parse({})).toEqual({ q: "", page: 1 });
  });

  it("treats malformed page numbers as page 1", () => {
    for (const page of ["0", "-1", "abc", "1e9", "2.5", "", " 2", "9999999999", "0x10"]) {
      expect(searchPageParams.parse({ q: "x", page }).page, page).toBe(1);
    }
  });

  it("uses the first of repeated parameters", () => {
    expect(searchPageParams.parse({ q: ["first", "second"], page: ["2", "5"] })).toEqual({ q: "first", page: 2 });
  });

  it("caps a very long query", () => {
    expect(searchPageParams.parse({ q: "x".repeat(10_000) }).q).toHaveLength(200);
  });
});
