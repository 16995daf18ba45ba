import { describe, expect, it } from "vitest";
import { DIFF_LIMITS, fieldChanges, sideBySide } from "./revision-diff";

it("pairs a changed line and marks the changed words on both sides", () => {
  const rows = sideBySide("Intro\nThe army met on Friday.\nEnd", "Intro\nThe navy met on Friday.\nEnd");
  expect(rows.map((r) => r.kind)).toEqual(["same", "changed", "same"]);
  const changed = rows[1]!;
  expect(changed.left!.filter((s) => s.changed).map((s) => s.text)).toEqual(["army"]);
  expect(changed.right!.filter((s) => s.changed).map((s) => s.text)).toEqual(["navy"]);
  expect(changed.left!.map((s) => s.text).join("")).toBe("The army met on Friday.");
});

it("shows added and removed lines opposite an empty side", () => {
  const rows = sideBySide("One\nTwo", "One\nTwo\nThree");
  expect(rows.at(-1)).toEqual({ kind: "added", left: null, right: [{ text: "Three", changed: true }] });
  const removed = sideBySide("One\nGone\nTwo", "One\nTwo");
  expect(removed.find((r) => r.kind === "removed")?.left).toEqual([{ text: "Gone", changed: true }]);
  expect(sideBySide("Same", "Same").every((r) => r.kind === "same")).toBe(true);
});

it("lists only the fields that differ", () => {
  const labels = { slug: "Slug", tags: "Tags", seoTitle: "SEO title" };
  expect(fieldChanges({ slug: "a", tags: ["x"], seoTitle: null }, { slug: "b", tags: ["x"], seoTitle: "" }, labels)).toEqual([{ field: "Slug", before: "a", after: "b" }]);
});

/** Deterministic pseudo-random words, so two calls with different seeds share almost nothing. */
function words(seed: number, count: number): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(`w${s % 5000}`);
  }
  return out.join(" ");
}

describe("bounded work on large or unrelated bodies", () => {
  it("shows two unrelated 46 KB paragraphs whole, flagged coarse, instead of diffing them word by word", () => {
    // Unbounded, this word diff took ~37 s of event-loop time.
    const before = words(7, 7000);
    const after = words(8, 7000);
    const started = performance.now();
    const rows = sideBySide(before, after);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rows).toEqual([{ kind: "changed", left: [{ text: before, changed: true }], right: [{ text: after, changed: true }], coarse: true }]);
  });

  it("keeps every line of two unrelated 200,000-character bodies, within the budget", () => {
    const body = (seed: number) => Array.from({ length: 2500 }, (_, i) => words(seed * 10_000 + i, 12)).join("\n").slice(0, 200_000);
    const before = body(1);
    const after = body(2);
    const started = performance.now();
    const rows = sideBySide(before, after);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rows.map((r) => r.left?.map((s) => s.text).join("")).filter((t) => t !== undefined).join("\n")).toBe(before);
    expect(rows.map((r) => r.right?.map((s) => s.text).join("")).filter((t) => t !== undefined).join("\n")).toBe(after);
  });

  it("still marks words in a small edit inside a large body, and word-diffs only the changed lines", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: ${words(i, 10)}`);
    const edited = [...lines];
    edited[1500] = edited[1500]!.replace("Paragraph", "Section");
    const rows = sideBySide(lines.join("\n"), edited.join("\n"));
    expect(rows).toHaveLength(3000);
    const changed = rows.filter((r) => r.kind !== "same");
    expect(changed).toHaveLength(1);
    expect(changed[0]!.coarse).toBeUndefined();
    expect(changed[0]!.right!.filter((s) => s.changed).map((s) => s.text)).toEqual(["Section"]);
  });

  it("falls back to pairing lines when the line diff exceeds its cap, and flags pairs past the word budget", () => {
    const tight = { ...DIFF_LIMITS, maxLineEdits: 2, maxTotalWordChars: 20 };
    const rows = sideBySide("a b\nc d\ne f\ng h", "a x\nc y\ne z\ng w", tight);
    expect(rows.map((r) => r.kind)).toEqual(["changed", "changed", "changed", "changed"]);
    expect(rows.map((r) => !!r.coarse)).toEqual([false, false, false, true]);
  });
});
