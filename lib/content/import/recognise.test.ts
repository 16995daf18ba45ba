import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";
import { parseStory } from "@/lib/content/parse-story";
import { detectFormat, recogniseStory, type Paste } from "./recognise";
import { FORWARDED_EMAIL, GOOGLE_DOCS_HTML, WEB_PAGE_HTML, WORD_HTML } from "./test-fixtures";
import type { RecognisedStory } from "./types";

const SOURCE = readFileSync(path.join(process.cwd(), "prisma/seed/source-article.txt"), "utf8");

function recognised(paste: Paste): RecognisedStory {
  const result = recogniseStory(paste);
  if (!result.ok) throw new Error(`expected a story, got "${result.message}"`);
  return result.story;
}

function refusal(paste: Paste): string {
  const result = recogniseStory(paste);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.story)}`);
  return result.message;
}

/** What readers would see: the stored body through the site's own renderer and sanitiser. */
function rendered(body: string): Promise<string> {
  return renderMarkdown(body);
}

describe("the source document's layout", () => {
  it("is read exactly as the seed reads it", async () => {
    const story = recognised({ text: SOURCE });
    const seed = parseStory(SOURCE);
    expect(story).toMatchObject({ format: "source", headline: seed.headline, standfirst: seed.standfirst, body: seed.body, headings: seed.headings, paragraphs: 14 });
  });

  it("with its headline changed or its date missing, is still read, as plain text", async () => {
    const edited = SOURCE.replace(/^BREAKINGON[ \t]*$/m, "BREAKINGON DAILY").replace(/^8\/9\/2025[ \t]*$/m, "");
    expect(detectFormat({ text: edited })).toBe("plain");
    const story = recognised({ text: edited });
    expect(story.headline).toBe("Trump Administration Considers Military Action Against Mexican Drug Cartels");
    expect(story.warnings.join(" ")).toMatch(/BREAKINGON DAILY/);
    expect(story.headings).toContain("Background on Cartel Designation");
    expect(story.body).not.toContain("Copyright");
  });
});

describe("plain text", () => {
  it("takes the first line as the headline, the next paragraph as the standfirst and short lines as subheadings", async () => {
    const story = recognised({
      text: "Port Reopens After Storm\n\nShips returned on Sunday.\n\nThe port reopened at dawn after three days.\n\nWhat Comes Next\n\nOfficials expect full traffic by Friday.\n",
    });
    expect(story).toMatchObject({ format: "plain", origin: null, headline: "Port Reopens After Storm", standfirst: "Ships returned on Sunday.", headings: ["What Comes Next"], paragraphs: 2, byline: null });
    expect(story.body).toBe("The port reopened at dawn after three days.\n\n## What Comes Next\n\nOfficials expect full traffic by Friday.\n");
  });

  it("reads a forwarded email: header, greeting and signature left out, wrapped lines joined, byline found", async () => {
    const story = recognised({ text: FORWARDED_EMAIL });
    expect(story).toMatchObject({
      format: "plain",
      origin: "email",
      headline: "Bridge Repairs to Close Main Road for a Week",
      standfirst: "Drivers face a week of diversions from Monday while engineers replace the bridge's expansion joints.",
      byline: "Jane Doe",
      headings: ["Diversions and Buses"],
      paragraphs: 3,
    });
    expect(story.body).toContain("because inspectors found cracks during a routine check in July. Buses will run");
    for (const gone of ["Forwarded", "jane.doe@example.com", "Hi desk", "07700 900123", "Freelance reporter"]) expect(story.body + story.standfirst).not.toContain(gone);
    expect(story.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/header lines/), expect.stringMatching(/signature/), expect.stringMatching(/greeting/)]));
  });

  it("reads a paste with one paragraph per line and no blank lines", async () => {
    const story = recognised({ text: "Heatwave Warning Issued\nTemperatures will pass 35C on Thursday.\nThe warning covers the whole region.\nHospitals have been told to prepare." });
    expect(story).toMatchObject({ headline: "Heatwave Warning Issued", standfirst: "Temperatures will pass 35C on Thursday.", paragraphs: 2 });
  });

  it("keeps a final short line as a paragraph, bullets as a list, and Markdown-looking text as text", async () => {
    const story = recognised({ text: "Budget Agreed\n\nThe council agreed its budget.\n\n• Roads: £2m\n• Parks: £1m\n\n1. first *not emphasis* <b>\n\nMore to follow" });
    expect(story.body).toContain("- Roads: £2m\n- Parks: £1m");
    expect(story.body).toContain("1. first \\*not emphasis\\* \\<b\\>");
    expect(story.headings).toEqual([]);
    expect((await rendered(story.body))).toContain("<p>More to follow</p>");
    expect((await rendered(story.body))).not.toContain("<b>");
  });

  it("does not take a sentence starting with By for a byline", async () => {
    const story = recognised({ text: "Harbour Reopens\n\nBy Monday the harbour was open again.\n\nCrews worked overnight." });
    expect(story).toMatchObject({ byline: null, standfirst: "By Monday the harbour was open again." });
  });

  it("says when there is no headline to take", async () => {
    const story = recognised({ text: `${"A very long first paragraph that is clearly not a headline. ".repeat(6)}\n\nSecond paragraph.` });
    expect(story.headline).toBe("");
    expect(story.warnings.join(" ")).toMatch(/No headline found/);
  });
});

describe("Markdown", () => {
  it("takes a leading # heading as the headline and the first paragraph as the standfirst", async () => {
    const story = recognised({ text: "# Port *Reopens*\n\nShips **returned** on Sunday.\n\nThe port reopened at [dawn](https://example.com).\n\n# What Comes Next\n\n## Details\n\n- one\n- two\n" });
    expect(story).toMatchObject({ format: "markdown", headline: "Port Reopens", standfirst: "Ships returned on Sunday.", headings: ["What Comes Next", "Details"] });
    expect(story.body).toBe("The port reopened at [dawn](https://example.com).\n\n## What Comes Next\n\n## Details\n\n- one\n- two\n");
  });

  it("reads a setext headline and a byline under it", async () => {
    const story = recognised({ text: "Port Reopens\n============\n\n*By Jane Doe*\n\nShips returned on Sunday.\n\n```\ncode\n\nblock\n```\n" });
    expect(story).toMatchObject({ headline: "Port Reopens", byline: "Jane Doe", standfirst: "Ships returned on Sunday." });
    expect(story.body).toBe("```\ncode\n\nblock\n```\n");
  });
});

describe("HTML from the clipboard", () => {
  it("reads Google Docs: the guid wrapper, styled spans and redirect links made plain, the image left out", async () => {
    const story = recognised({ text: "Harbour Reopens After Three-Day Storm\n\nShips returned…", html: GOOGLE_DOCS_HTML });
    expect(story).toMatchObject({
      format: "html",
      origin: "google-docs",
      headline: "Harbour Reopens After Three-Day Storm",
      standfirst: "Ships returned to the quays on Sunday as crews cleared the last of the debris.",
      headings: ["What Comes Next"],
    });
    expect(story.body).toContain("the port authority said. **Forty vessels** were waiting offshore.");
    expect(story.body).toContain("[port’s notices](https://port.example.org/notices?id=42)");
    expect(story.body).not.toMatch(/docs-internal-guid|font-|span|google\.com|utm_|googleusercontent|!\[/);
    expect(story.warnings.join(" ")).toMatch(/Left out an image/);
    const html = await rendered(story.body);
    expect(html).toContain("<h2");
    expect(html).toContain("<li>Ferries resume on Monday</li>");
    expect(html).not.toMatch(/<p>\s*<\/p>/);
  });

  it("reads Word: conditional comments, mso styles and o:p gone, the title as headline, bold lines as subheadings", async () => {
    const story = recognised({ text: "Council Approves New Cycle Lanes", html: WORD_HTML });
    expect(story).toMatchObject({
      format: "html",
      origin: "word",
      headline: "Council Approves New Cycle Lanes",
      byline: "Priya Natarajan",
      standfirst: "Twelve kilometres of protected lanes will be built by next spring, the council decided on Tuesday.",
      headings: ["Where the Lanes Go"],
    });
    expect(story.body).toContain("finished **before the school year** starts.");
    expect(story.body).toContain("- River Road\n- Market Street");
    expect(story.body).not.toMatch(/mso|Mso|o:p|&nbsp;|StartFragment|clip_image|Calibri|·|\[if/);
    expect(story.body.trim().split("\n\n").every((part) => part.trim() !== "")).toBe(true);
    expect(story.warnings.join(" ")).toMatch(/Left out an image/);
  });

  it("reads a web page: only the article, no scripts, navigation, sharing or footer; tracking and script links made plain", async () => {
    const story = recognised({ text: "", html: WEB_PAGE_HTML });
    expect(story).toMatchObject({
      origin: "web-page",
      headline: "Library Opens Late on Fridays",
      byline: "Tomás Ferreira",
      standfirst: "From September the central library stays open until 10pm every Friday.",
      headings: ["Staffing the Evenings"],
    });
    expect(story.body).toContain("[full survey](https://valley.example.gov/survey)");
    expect(story.body).toContain("| Friday | 10pm |");
    expect(story.body).toContain("Members can reserve study rooms online.");
    expect(story.body).not.toMatch(/javascript|alert|dataLayer|steal|Share|Sport|Related|Pool reopens|© 2025|figcaption|Photo: Ana Lima|fbclid|utm_/);
    const html = await rendered(story.body);
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/<script|onclick|javascript:/);
    expect(story.warnings.join(" ")).toMatch(/date line "August 12, 2025"/);
  });

  it("reads HTML source pasted as text like clipboard HTML", async () => {
    const story = recognised({ text: "<h1>Port Reopens</h1><p>Ships returned.</p><p>More <b>soon</b>.</p>" });
    expect(story).toMatchObject({ format: "html", headline: "Port Reopens", standfirst: "Ships returned.", body: "More **soon**.\n" });
  });

  it("falls back to the plain text when the markup holds no text", async () => {
    const story = recognised({ text: "Port Reopens\n\nShips returned.\n\nMore soon.", html: "<div><img src='x.png'><p>&nbsp;</p></div>" });
    expect(story).toMatchObject({ format: "plain", headline: "Port Reopens" });
    expect(story.warnings[0]).toMatch(/plain text was used/);
  });
});

describe("pastes that cannot be read", () => {
  it("get one clear message each", async () => {
    expect(refusal({ text: "" })).toMatch(/no text to import/);
    expect(refusal({ text: "   ", html: "  " })).toMatch(/no text to import/);
    expect(refusal({ text: "", html: "<div><span style='mso-x:1'></span><p>&nbsp;</p><img src='a.png'><script>alert(1)</script></div>" })).toMatch(/only formatting or images/);
    expect(refusal({ text: "\u0000\u0001\u0002\u0003PK\u0003\u0004\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd" })).toMatch(/does not look like text/);
    expect(refusal({ text: "Story\n\n" + "word ".repeat(41_000) })).toMatch(/too long/);
    expect(refusal({ text: "", html: "<p>" + "x ".repeat(600_000) + "</p>" })).toMatch(/too large/);
    expect(refusal({ text: "", html: "<blockquote>".repeat(50_000) + "deep text" })).toMatch(/nested too deeply/);
    expect(refusal({ text: "", html: "<div>".repeat(5_000) + "deep text" + "</div>".repeat(5_000) })).toMatch(/nested too deeply/);
    expect(refusal({ text: `# Deep\n\nStandfirst.\n\n${Array.from({ length: 15 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n")}\n` })).toMatch(/nested too deeply/);
  });
});
