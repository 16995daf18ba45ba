import { isNestingAcceptable, NESTING_MESSAGE, pathologicalMarkdown } from "@/lib/content/markdown-limits";

// Whether a paste is text a person wrote at all, before any reader tries to make a story of it.

/** The most characters a paste may have (the same as a story body: lib/validation/stories.ts). */
export const MAX_IMPORT_TEXT = 200_000;

/**
 * Clipboard HTML carries far more markup than text (Word's especially: a 5,000-word document is about 500 KB), so it
 * may be larger; converting takes about 7 ms per KB on a busy core, so a megabyte is the most worth waiting for.
 */
export const MAX_IMPORT_HTML = 1_000_000;

/** Elements nested deeper than this are not converted (the converter recurses; real documents nest a few dozen). */
export const MAX_MARKUP_DEPTH = 400;

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|td|th|tr|option)$/i;

/** How deeply elements nest, counted from the tags alone (elements whose end tag may be left out never count). */
export function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g)) {
    if (VOID.test(match[2]) || match[3]) continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

// Control characters (C0 but tab and line breaks, and C1, which binary read as Latin-1 is full of), the replacement
// character that undecodable bytes become, private-use and unassigned code points.
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\p{Co}\p{Cn}]/gu;

/** Why a pasted text cannot be a story (empty, binary, no words), or null when it can be read. */
export function unreadableReason(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "There is no text to import. Paste the story into the box.";
  if (trimmed.length > MAX_IMPORT_TEXT) {
    return `The text is too long to import (${MAX_IMPORT_TEXT.toLocaleString("en-US")} characters at most). Import a shorter story, or split it.`;
  }
  const junk = trimmed.match(JUNK)?.length ?? 0;
  const words = trimmed.match(/\p{L}{2,}/gu)?.length ?? 0;
  const spaces = trimmed.match(/\s/g)?.length ?? 0;
  if (junk > trimmed.length * 0.02 || words === 0 || (trimmed.length > 200 && spaces < trimmed.length * 0.02)) {
    return "That does not look like text: it may be a file or an image rather than a story. Copy the story's text and paste it again.";
  }
  return null;
}

/** What a story body may hold (the editor's own limits): a refusal message, or null. */
export function bodyProblem(body: string): string | null {
  if (body.length > MAX_IMPORT_TEXT) return `The story is too long to import (${MAX_IMPORT_TEXT.toLocaleString("en-US")} characters at most). Import a shorter story, or split it.`;
  if (!isNestingAcceptable(body)) return NESTING_MESSAGE;
  if (pathologicalMarkdown(body)) return "The story has too much formatting in one paragraph (emphasis or brackets) to be shown. Paste it as plain text instead.";
  return null;
}
