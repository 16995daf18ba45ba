// Markdown as people paste it (from a notes app, a static site, or our own HTML conversion): a leading heading is the
// headline, the first plain paragraph the standfirst, the rest the body with its headings one level under the
// headline.
import { normaliseText, splitBlocks, takeChrome, takeFooter, type TopChrome } from "./blocks";
import { looksLikeSubheading, markdownToPlain, MAX_HEADLINE_CHARS, MAX_STANDFIRST_CHARS } from "./text-rules";
import type { ImportOrigin, RecognisedStory } from "./types";

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const NOT_PARAGRAPH = /^ {0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~|\||!\[|<|(\*\s*){3,}$|(-\s*){3,}$|(_\s*){3,}$)/;
/** A block that is only bold (or only italic) text: how word processors mark subheadings. */
const EMPHASIS_ONLY = /^(\*\*|__)([^*_\n]+)\1$|^([*_])([^*_\n]+)\3$/;

/** Whether a text uses Markdown syntax a person would not type in plain prose. */
export function looksLikeMarkdown(text: string): boolean {
  return (
    /^ {0,3}#{1,6}\s+\S/m.test(text) ||
    /^\S.*\n {0,3}(={3,}|-{3,})\s*$/m.test(text) ||
    /\[[^\]\n]+\]\((https?:\/\/|mailto:|\/)[^)\s]*\)/.test(text) ||
    /^ {0,3}(```|~~~)/m.test(text) ||
    /(^|\s)\*\*[^*\n]+\*\*(?=[\s.,;:!?]|$)/m.test(text)
  );
}

function headingOf(block: string[]): { depth: number; text: string } | null {
  if (block.length === 1) {
    const match = ATX.exec(block[0]);
    if (match) return { depth: match[1].length, text: match[2] };
  }
  if (block.length === 2 && SETEXT.test(block[1]) && !NOT_PARAGRAPH.test(block[0])) {
    return { depth: block[1].trim().startsWith("=") ? 1 : 2, text: block[0].trim() };
  }
  return null;
}

export interface MarkdownOptions {
  origin?: ImportOrigin;
  format?: "markdown" | "html";
  /** Word processors mark subheadings by bold or by a short line alone; read those as subheadings too. */
  promoteSubheadings?: boolean;
}

export function recogniseMarkdown(raw: string, { origin = null, format = "markdown", promoteSubheadings = false }: MarkdownOptions = {}): RecognisedStory {
  const warnings: string[] = [];
  const blocks = splitBlocks(normaliseText(raw), { fences: true }).map((block) => block.map((line) => line.replace(/\s+$/, "")));
  const chrome: TopChrome = { byline: null, warnings };
  takeChrome(blocks, chrome, markdownToPlain);

  let headline = "";
  const first = blocks[0];
  if (first) {
    const heading = headingOf(first);
    const text = heading ? markdownToPlain(heading.text) : first.length === 1 && !NOT_PARAGRAPH.test(first[0]) ? markdownToPlain(first[0]) : "";
    if (text && text.length <= MAX_HEADLINE_CHARS) {
      headline = text;
      blocks.shift();
    } else warnings.push("No headline found: the story does not start with a heading or a short line. Write the headline below.");
  }
  takeChrome(blocks, chrome, markdownToPlain);

  let standfirst = "";
  const next = blocks[0];
  if (next && !headingOf(next) && !NOT_PARAGRAPH.test(next[0])) {
    const text = markdownToPlain(next.join(" "));
    const emphasis = EMPHASIS_ONLY.exec(next.join(" ").trim());
    if (promoteSubheadings && next.length === 1 && blocks.length > 1 && looksLikeSubheading(emphasis ? (emphasis[2] ?? emphasis[4]) : text)) {
      warnings.push("No standfirst found: the line after the headline looks like a subheading.");
    } else if (text.length > MAX_STANDFIRST_CHARS) {
      warnings.push(`No standfirst found: the first paragraph is longer than ${MAX_STANDFIRST_CHARS} characters, so it stays in the body.`);
    } else if (text) {
      standfirst = text;
      blocks.shift();
    }
  } else if (next) warnings.push("No standfirst found: the headline is followed by a heading, list or quote.");

  takeFooter(blocks, warnings, markdownToPlain);

  const parts: string[] = [];
  const headings: string[] = [];
  let paragraphs = 0;
  blocks.forEach((block, i) => {
    const heading = headingOf(block);
    const joined = block.join(" ").trim();
    const emphasis = EMPHASIS_ONLY.exec(joined);
    if (heading) {
      // The headline is the page's only h1: body headings start at ##.
      const depth = Math.min(6, Math.max(2, heading.depth));
      headings.push(markdownToPlain(heading.text));
      parts.push(`${"#".repeat(depth)} ${heading.text.trim()}`);
    } else if (promoteSubheadings && block.length === 1 && i < blocks.length - 1 && (emphasis ? looksLikeSubheading(emphasis[2] ?? emphasis[4]) : i > 0 && !NOT_PARAGRAPH.test(joined) && looksLikeSubheading(markdownToPlain(joined)))) {
      const text = emphasis ? (emphasis[2] ?? emphasis[4]).trim() : joined;
      headings.push(markdownToPlain(text));
      parts.push(`## ${text}`);
    } else {
      parts.push(block.join("\n"));
      if (!/^ {0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$/.test(joined)) paragraphs++;
    }
  });
  if (paragraphs === 0) warnings.push("No body text found: only a headline and standfirst were recognised.");

  return {
    format,
    origin,
    headline,
    standfirst,
    body: parts.length ? parts.join("\n\n") + "\n" : "",
    headings,
    paragraphs,
    byline: chrome.byline,
    warnings,
  };
}
