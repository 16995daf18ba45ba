import { describe, expect, it } from "vitest";
import { isSlug, toSlug } from "./slug";

describe("toSlug", () => {
  it("makes the source article's slug", () => {
    expect(toSlug("Trump Administration Considers Military Action Against Mexican Drug Cartels")).toBe(
      "trump-administration-considers-military-action-against-mexican-drug-cartels",
    );
  });

  it("drops punctuation and transliterates accents", () => {
    expect(toSlug("U.S.-Mexico: “Joint” Efforts — Señora Sheinbaum’s view")).toBe(
      "us-mexico-joint-efforts-senora-sheinbaums-view",
    );
  });

  it("cuts long slugs at a word boundary", () => {
    const slug = toSlug("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((w) => w === "word")).toBe(true);
  });
});

describe("isSlug", () => {
  it("accepts slugs and refuses anything else", () => {
    expect(isSlug("trump-administration-considers")).toBe(true);
    expect(isSlug("a1")).toBe(true);
    for (const bad of ["", "UPPER", "a--b", "-a", "a-", "a b", "a/b", "%2e%2e", "a".repeat(201), "ümlaut"]) {
      expect(isSlug(bad)).toBe(false);
    }
  });
});
