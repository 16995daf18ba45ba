import { describe, expect, it } from "vitest";
import { renderArticleBody, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings with anchor ids, paragraphs and typography", () => {
    const html = renderMarkdown("## Military Strikes: A Controversial Option\n\nIt was “audacious”.\n");
    expect(html).toContain('<h2 id="military-strikes-a-controversial-option">Military Strikes: A Controversial Option</h2>');
    expect(html).toContain("<p>It was “audacious”.</p>");
  });

  it("strips script, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
  });

  it("keeps safe links and lists", () => {
    const html = renderMarkdown("- one\n- [two](https://example.com/a)\n");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com/a">two</a>');
  });
});

describe("renderArticleBody", () => {
  it("lists h2 and h3 headings with the ids the HTML carries", () => {
    const { html, headings } = renderArticleBody("## One\n\ntext\n\n### Sub *part*\n\n#### Deep\n\n## One\n");
    expect(headings).toEqual([
      { depth: 2, id: "one", text: "One" },
      { depth: 3, id: "sub-part", text: "Sub part" },
      { depth: 2, id: "one-1", text: "One" },
    ]);
    for (const h of headings) expect(html).toContain(`id="${h.id}"`);
  });
});
