import { describe, expect, it } from "vitest";
import { bodyWithDateline } from "./article-view";

describe("bodyWithDateline", () => {
  it("opens the first paragraph with the dateline in small caps", () => {
    expect(bodyWithDateline("<h2>Sub</h2><p>Congress met.</p><p>More.</p>", "WASHINGTON")).toBe(
      '<h2>Sub</h2><p><span class="dateline font-sans font-semibold tracking-wide [font-variant-caps:all-small-caps]">WASHINGTON —</span> Congress met.</p><p>More.</p>',
    );
  });

  it("leaves the body alone without a dateline", () => {
    expect(bodyWithDateline("<p>Text.</p>", null)).toBe("<p>Text.</p>");
    expect(bodyWithDateline("<p>Text.</p>", "  ")).toBe("<p>Text.</p>");
  });

  it("escapes the dateline and gives a body without paragraphs one of its own", () => {
    expect(bodyWithDateline("<ul><li>x</li></ul>", '<b>"A&B"</b>')).toBe(
      '<p><span class="dateline font-sans font-semibold tracking-wide [font-variant-caps:all-small-caps]">&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; —</span> </p><ul><li>x</li></ul>',
    );
  });
});
