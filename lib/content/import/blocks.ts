// Splitting pasted text into blocks (runs of lines between blank lines) and the top-of-story rules both readers
// share: masthead, dateline and byline lines are chrome around the headline and standfirst, not story text.
import { bylineOf, isDateline } from "./text-rules";

/** Line breaks made uniform, a byte-order mark and trailing spaces gone, no-break spaces made spaces. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+$/gm, "");
}

/**
 * Blocks of lines. A text with no blank line at all (a paste from a page that separates paragraphs by single line
 * breaks) is read as one block per line. Fenced code blocks stay whole when `fences` is set (Markdown).
 */
export function splitBlocks(text: string, { fences = false } = {}): string[][] {
  const lines = text.split("\n");
  const blank = (line: string) => line.trim() === "";
  if (!fences && !lines.some(blank)) return lines.filter((l) => l.trim()).map((l) => [l.trim()]);
  const blocks: string[][] = [];
  let current: string[] = [];
  let fenced = false;
  for (const line of lines) {
    if (fences && /^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && blank(line)) {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** A publication masthead on the first line: a short line in capitals (BREAKINGON, THE DAILY POST). */
export function isMasthead(line: string): boolean {
  const t = line.trim();
  return t.length <= 40 && /\p{Lu}/u.test(t) && t === t.toUpperCase() && t.split(/\s+/).length <= 4 && !/[.!?:,]$/.test(t);
}

/** A publisher's footer line: a copyright notice. */
export function isCopyright(line: string): boolean {
  return /^(©|\(c\)|copyright\b|all rights reserved)/i.test(line.trim());
}

export interface TopChrome {
  byline: string | null;
  warnings: string[];
}

/**
 * Takes byline and dateline blocks (one line each) off the front of `blocks`, up to three of them, recording the
 * byline and what was left out. `plain` reads a block's text for the checks (Markdown readers pass markdownToPlain).
 */
export function takeChrome(blocks: string[][], chrome: TopChrome, plain: (text: string) => string = (t) => t.trim()): void {
  for (let i = 0; i < 3 && blocks.length; i++) {
    const lines = blocks[0].map(plain).filter(Boolean);
    const rest: string[] = [];
    let taken = false;
    for (const line of lines) {
      const byline = bylineOf(line);
      if (byline && !chrome.byline) {
        chrome.byline = byline;
        taken = true;
      } else if (isDateline(line)) {
        chrome.warnings.push(`Left out the date line "${line}": a story's date is set when it is published.`);
        taken = true;
      } else rest.push(line);
    }
    if (!taken) return;
    if (rest.length) {
      blocks[0] = rest;
      return;
    }
    blocks.shift();
  }
}

/**
 * Takes the publisher's footer off the end of `blocks`: a last block holding a copyright line, with any "about us"
 * lines beside it (the source layout puts both in one block).
 */
export function takeFooter(blocks: string[][], warnings: string[], plain: (text: string) => string = (t) => t.trim()): void {
  const last = blocks.at(-1);
  if (!last || !last.some((line) => isCopyright(plain(line)))) return;
  const text = plain(last.join(" "));
  warnings.push(`Left out the footer "${text.length > 60 ? `${text.slice(0, 59)}…` : text}".`);
  blocks.pop();
}
