import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SearchResults } from "@/lib/dal/search";
import { SearchResultList } from "./search-results";

function results(total: number, capped: boolean): SearchResults {
  const result = {
    slug: "harbour",
    headline: "Harbour report",
    standfirst: "Volumes rose.",
    publishedAt: new Date("2026-01-02T10:00:00Z"),
    section: null,
    snippet: [{ text: "cartels", highlighted: true }],
  };
  return { query: "cartels", total, capped, page: 1, pageSize: 10, pageCount: Math.ceil(total / 10), results: [result] };
}

const text = (search: SearchResults) => renderToStaticMarkup(createElement(SearchResultList, { search, timeZone: "UTC" })).replace(/<[^>]+>/g, "");

describe("search result count", () => {
  it("gives the number of matches when every match is ranked", () => {
    expect(text(results(1, false))).toContain("1 story matches “cartels”");
    expect(text(results(13, false))).toContain("13 stories match “cartels” · showing 1–1");
  });

  it("says 1,000+ when more stories match than search ranks", () => {
    expect(text(results(1000, true))).toContain("1,000+ stories match “cartels” · showing 1–1 of the newest 1,000, best first");
    expect(text(results(1000, false))).toContain("1,000 stories match “cartels”");
    expect(text(results(1000, false))).not.toContain("+");
  });
});
