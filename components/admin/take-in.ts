import type { MarkdownManager } from "@tiptap/markdown";
import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Fragment, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { changedBlocks } from "./merge-blocks";

/**
 * Whether a block on screen already says what a block of the new Markdown says. Equal nodes are; so is a block whose
 * Markdown, read back the way the new Markdown was read, gives the same Markdown (a Bold switched on over a space
 * just typed reads back as that space: the Markdown cannot tell them apart). Nothing is trimmed: a space a colleague
 * typed at the end of a paragraph is a difference, and a screen that kept its own block without that space would
 * write the space away at its next save (the three-way merge would take it as this side deleting it).
 */
export function sameInMarkdown(manager: MarkdownManager) {
  const asMarkdown = (node: ProseMirrorNode) => manager.serialize({ type: "doc", content: [node.toJSON()] });
  return (mine: ProseMirrorNode, theirs: ProseMirrorNode) => {
    if (mine.eq(theirs)) return true;
    const theirsMarkdown = asMarkdown(theirs);
    const mineMarkdown = asMarkdown(mine);
    return mineMarkdown === theirsMarkdown || manager.serialize(manager.parse(mineMarkdown)) === theirsMarkdown;
  };
}

/**
 * The step that puts new Markdown on screen, replacing only the top-level blocks that differ (changedBlocks): the
 * paragraph someone is typing in is not round-tripped through Markdown while a colleague's change elsewhere is taken
 * in, so the caret and a Bold switched on for the next word stay. Null when nothing differs; "whole" when the
 * Markdown cannot be read as blocks (the caller sets the content outright). The step is kept out of the undo history
 * (undo must not take back the colleague's words) and is not an edit.
 */
export function takeInStep(state: EditorState, manager: MarkdownManager, markdown: string): Transaction | "whole" | null {
  let next: ProseMirrorNode | null = null;
  try {
    next = state.schema.nodeFromJSON(manager.parse(markdown));
    next.check();
  } catch {
    next = null;
  }
  if (!next || next.childCount === 0) return "whole";
  const change = changedBlocks(state.doc, next, sameInMarkdown(manager));
  if (!change) return null;
  const { from, to } = state.selection;
  const storedMarks = state.storedMarks;
  const tr = state.tr.replaceWith(change.from, change.to, Fragment.from(change.nodes));
  // A caret in a kept block moves with the step. One inside a replaced block is placed by its text: the same number
  // of characters from the nearer unchanged end.
  const inChange = from < change.to && to > change.from;
  if (inChange) {
    const place = caretByText(state.doc, tr.doc);
    tr.setSelection(TextSelection.create(tr.doc, place(from), place(to)));
  }
  const caretMarks = storedMarks ?? (inChange && state.selection.empty ? state.selection.$from.marks() : null);
  if (caretMarks) tr.setStoredMarks(caretMarks);
  return tr.setMeta("addToHistory", false).setMeta("preventUpdate", true);
}

/** Maps a position in `before` to `after` by plain-text offset around the one run of text that changed. */
function caretByText(before: ProseMirrorNode, after: ProseMirrorNode) {
  const oldText = plainText(before, before.content.size);
  const newText = plainText(after, after.content.size);
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let endOld = oldText.length;
  let endNew = newText.length;
  while (endOld > start && endNew > start && oldText[endOld - 1] === newText[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return (pos: number) => {
    const offset = plainText(before, pos).length;
    return positionAt(after, offset <= start ? offset : offset >= endOld ? offset + (endNew - endOld) : endNew);
  };
}

/** The document's text up to a position, one line per block, images as one character. */
function plainText(doc: ProseMirrorNode, pos: number): string {
  return doc.textBetween(0, pos, "\n", "\uFFFC");
}

/** The first position whose preceding text is at least `offset` characters long. */
function positionAt(doc: ProseMirrorNode, offset: number): number {
  let low = 0;
  let high = doc.content.size;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (plainText(doc, mid).length >= offset) high = mid;
    else low = mid + 1;
  }
  // Position 0 is before the first block; the first place to type is inside it.
  return Math.max(low, Math.min(1, doc.content.size));
}
