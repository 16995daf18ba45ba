import { isNestingAcceptable, NESTING_MESSAGE, pathologicalMarkdown } from "@/lib/content/markdown-limits";

// Whether a paste is text a person wrote at all, before any reader tries to make a story of it.

/** The most characters a paste may have (the same as a story body: lib/validation/stories.ts). */
export const MAX_IMPORT_TEXT = 200_000;

/** Clipboard HTML carries far more markup than text (Word's especially), so it may be larger. */
export const MAX_IMPORT_HTML = 5_000_000;

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
