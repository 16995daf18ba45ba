import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, hasHighlight, toSnippetSegments } from "./snippet";

describe("toSnippetSegments", () => {
  it("splits marked text into plain and highlighted segments", () => {
    const segments = toSnippetSegments(`…drug ${MARK_START}cartels${MARK_END} and ${MARK_START}cartel${MARK_END} leaders…`);
    expect(segments).toEqual([
      { text: "…drug ", highlighted: false },
      { text: "cartels", highlighted: true },
      { text: " and ", highlighted: false },
      { text: "cartel", highlighted: true },
      { text: " leaders…", highlighted: false },
    ]);
    expect(hasHighlight(segments)).toBe(true);
  });

  it("merges adjacent highlights and drops empty segments", () => {
    expect(toSnippetSegments(`${MARK_START}a${MARK_END}${MARK_START}b${MARK_END}${MARK_START}${MARK_END}`)).toEqual([
      { text: "ab", highlighted: true },
    ]);
    expect(toSnippetSegments("")).toEqual([]);
  });

  it("keeps HTML as text and drops link targets and extra whitespace", () => {
    expect(toSnippetSegments("a <b>bold</b>\n\n claim (https://example.com/x?y=1) here")).toEqual([
      { text: "a <b>bold</b> claim here", highlighted: false },
    ]);
  });

  it("has no highlight when nothing is marked", () => {
    expect(hasHighlight(toSnippetSegments("plain text"))).toBe(false);
  });
});
