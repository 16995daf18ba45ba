import { describe, expect, it } from "vitest";
import { parsedBodyCount, renderArticleBody, renderMarkdown, renderPlainParagraphs } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings with anchor ids, paragraphs and typography", async () => {
    const html = await renderMarkdown("## Military Strikes: A Controversial Option\n\nIt was “audacious”.\n");
    expect(html).toContain('<h2 id="military-strikes-a-controversial-option">Military Strikes: A Controversial Option</h2>');
    expect(html).toContain("<p>It was “audacious”.</p>");
  });

  it("strips script, event handlers and javascript: links", async () => {
    const html = await renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
  });

  it("keeps safe links and lists", async () => {
    const html = await renderMarkdown("- one\n- [two](https://example.com/a)\n");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com/a">two</a>');
  });
});

describe("renderArticleBody", () => {
  it("lists h2 and h3 headings with the ids the HTML carries", async () => {
    const { html, headings } = await renderArticleBody("## One\n\ntext\n\n### Sub *part*\n\n#### Deep\n\n## One\n");
    expect(headings).toEqual([
      { depth: 2, id: "one", text: "One" },
      { depth: 3, id: "sub-part", text: "Sub part" },
      { depth: 2, id: "one-1", text: "One" },
    ]);
    for (const h of headings) expect(html).toContain(`id="${h.id}"`);
  });

  it("parses each distinct body once, however many pages and feeds ask for it", async () => {
    const body = `## Cached ${Math.random()}\n\nOnce only.`;
    const before = parsedBodyCount();
    const results = await Promise.all([renderArticleBody(body), renderArticleBody(body), renderMarkdown(body)]);
    const again = await renderArticleBody(body);
    expect(parsedBodyCount() - before).toBe(1);
    expect(again).toBe(results[0]);
    expect(results[2]).toBe(again.html);
  });
});

describe("hostile bodies", () => {
  it("escapes hostile captions and credits, and lets no attribute onto a figure", async () => {
    const html = await renderMarkdown(
      '![x" onerror="alert(1)](/media/a "<img src=x onerror=alert(1)> — <script>alert(2)</script>")\n\n' +
        '<figure onclick="alert(3)"><figcaption style="x">raw</figcaption></figure>\n\n<span class="credit" onclick="alert(4)">raw span</span>\n\n' +
        '![y](javascript:alert(5) "caption — credit")',
    );
    expect(html).toContain("<figcaption>&#x3C;img src=x onerror=alert(1)> <span class=\"credit\">&#x3C;script>alert(2)&#x3C;/script></span></figcaption>");
    expect(html).not.toMatch(/<script|<img src=x|onclick|onerror="|style=|javascript:/i);
    expect(html).not.toMatch(/<figure [^>]/);
  });

  it("shows 5,000 nested quotes as an escaped paragraph instead of overflowing the stack", async () => {
    const before = parsedBodyCount();
    const { html, headings } = await renderArticleBody(">".repeat(5000));
    expect(html).toBe(`<p>${"&#62;".repeat(5000)}</p>`);
    expect(headings).toEqual([]);
    expect(parsedBodyCount()).toBe(before);
  });

  it("shows 40 KB of `*_` as plain text at once instead of parsing it for over a minute", async () => {
    const started = performance.now();
    const html = await renderMarkdown("*_".repeat(20_000));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(html).toBe(`<p>${"*_".repeat(20_000)}</p>`);
  });

  it("stops a render that runs past its time limit and shows the body as plain, escaped paragraphs", async () => {
    await renderMarkdown("warm the worker up");
    // A large table: slow to parse, but nothing the quick pre-check rejects.
    const body = `|a|b|\n|-|-|\n${"|x <b>|y & z|\n".repeat(20_000)}`;
    const started = performance.now();
    const { html } = await renderArticleBody(body, { timeoutMs: 5 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(html).toBe(renderPlainParagraphs(body));
    expect(html).toContain("|x &#60;b&#62;|y &#38; z|<br>");
    // The worker was replaced and renders again.
    expect(await renderMarkdown("**back**")).toBe("<p><strong>back</strong></p>");
  });

  it("keeps the event loop free while a long body renders", async () => {
    const paragraph = "The council met on Friday and **voted** to [fund](https://example.com) the new bridge. ".repeat(12);
    const body = Array.from({ length: 60 }, (_, i) => `## Part ${i}\n\n${paragraph}\n\n- a\n- b`).join("\n\n");
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 5);
    const { headings } = await renderArticleBody(body);
    clearInterval(timer);
    expect(headings).toHaveLength(60);
    // Parsing this body on the event loop blocks it for whole seconds; generous, as the test machine is shared.
    expect(worst).toBeLessThan(300);
  });
});
