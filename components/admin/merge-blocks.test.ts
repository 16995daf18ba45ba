import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { Fragment, Slice, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { changedBlocks } from "./merge-blocks";

const schema = getSchema([StarterKit]);
const doc = (...paragraphs: string[]) => schema.node("doc", null, paragraphs.map((text) => schema.node("paragraph", null, text ? [schema.text(text)] : [])));
const text = (nodes: ProseMirrorNode[]) => nodes.map((node) => node.textContent);
// What the editor passes: equal, or equal but for spaces at the end (which Markdown's round trip trims).
const sameBut = (a: ProseMirrorNode, b: ProseMirrorNode) => a.eq(b) || a.textContent.trimEnd() === b.textContent.trimEnd();

describe("changedBlocks", () => {
  it("is null when nothing differs", () => {
    expect(changedBlocks(doc("One", "Two"), doc("One", "Two"), sameBut)).toBeNull();
  });

  it("replaces only the paragraph a colleague changed, keeping the one being typed in as it is on screen", () => {
    const before = doc("Alpha typed in bold ", "Bravo", "Charlie");
    const after = doc("Alpha typed in bold", "Bravo", "Charlie and the colleague's words");
    const change = changedBlocks(before, after, sameBut)!;
    expect(text(change.nodes)).toEqual(["Charlie and the colleague's words"]);
    // "Alpha typed in bold " (20 characters + 2 for the paragraph) and "Bravo" (5 + 2) stay; Charlie's paragraph goes.
    expect(change.from).toBe(22 + 7);
    expect(change.to).toBe(before.content.size);
    // Applied, the paragraph being typed in keeps its trailing space.
    const merged = before.replace(change.from, change.to, new Slice(Fragment.from(change.nodes), 0, 0));
    expect(merged.child(0).textContent).toBe("Alpha typed in bold ");
    expect(merged.child(2).textContent).toBe("Charlie and the colleague's words");
  });

  it("handles blocks inserted and removed in the middle", () => {
    const inserted = changedBlocks(doc("A", "C"), doc("A", "B", "C"), sameBut)!;
    expect([inserted.from, inserted.to, text(inserted.nodes)]).toEqual([3, 3, ["B"]]);
    const removed = changedBlocks(doc("A", "B", "C"), doc("A", "C"), sameBut)!;
    expect([removed.from, removed.to, text(removed.nodes)]).toEqual([3, 6, []]);
  });

  it("does not let the common head and tail overlap when a repeated block is added", () => {
    const change = changedBlocks(doc("X", "X"), doc("X", "X", "X"), sameBut)!;
    expect(text(change.nodes)).toEqual(["X"]);
    expect(change.to - change.from).toBe(0);
  });

  it("replaces everything when nothing is shared", () => {
    const before = doc("Old one", "Old two");
    const change = changedBlocks(before, doc("New"), sameBut)!;
    expect([change.from, change.to, text(change.nodes)]).toEqual([0, before.content.size, ["New"]]);
  });
});
