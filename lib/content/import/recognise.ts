// The one way a paste becomes a story to preview: which format it is in, read by that format's reader, checked
// against what a story body may hold. Nothing here throws for bad input: an unreadable paste is one clear message.
import { parseStory } from "@/lib/content/parse-story";
import { htmlToMarkdown } from "./html-to-markdown";
import { looksLikeMarkdown, recogniseMarkdown } from "./markdown";
import { recognisePlainText } from "./plain-text";
import { bodyProblem, markupDepth, MAX_IMPORT_HTML, MAX_IMPORT_TEXT, MAX_MARKUP_DEPTH, unreadableReason } from "./readable";
import type { ImportFormat, RecogniseResult, RecognisedStory } from "./types";

export interface Paste {
  /** The clipboard's text/plain, or what was typed. */
  text: string;
  /** The clipboard's text/html, when the paste carried formatting. */
  html?: string | null;
}

/** Text typed or pasted as markup (HTML source rather than formatted text). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html\b|<body\b|<(p|div|h[1-6]|article|section|span|table|ul|ol|b|meta)\b[^>]*>)/i.test(text) && /<\/[a-z][a-z0-9]*\s*>/i.test(text);
}

/** Which reader a paste goes to. */
export function detectFormat(paste: Paste): ImportFormat {
  if (paste.html?.trim()) return "html";
  if (looksLikeHtml(paste.text)) return "html";
  try {
    parseStory(paste.text);
    return "source";
  } catch {
    return looksLikeMarkdown(paste.text) ? "markdown" : "plain";
  }
}

const ONLY_MARKUP = "What you pasted has no text to import, only formatting or images. Copy the story's text and paste it again.";

export function recogniseStory(paste: Paste): RecogniseResult {
  try {
    return check(read(paste));
  } catch (error) {
    // A reader bug must not reach the person as a stack; they get the same clear message as any unreadable paste.
    console.error("Import could not read a paste:", error);
    return { ok: false, message: "That paste could not be read as a story. Paste it as plain text, or try a smaller part." };
  }
}

function read(paste: Paste): RecogniseResult {
  const text = paste.text ?? "";
  const html = paste.html?.trim() ? paste.html : looksLikeHtml(text) ? text : null;
  if (html) {
    const fallback = text.trim() && html !== text ? text : null;
    if (html.length > MAX_IMPORT_HTML) {
      if (fallback) return withWarning(readText(fallback), "The formatted copy was too large to read; the plain text was used instead.");
      return { ok: false, message: `What you pasted is too large to import (${MAX_IMPORT_HTML.toLocaleString("en-US")} characters of markup at most). Import a shorter story, or split it.` };
    }
    if (markupDepth(html) > MAX_MARKUP_DEPTH) {
      if (fallback) return withWarning(readText(fallback), "The formatting is nested too deeply to read; the plain text was used instead.");
      return { ok: false, message: "What you pasted is nested too deeply to read. Paste it as plain text instead." };
    }
    const converted = htmlToMarkdown(html);
    if (!/\p{L}{2,}/u.test(converted.markdown)) {
      if (fallback) return withWarning(readText(fallback), "The formatting could not be read; the plain text was used instead.");
      return { ok: false, message: ONLY_MARKUP };
    }
    if (converted.markdown.length > MAX_IMPORT_TEXT) {
      return { ok: false, message: `The story is too long to import (${MAX_IMPORT_TEXT.toLocaleString("en-US")} characters at most). Import a shorter story, or split it.` };
    }
    const story = recogniseMarkdown(converted.markdown, { origin: converted.origin, format: "html", promoteSubheadings: true });
    if (converted.images) story.warnings.push(`Left out ${converted.images === 1 ? "an image" : `${converted.images} images`}: upload ${converted.images === 1 ? "it" : "them"} in the editor.`);
    return { ok: true, story };
  }
  return readText(text);
}

function readText(text: string): RecogniseResult {
  const reason = unreadableReason(text);
  if (reason) return { ok: false, message: reason };
  const format = detectFormat({ text });
  if (format === "source") {
    const source = parseStory(text);
    return {
      ok: true,
      story: {
        format,
        origin: null,
        headline: source.headline,
        standfirst: source.standfirst,
        body: source.body,
        headings: source.headings,
        paragraphs: source.body.split("\n\n").filter((part) => part.trim() && !part.startsWith("## ")).length,
        byline: null,
        warnings: [],
      },
    };
  }
  return { ok: true, story: format === "markdown" ? recogniseMarkdown(text) : recognisePlainText(text) };
}

function withWarning(result: RecogniseResult, warning: string): RecogniseResult {
  if (result.ok) result.story.warnings.unshift(warning);
  return result;
}

function check(result: RecogniseResult): RecogniseResult {
  if (!result.ok) return result;
  const story: RecognisedStory = result.story;
  const problem = bodyProblem(story.body);
  if (problem) return { ok: false, message: problem };
  if (!story.headline && !story.standfirst && !story.body.trim()) return { ok: false, message: ONLY_MARKUP };
  return result;
}

