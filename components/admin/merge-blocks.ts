import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

export interface BlockChange {
  /** Where the changed blocks start and end in the document on screen. */
  from: number;
  to: number;
  /** The blocks of the new document that take their place (none when blocks were only removed). */
  nodes: ProseMirrorNode[];
}

/**
 * The smallest run of top-level blocks that differs between the document on screen and a new one (a colleague's
 * merged change, a restored version): the blocks before and after it are `same` and stay as they are on screen, with
 * the caret, the marks switched on for the next character and anything Markdown cannot hold (a space just typed at
 * the end of a paragraph). Null when nothing differs.
 */
export function changedBlocks(before: ProseMirrorNode, after: ProseMirrorNode, same: (mine: ProseMirrorNode, theirs: ProseMirrorNode) => boolean): BlockChange | null {
  const mine = before.childCount;
  const theirs = after.childCount;
  let head = 0;
  while (head < mine && head < theirs && same(before.child(head), after.child(head))) head++;
  let tail = 0;
  while (tail < mine - head && tail < theirs - head && same(before.child(mine - 1 - tail), after.child(theirs - 1 - tail))) tail++;
  if (head + tail === mine && head + tail === theirs) return null;
  let from = 0;
  for (let i = 0; i < head; i++) from += before.child(i).nodeSize;
  let to = before.content.size;
  for (let i = 0; i < tail; i++) to -= before.child(mine - 1 - i).nodeSize;
  const nodes: ProseMirrorNode[] = [];
  for (let i = head; i < theirs - tail; i++) nodes.push(after.child(i));
  return { from, to, nodes };
}
