import { expect, it } from "vitest";
import { fieldChanges, sideBySide } from "./revision-diff";

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
