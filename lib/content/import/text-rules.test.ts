import { describe, expect, it } from "vitest";
import { bylineOf, isDateline, looksLikeSubheading, markdownToPlain } from "./text-rules";
import { unreadableReason } from "./readable";

describe("bylines", () => {
  it.each([
    ["By Jane Doe", "Jane Doe"],
    ["by Jane Doe", "Jane Doe"],
    ["BY JANE DOE", "Jane Doe"],
    ["By Jane Doe, Staff Reporter", "Jane Doe"],
    ["By Jane Doe and Ali Khan | Reuters", "Jane Doe and Ali Khan"],
    ["By: Tomás Ferreira", "Tomás Ferreira"],
    ["By Ludwig van Beethoven", "Ludwig van Beethoven"],
  ])("reads %j as a byline", (line, name) => expect(bylineOf(line)).toBe(name));

  it.each(["By Monday the port was open.", "By then", "By the river", "Bypass Opens Early", "By Jane", "Written by Jane Doe for the council"])(
    "does not read %j as a byline",
    (line) => expect(bylineOf(line)).toBeNull(),
  );
});

describe("date lines", () => {
  it.each(["8/12/2025", "2025-08-12", "August 12, 2025", "Aug. 12, 2025", "12 August 2025", "Tuesday, August 12, 2025", "Updated: Aug 12, 2025 at 9:14 AM", "Published 12 Aug 2025, 09:14 BST"])(
    "reads %j as a date line",
    (line) => expect(isDateline(line)).toBe(true),
  );
  it.each(["August 12, 2025 was the hottest day on record.", "In 2025 the port grew", "12 people were hurt"])("keeps %j as text", (line) => expect(isDateline(line)).toBe(false));
});

describe("subheadings", () => {
  it("are short lines that do not end like a sentence", () => {
    expect(looksLikeSubheading("What Comes Next")).toBe(true);
    expect(looksLikeSubheading("Officials expect traffic by Friday.")).toBe(false);
    expect(looksLikeSubheading("Was it worth it?")).toBe(false);
    expect(looksLikeSubheading("lower-case start")).toBe(false);
    expect(looksLikeSubheading("A".repeat(80))).toBe(false);
    expect(looksLikeSubheading("https://example.com/page")).toBe(false);
  });
});

describe("Markdown read as plain text", () => {
  it("keeps what the syntax shows", () => {
    expect(markdownToPlain("**Bold** and _italic_ with a [link](https://x.example) and `code` \\*stars\\*")).toBe("Bold and italic with a link and code *stars*");
  });
});

describe("unreadable pastes", () => {
  it("refuses empty text, binary junk and text without words, and accepts a story", () => {
    expect(unreadableReason("   \n\t ")).toMatch(/no text/);
    expect(unreadableReason("\u0000\u0001PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000\u0000\u0000!\u0000\ufffd\ufffd\ufffd[Content_Types].xml \ufffd\ufffd")).toMatch(/does not look like text/);
    expect(unreadableReason("\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0002\ufffd")).toMatch(/does not look like text/);
    expect(unreadableReason("1234 5678 !!! ???")).toMatch(/does not look like text/);
    expect(unreadableReason("x".repeat(300))).toMatch(/does not look like text/);
    expect(unreadableReason("A".repeat(200_001))).toMatch(/too long/);
    expect(unreadableReason("Port Reopens\n\nShips returned on Sunday.")).toBeNull();
  });
});
