// Rules shared by the plain-text and Markdown readers: what a subheading, a byline and a dateline look like.

/** Text ends like a sentence (or a quote, list item or aside), so it is not a subheading. */
const SENTENCE_END = /[.!?:;,"”'’)…]$/;

/** The longest line read as a subheading. */
export const MAX_SUBHEADING_CHARS = 80;

/** The longest first line read as a headline (the editor's own limit). */
export const MAX_HEADLINE_CHARS = 300;

/** The longest paragraph read as a standfirst (the editor's own limit). */
export const MAX_STANDFIRST_CHARS = 600;

/** A short line that stands alone between paragraphs and does not end like a sentence. */
export function looksLikeSubheading(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length < MAX_SUBHEADING_CHARS && !SENTENCE_END.test(t) && /^[\p{Lu}\p{N}"“‘'¿¡]/u.test(t) && !/^https?:\/\//i.test(t);
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|(?:de|da|van|von|der|den|la|le|du|di|bin|al))`;
const NAME = String.raw`\p{Lu}[\p{L}'’-]*\.?(?:\s+${NAME_WORD}){1,4}`;
const NAMES = new RegExp(String.raw`^(${NAME}(?:\s+(?:and|&)\s+${NAME})*)\s*(?:(?:,|\||-|–|—)\s*[^.!?]{0,60})?$`, "u");

/**
 * A byline line ("By Jane Doe", "BY JANE DOE, Staff Reporter", "By Jane Doe and Ali Khan | Reuters"): the names, or
 * null. Each name must be two to five capitalised words, so "By Monday the port was open" is not a byline.
 */
export function bylineOf(text: string): string | null {
  const t = text.trim();
  const prefix = /^by[:\s]\s*/i.exec(t);
  if (!prefix || t.length > 120) return null;
  const match = NAMES.exec(t.slice(prefix[0].length));
  if (!match) return null;
  const names = match[1].trim();
  return names === names.toUpperCase() ? names.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase()).replace(/\bAnd\b/g, "and") : names;
}

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DATELINE = new RegExp(
  String.raw`^(?:(?:updated|published|posted)[:\s]\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH},?\s+\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$`,
  "i",
);

/** A line that is only a date (and maybe a time): page chrome, not article text. */
export function isDateline(text: string): boolean {
  return DATELINE.test(text.trim());
}

/** Markdown inline syntax read back to the text it shows: for the headline and standfirst, which are plain text. */
export function markdownToPlain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\\*_])([*_])(?!\s)(.+?)(?<!\s)\2/g, "$1$3")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
