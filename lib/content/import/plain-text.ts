// Plain text as people paste it (from an email, a text editor, a chat): the first line is the headline, the next
// paragraph the standfirst, short standalone lines between paragraphs are subheadings, the rest paragraphs.
import { escapeMarkdown } from "@/lib/content/parse-story";
import { isMasthead, normaliseText, splitBlocks, takeChrome, takeFooter, type TopChrome } from "./blocks";
import { looksLikeSubheading, MAX_HEADLINE_CHARS, MAX_STANDFIRST_CHARS } from "./text-rules";
import type { ImportOrigin, RecognisedStory } from "./types";

const FORWARD_MARKER = /^(-{2,}\s*(forwarded message|original message)\s*-{2,}|begin forwarded message:?)$/i;
const HEADER_LINE = /^(from|date|sent|subject|to|cc|bcc|reply-to):\s?.*$/i;
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^.!?]{0,40},$/i;
const BULLET = /^\s*(?:[-*+•‣◦▪●]|\d{1,3}[.)])\s+/;

/** An email's forwarding and header lines, greeting and signature taken off; what was found. */
export function stripEmail(text: string): { text: string; subject: string | null; email: boolean; warnings: string[] } {
  const lines = text.split("\n");
  const warnings: string[] = [];
  let start = 0;
  const marker = lines.slice(0, 20).findIndex((line) => FORWARD_MARKER.test(line.trim()));
  if (marker >= 0) start = marker + 1;
  while (start < lines.length && lines[start].trim() === "") start++;
  let subject: string | null = null;
  let headers = 0;
  let at = start;
  while (at < lines.length && HEADER_LINE.test(lines[at].trim())) {
    const match = /^subject:\s*(.*)$/i.exec(lines[at].trim());
    if (match) subject = match[1].replace(/^((re|fwd?|aw|tr):\s*)+/i, "").trim() || null;
    headers++;
    at++;
  }
  const email = marker >= 0 || headers >= 2;
  if (!email) return { text, subject: null, email: false, warnings };
  warnings.push("Left out the email's forwarding and header lines (From, Date, Subject, To).");
  let body = lines.slice(headers >= 2 || marker >= 0 ? at : start);
  // A signature: everything after the conventional "-- " line.
  const signature = body.findIndex((line) => line === "-- " || line === "--");
  if (signature >= 0) {
    body = body.slice(0, signature);
    warnings.push("Left out the email signature.");
  }
  const firstText = body.findIndex((line) => line.trim() !== "");
  if (firstText >= 0 && GREETING.test(body[firstText].trim()) && (body[firstText + 1] ?? "").trim() === "") {
    warnings.push(`Left out the greeting "${body[firstText].trim()}".`);
    body = body.slice(firstText + 1);
  }
  return { text: body.join("\n"), subject, email, warnings };
}

export function recognisePlainText(raw: string, origin: ImportOrigin = null): RecognisedStory {
  const email = stripEmail(normaliseText(raw));
  const warnings = [...email.warnings];
  const blocks = splitBlocks(email.text).map((block) => block.map((line) => line.trim()));
  const chrome: TopChrome = { byline: null, warnings };

  // A masthead line above the headline (the source layout with its date changed, a newsletter's name).
  if (blocks.length && isMasthead(blocks[0][0]) && (blocks[0].length > 1 || (blocks.length > 1 && !isMasthead(blocks[1][0])))) {
    warnings.push(`Left out "${blocks[0][0]}" above the headline (it looks like a publication's name).`);
    if (blocks[0].length > 1) blocks[0].shift();
    else blocks.shift();
  }
  takeChrome(blocks, chrome);

  let headline = "";
  const first = blocks.shift();
  if (first) {
    const [line, ...rest] = first;
    if (line.length <= MAX_HEADLINE_CHARS) {
      headline = line;
      if (rest.length) blocks.unshift(rest);
    } else {
      blocks.unshift(first);
      warnings.push("No headline found: the first line is a whole paragraph. Write the headline below.");
    }
  }
  if (!headline && email.subject) {
    headline = email.subject;
    warnings.push("The headline is the email's subject line.");
  }
  takeChrome(blocks, chrome);

  let standfirst = "";
  const next = blocks[0];
  if (next) {
    const text = next.join(" ");
    if (next.length === 1 && looksLikeSubheading(text) && blocks.length > 1) {
      warnings.push("No standfirst found: the line after the headline looks like a subheading.");
    } else if (text.length > MAX_STANDFIRST_CHARS) {
      warnings.push(`No standfirst found: the first paragraph is longer than ${MAX_STANDFIRST_CHARS} characters, so it stays in the body.`);
    } else {
      standfirst = text;
      blocks.shift();
    }
  }

  // A publisher's footer: a trailing copyright block.
  takeFooter(blocks, warnings);

  const parts: string[] = [];
  const headings: string[] = [];
  let paragraphs = 0;
  blocks.forEach((block, i) => {
    const text = block.join(" ");
    if (block.every((line) => BULLET.test(line))) {
      const numbered = /^\s*\d/.test(block[0]);
      parts.push(block.map((line, n) => `${numbered ? `${n + 1}.` : "-"} ${escapeMarkdown(line.replace(BULLET, ""))}`).join("\n"));
      paragraphs++;
    } else if (block.length === 1 && i > 0 && i < blocks.length - 1 && looksLikeSubheading(text)) {
      headings.push(text);
      parts.push(`## ${escapeMarkdown(text)}`);
    } else {
      parts.push(escapeMarkdown(text));
      paragraphs++;
    }
  });
  if (paragraphs === 0) warnings.push("No body text found: only a headline and standfirst were recognised.");

  return {
    format: "plain",
    origin: email.email ? "email" : origin,
    headline,
    standfirst,
    body: parts.length ? parts.join("\n\n") + "\n" : "",
    headings,
    paragraphs,
    byline: chrome.byline,
    warnings,
  };
}
