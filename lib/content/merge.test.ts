import { describe, expect, it } from "vitest";
import { mergeFields, mergeText, resolveMerge } from "./merge";

const fields = (over: Partial<Record<string, string | boolean | string[]>> = {}) => ({
  headline: "Storm hits the coast",
  standfirst: "Thousands without power.",
  body: "First paragraph about the storm.\n\nSecond paragraph about the damage.\n\nThird paragraph about the clean-up.",
  slug: "storm",
  sectionId: "s1",
  tags: ["weather"],
  bylineIds: ["b1"],
  heroMediaId: "",
  seoTitle: "",
  seoDescription: "",
  breaking: false,
  breakingUntil: "",
  featured: false,
  ...over,
});

describe("mergeText", () => {
  it("keeps both sides' edits in different paragraphs", () => {
    const base = "One.\n\nTwo.\n\nThree.";
    const regions = mergeText(base, "One, mine.\n\nTwo.\n\nThree.", "One.\n\nTwo.\n\nThree, theirs.");
    expect(regions).toEqual([{ ok: "One, mine.\n\nTwo.\n\nThree, theirs." }]);
  });

  it("merges different sentences of the same paragraph word by word", () => {
    const base = "The storm came at dawn. The sea rose fast.";
    const regions = mergeText(base, "The big storm came at dawn. The sea rose fast.", "The storm came at dawn. The sea rose very fast.");
    expect(regions).toEqual([{ ok: "The big storm came at dawn. The sea rose very fast." }]);
  });

  it("returns the overlapping words as a conflict with both sides", () => {
    const regions = mergeText("The storm came.\nEnd.", "The storm arrived.\nEnd.", "The storm struck.\nEnd.");
    expect(regions).toEqual([{ base: "The storm came.\n", mine: "The storm arrived.\n", theirs: "The storm struck.\n" }, { ok: "End." }]);
  });

  it("is not a conflict when both made the same change", () => {
    expect(mergeText("a b c", "a x c", "a x c")).toEqual([{ ok: "a x c" }]);
  });

  it("keeps unicode intact", () => {
    const base = "Café ☕ in Zürich.\n\n東京で地震。\n\nEmoji 👩🏽‍💻 here.";
    const mine = "Café ☕ in Zürich, Schweiz.\n\n東京で地震。\n\nEmoji 👩🏽‍💻 here.";
    const theirs = "Café ☕ in Zürich.\n\n東京で地震。\n\nEmoji 👩🏽‍💻 here and 🇺🇦 there.";
    expect(mergeText(base, mine, theirs)).toEqual([{ ok: "Café ☕ in Zürich, Schweiz.\n\n東京で地震。\n\nEmoji 👩🏽‍💻 here and 🇺🇦 there." }]);
  });
});

describe("mergeFields", () => {
  it("merges a clean change on each side of every kind of field", () => {
    const base = fields();
    const mine = fields({ headline: "Storm hits the north coast", tags: ["weather", "coast"], breaking: true });
    const theirs = fields({ body: base.body.replace("Third", "The third"), sectionId: "s2", bylineIds: ["b1", "b2"] });
    const result = mergeFields(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toEqual(
      fields({ headline: "Storm hits the north coast", tags: ["weather", "coast"], breaking: true, body: base.body.replace("Third", "The third"), sectionId: "s2", bylineIds: ["b1", "b2"] }),
    );
  });

  it("merges fields independently: a conflict in one leaves the others merged", () => {
    const base = fields();
    const mine = fields({ headline: "Storm batters the coast", standfirst: "Thousands without power tonight." });
    const theirs = fields({ headline: "Storm lashes the coast", body: `${base.body}\n\nA fourth paragraph.` });
    const result = mergeFields(base, mine, theirs);
    expect(result.merged).toBeNull();
    expect(result.conflicts).toEqual([{ id: "headline:0", field: "headline", kind: "text", base: "Storm hits the coast", mine: "Storm batters the coast", theirs: "Storm lashes the coast" }]);
    const theirsChosen = resolveMerge(result, { "headline:0": { keep: "theirs" } });
    expect(theirsChosen).toEqual(fields({ headline: "Storm lashes the coast", standfirst: "Thousands without power tonight.", body: `${base.body}\n\nA fourth paragraph.` }));
    expect(resolveMerge(result, { "headline:0": { keep: "mine" } }).headline).toBe("Storm batters the coast");
    expect(resolveMerge(result, { "headline:0": { text: "Storm batters and lashes the coast" } }).headline).toBe("Storm batters and lashes the coast");
  });

  it("makes a value conflict only when both changed a non-text field differently", () => {
    const base = fields();
    const result = mergeFields(base, fields({ sectionId: "s2", tags: ["a"] }), fields({ sectionId: "s3", tags: ["a"] }));
    expect(result.conflicts.map((c) => [c.field, c.kind, c.mine, c.theirs])).toEqual([["sectionId", "value", "s2", "s3"]]);
    expect(resolveMerge(result, { "sectionId:0": { keep: "theirs" } })).toEqual(fields({ sectionId: "s3", tags: ["a"] }));
  });

  it("an edited paragraph keeps its line break when chosen as text", () => {
    const base = fields({ body: "Alpha beta.\n\nGamma." });
    const result = mergeFields(base, fields({ body: "Alpha mine.\n\nGamma." }), fields({ body: "Alpha theirs.\n\nGamma." }));
    const id = result.conflicts[0]!.id;
    expect(resolveMerge(result, { [id]: { text: "Alpha both" } }).body).toBe("Alpha both\n\nGamma.");
  });

  it("merges a 5,000-word story edited on both sides in different paragraphs", () => {
    const paragraphs = Array.from({ length: 100 }, (_, p) => Array.from({ length: 50 }, (_, w) => `word${p}x${w}`).join(" ") + ".");
    const body = paragraphs.join("\n\n");
    const mineParas = paragraphs.map((text, i) => (i % 10 === 0 ? `${text} Mine added ${i}.` : text));
    const theirsParas = paragraphs.map((text, i) => (i % 10 === 5 ? text.replace("word", "THEIRS") : text));
    const started = performance.now();
    const result = mergeFields(fields({ body }), fields({ body: mineParas.join("\n\n") }), fields({ body: theirsParas.join("\n\n") }));
    const took = performance.now() - started;
    const expected = paragraphs.map((text, i) => (i % 10 === 0 ? `${text} Mine added ${i}.` : i % 10 === 5 ? text.replace("word", "THEIRS") : text)).join("\n\n");
    expect(result.merged?.body).toBe(expected);
    expect(took).toBeLessThan(2000);
  });
});
