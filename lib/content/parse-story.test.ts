import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStory, StoryParseError } from "./parse-story";

const SOURCE = readFileSync(path.join(process.cwd(), "prisma/seed/source-article.txt"), "utf8");
const HEADLINE = "Trump Administration Considers Military Action Against Mexican Drug Cartels";

describe("parseStory on the source article", () => {
  const story = parseStory(SOURCE);

  it("recovers the publication, headline and date", () => {
    expect(story.publication).toBe("BreakingOn");
    expect(story.headline).toBe(HEADLINE);
    expect(story.date).toBe("2025-08-09");
  });

  it("takes the standfirst and keeps the chrome's summary out of the body", () => {
    expect(story.standfirst).toBe(
      "The Trump administration is weighing military options against Mexican drug cartels, including naval strikes " +
        "and increased collaboration with Mexican authorities. While some officials support action, concerns about " +
        "legality and international relations loom.",
    );
    expect(story.summary).toMatch(/^The Trump administration is contemplating military strikes .* contentious issues\.$/);
    expect(story.body).not.toContain("contemplating military strikes");
    expect(story.body).not.toContain(story.standfirst);
    expect(story.body).not.toContain(HEADLINE);
  });

  it("turns every subheading into a Markdown heading, in order", () => {
    const expected = [
      "Military Strikes: A Controversial Option",
      "Background on Cartel Designation",
      "U.S.-Mexico Collaboration on Drug Trafficking",
      "Joint Efforts to Combat Cartels",
      "Military Planning and Coordination",
      "Potential Consequences of Military Action",
      "Conclusion: A Cautious Approach Needed",
    ];
    expect(story.headings).toEqual(expected);
    const markdownHeadings = story.body.split("\n").filter((l) => l.startsWith("#"));
    expect(markdownHeadings).toEqual(expected.map((h) => `## ${h}`));
  });

  it("keeps paragraphs whole and typography untouched", () => {
    const paragraphs = story.body.trim().split("\n\n").filter((p) => !p.startsWith("## "));
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs[0]).toMatch(/^The Trump administration is currently evaluating plans .* criminal organizations\.$/);
    expect(paragraphs.at(-1)).toMatch(/^As discussions progress, .* regional stability\.$/);
    expect(story.body).toContain("described the idea of military strikes as “audacious”");
    expect(story.body).toContain("administration’s designation of eight cartels");
    expect(story.body).toContain("“absolutely no invasion.”");
    expect(story.body).toContain("the U.S.’s top trading partner");
    expect(story.body).not.toMatch(/\\[“”’]/);
  });

  it("stores the publisher's footer apart from the article text", () => {
    expect(story.footer.about).toMatch(/^Breakingon\.com is an independent news platform .* Stay informed with us!$/);
    expect(story.footer.copyright).toBe("© Copyright 2025 BreakingOn. All rights reserved.");
    expect(story.body).not.toContain("Breakingon.com");
    expect(story.body).not.toContain("Copyright");
  });
});

describe("parseStory on other inputs", () => {
  const minimal = ["ACME NEWS", "", "A headline", "", "12/31/2024", "A standfirst.", "", "Body one.", "", "Body two."].join("\n");

  it("accepts Windows line endings and a byte-order mark", () => {
    const story = parseStory("\uFEFF" + minimal.replace(/\n/g, "\r\n"));
    expect(story).toMatchObject({ publication: "Acme News", headline: "A headline", date: "2024-12-31" });
    expect(story.body).toBe("Body one.\n\nBody two.\n");
    expect(story.summary).toBeNull();
    expect(story.footer).toEqual({ about: null, copyright: null });
  });

  it("escapes text that Markdown would read as syntax", () => {
    const story = parseStory(minimal.replace("Body one.", "# not a heading and *not emphasis* <b>"));
    expect(story.body).toContain("\\# not a heading and \\*not emphasis\\* \\<b\\>");
  });

  it.each([
    ["", /empty/],
    ["breakingon\n\nHeadline\n\n8/9/2025\nText", /line 1: expected the publication name in capitals/],
    ["BREAKINGON\n\nHeadline\n\n2025-08-09\nText", /line 5: expected the date as M\/D\/YYYY/],
    ["BREAKINGON\n\nHeadline\n\n2/30/2025\nText", /not a real date/],
    ["BREAKINGON\n\nHeadline\n\n8/9/2025\n", /no standfirst or body/],
    ["BREAKINGON\n\nHeadline\n\n8/9/2025\nStandfirst.\n\nOnly A Heading", /no body paragraphs/],
    ["BREAKINGON\n\nHeadline", /ends before its date/],
  ])("refuses malformed input %#", (input, message) => {
    expect(() => parseStory(input)).toThrow(StoryParseError);
    expect(() => parseStory(input)).toThrow(message);
  });
});
