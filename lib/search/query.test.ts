import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_TERM_LENGTH, MAX_TERMS, cleanQueryText, parseSearchQuery, toFts5Query } from "./query";

describe("parseSearchQuery", () => {
  it("keeps words and drops every operator", () => {
    expect(parseSearchQuery('  "Drug  cartels" NEAR(harbour) -navy ^strikes headline:ships * OR ').terms).toEqual([
      "drug",
      "cartels",
      "near",
      "harbour",
      "navy",
      "strikes",
      "headline",
      "ships",
    ]);
    expect(parseSearchQuery(`'; DROP TABLE "Article"; --`).terms).toEqual(["drop", "table", "article"]);
  });

  it("finds nothing to search for in empty, blank or symbol-only input", () => {
    for (const raw of ["", "   ", "\n\t", "*", '"', "((", "-", "^", ":", "🔥🔥", "\u0000\uE000"]) {
      expect(parseSearchQuery(raw).terms, JSON.stringify(raw)).toEqual([]);
    }
  });

  it("ignores one-letter words beside real ones", () => {
    expect(parseSearchQuery("Trump's U.S. visit").terms).toEqual(["trump", "visit"]);
    expect(parseSearchQuery("a").terms).toEqual(["a"]);
  });

  it("keeps letters of any script, folded to lower case and deduplicated", () => {
    expect(parseSearchQuery("東京 Zürich ZÜRICH café").terms).toEqual(["東京", "zürich", "café"]);
    expect(parseSearchQuery("ﬁnance").terms).toEqual(["finance"]);
  });

  it("caps the text, the number of words and their length", () => {
    const long = parseSearchQuery("word ".repeat(5000));
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(long.terms).toEqual(["word"]);
    expect(parseSearchQuery("one two three four five six seven eight nine ten").terms).toHaveLength(MAX_TERMS);
    expect(parseSearchQuery("x".repeat(10_000)).terms).toEqual(["x".repeat(MAX_TERM_LENGTH)]);
  });

  it("never cuts an emoji in half", () => {
    const text = cleanQueryText("🔥".repeat(500));
    expect(Array.from(text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(text.isWellFormed()).toBe(true);
  });
});

describe("toFts5Query", () => {
  it("quotes every word as an FTS5 string", () => {
    expect(toFts5Query(["near", "or", "cartels"])).toBe('"near" "or" "cartels"');
    expect(toFts5Query(['a"b'])).toBe('"a""b"');
  });
});
