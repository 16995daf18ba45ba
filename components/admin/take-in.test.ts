import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { MarkdownManager } from "@tiptap/markdown";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { FigureImage } from "./figure-image";
import { sameInMarkdown, takeInStep } from "./take-in";

const extensions = [StarterKit, FigureImage];
const schema = getSchema(extensions);
const manager = new MarkdownManager({ extensions });
const text = (value: string, marks: string[] = []) => schema.text(value, marks.map((mark) => schema.mark(mark)));
const paragraph = (...parts: ReturnType<typeof text>[]) => schema.node("paragraph", null, parts);
const screen = (...blocks: ReturnType<typeof paragraph>[]) => EditorState.create({ schema, doc: schema.node("doc", null, blocks) });
const markdownOf = (state: EditorState) => manager.serialize(state.doc.toJSON());

/** Takes new Markdown in the way the editor does, and answers the state after it. */
function takeIn(state: EditorState, markdown: string): EditorState {
  const step = takeInStep(state, manager, markdown);
  if (step === "whole") throw new Error("expected a step");
  return step ? state.apply(step) : state;
}

describe("taking a merged body in", () => {
  it("shows a colleague's trailing space, so this screen's next save does not write it away (lost-space merge bug)", () => {
    // The colleague typed a space at the end of their paragraph (with Bold on: the Markdown holds the plain space).
    const mine = screen(paragraph(text("Alpha opens. Owner adds a line")), paragraph(text("Bravo.")), paragraph(text("Charlie ends. Editor adds notes")));
    const merged = "Alpha opens. Owner adds a line \n\nBravo.\n\nCharlie ends. Editor adds notes *slanted* to";
    const after = takeIn(mine, merged);
    // What the screen says is what was merged: an edit typed next starts from it, not from a copy without the space.
    expect(markdownOf(after)).toBe(merged);
  });

  it("keeps the block being typed in when the merge did not change it: caret, Bold switched on over a space, all stay", () => {
    const typing = paragraph(text("Owner adds a line"), text(" ", ["bold"]));
    let state = screen(typing, paragraph(text("Bravo.")), paragraph(text("Charlie.")));
    const caret = 1 + typing.content.size;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, caret)).setStoredMarks([schema.mark("bold")]));
    const ownMarkdown = markdownOf(state);
    const after = takeIn(state, ownMarkdown.replace("Charlie.", "Charlie and a colleague's words."));
    expect(after.doc.child(0)).toBe(state.doc.child(0));
    expect(after.selection.from).toBe(caret);
    expect(after.storedMarks?.map((mark) => mark.type.name)).toEqual(["bold"]);
    expect(after.doc.child(2).textContent).toBe("Charlie and a colleague's words.");
    // Typing on in bold gives the words the person meant, and the Markdown a colleague merges.
    const typed = after.apply(after.tr.insertText("in bold"));
    expect(markdownOf(typed)).toBe("Owner adds a line **in bold**\n\nBravo.\n\nCharlie and a colleague's words.");
  });

  it("replaces a block the merge changed, placing the caret by its text", () => {
    let state = screen(paragraph(text("One two.")), paragraph(text("Three.")));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 12)));
    const after = takeIn(state, "Zero one two.\n\nThree.");
    expect(after.doc.child(0).textContent).toBe("Zero one two.");
    expect(after.doc.child(1)).toBe(state.doc.child(1));
    expect(markdownOf(after)).toBe("Zero one two.\n\nThree.");
  });

  it("changes nothing when the Markdown is what is on screen", () => {
    const state = screen(paragraph(text("Words "), text("in bold", ["bold"])), paragraph(text("More. ")));
    expect(takeInStep(state, manager, markdownOf(state))).toBeNull();
  });
});

describe("sameInMarkdown", () => {
  const same = sameInMarkdown(manager);
  const read = (markdown: string) => schema.nodeFromJSON(manager.parse(markdown)).child(0);
  it("tells a paragraph with a trailing space from one without", () => {
    expect(same(paragraph(text("A line")), read("A line "))).toBe(false);
    expect(same(paragraph(text("A line ")), read("A line"))).toBe(false);
  });
  it("takes a Bold space and a plain space as the same (the Markdown cannot tell them apart)", () => {
    expect(same(paragraph(text("A line"), text(" ", ["bold"])), read("A line "))).toBe(true);
    expect(same(paragraph(text("A line"), text(" in b", ["bold"])), read("A line **in b**"))).toBe(true);
  });
  it("takes a list item as the same as its own Markdown read back", () => {
    const list = schema.node("bulletList", null, [schema.node("listItem", null, [paragraph(text("item "))])]);
    expect(same(list, schema.nodeFromJSON(manager.parse(manager.serialize({ type: "doc", content: [list.toJSON()] }))).child(0))).toBe(true);
  });
});
