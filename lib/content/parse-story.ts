// Turns a raw story as newsrooms paste it (publication line, headline, date, standfirst, page chrome, body with
// plain-text subheadings, publisher footer) into structured fields with a Markdown body. The seed and the
// newsroom's import both go through here.

export interface ParsedStory {
  /** Display name of the publication, e.g. "BreakingOn" for a `BREAKINGON` masthead line. */
  publication: string;
  headline: string;
  /** Calendar date of publication, ISO `YYYY-MM-DD` (the source gives no time of day). */
  date: string;
  standfirst: string;
  /** The page chrome's one-line summary (a meta description), when the source carries one. */
  summary: string | null;
  /** The body as Markdown: `##` subheadings and paragraphs, typography untouched. */
  body: string;
  /** The subheadings, in order. */
  headings: string[];
  /** The publisher's footer: an "about" statement and a copyright line, never article text. */
  footer: { about: string | null; copyright: string | null };
}

export class StoryParseError extends Error {
  override name = "StoryParseError";
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
  }
}

interface Line {
  text: string;
  no: number;
}

const MASTHEAD = /^[A-Z0-9][A-Z0-9 .&'-]*$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const COPYRIGHT = /^(©|\(c\)|copyright\b)/i;
const SENTENCE_END = /[.!?:;,"”'’)…]$/;
const MAX_HEADING_WORDS = 12;

export function parseStory(raw: string): ParsedStory {
  if (typeof raw !== "string" || raw.trim() === "") throw new StoryParseError("the story is empty");
  const lines: Line[] = raw
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text: text.replace(/\s+$/, ""), no: i + 1 }));
  let at = 0;
  const nextNonEmpty = (what: string): Line => {
    while (at < lines.length && lines[at].text.trim() === "") at++;
    if (at >= lines.length) throw new StoryParseError(`the story ends before its ${what}`);
    return lines[at++];
  };

  const masthead = nextNonEmpty("publication name");
  if (!MASTHEAD.test(masthead.text.trim())) {
    throw new StoryParseError(
      `expected the publication name in capitals (e.g. BREAKINGON), found "${clip(masthead.text)}"`,
      masthead.no,
    );
  }
  const headlineLine = nextNonEmpty("headline");
  const headline = headlineLine.text.trim();
  if (US_DATE.test(headline)) throw new StoryParseError("expected a headline before the date", headlineLine.no);

  const dateLine = nextNonEmpty("date");
  const date = parseUsDate(dateLine);

  const blocks = toBlocks(lines.slice(at));
  if (blocks.length === 0) throw new StoryParseError("the story has no standfirst or body after the date");

  // The first block after the date is the standfirst, possibly followed by page chrome: the headline again and a
  // one-line summary. Later blocks that only repeat the headline are chrome too.
  const [first, ...rest] = blocks;
  const standfirst = first[0].text.trim();
  let summary: string | null = null;
  for (const line of first.slice(1)) {
    const text = line.text.trim();
    if (text === headline) continue;
    if (summary === null) summary = text;
    else throw new StoryParseError(`unexpected line in the standfirst block: "${clip(text)}"`, line.no);
  }
  const bodyBlocks = rest.filter((block) => !(block.length === 1 && block[0].text.trim() === headline));

  const { about, copyright, bodyEnd } = splitFooter(bodyBlocks, masthead.text.trim());
  const headings: string[] = [];
  const parts: string[] = [];
  for (const block of bodyBlocks.slice(0, bodyEnd)) {
    const text = block.map((l) => l.text.trim()).join(" ");
    if (block.length === 1 && isSubheading(text)) {
      headings.push(text);
      parts.push(`## ${escapeMarkdown(text)}`);
    } else {
      parts.push(escapeMarkdown(text));
    }
  }
  if (parts.length === 0 || parts.every((p) => p.startsWith("## "))) {
    throw new StoryParseError("the story has no body paragraphs");
  }

  return {
    publication: displayName(masthead.text.trim(), raw),
    headline,
    date,
    standfirst,
    summary,
    body: parts.join("\n\n") + "\n",
    headings,
    footer: { about, copyright },
  };
}

function parseUsDate(line: Line): string {
  const match = US_DATE.exec(line.text.trim());
  if (!match) {
    throw new StoryParseError(`expected the date as M/D/YYYY (e.g. 8/9/2025), found "${clip(line.text)}"`, line.no);
  }
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new StoryParseError(`"${line.text.trim()}" is not a real date (M/D/YYYY)`, line.no);
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function toBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** The footer is a trailing copyright line and the publisher statements ("Example.com is …") just before it. */
function splitFooter(blocks: Line[][], masthead: string) {
  const flat = blocks.map((block) => block.map((l) => l.text.trim()));
  let end = flat.length;
  let copyright: string | null = null;
  let about: string | null = null;
  const lastLines = end > 0 ? flat[end - 1] : [];
  const copyrightAt = lastLines.findIndex((l) => COPYRIGHT.test(l));
  if (copyrightAt >= 0) {
    copyright = lastLines.slice(copyrightAt).join(" ");
    const before = lastLines.slice(0, copyrightAt);
    if (before.length && mentionsPublication(before[0], masthead)) about = before.join(" ");
    else if (before.length) {
      throw new StoryParseError(`unexpected text beside the copyright line: "${clip(before.join(" "))}"`);
    }
    end--;
  }
  if (!about && end > 0 && flat[end - 1].length === 1 && mentionsPublication(flat[end - 1][0], masthead)) {
    about = flat[end - 1][0];
    end--;
  }
  return { about, copyright, bodyEnd: end };
}

function mentionsPublication(text: string, masthead: string): boolean {
  const name = masthead.split(/\s+/).map(escapeRegExp).join("\\s*");
  return new RegExp(`^${name}(\\.[a-z]{2,})*\\s+(is|are)\\b`, "i").test(text);
}

function isSubheading(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length <= MAX_HEADING_WORDS &&
    !SENTENCE_END.test(text) &&
    /^[\p{Lu}\p{N}"“‘']/u.test(text)
  );
}

/**
 * The masthead is in capitals; the publication's own casing ("BreakingOn") is found elsewhere in the text. A domain
 * name ("Breakingon.com") says nothing about casing, so it does not count.
 */
function displayName(masthead: string, raw: string): string {
  const pattern = new RegExp(`\\b${masthead.split(/\s+/).map(escapeRegExp).join("\\s+")}\\b(?!\\.[a-z])`, "gi");
  for (const [name] of raw.matchAll(pattern)) {
    if (name !== name.toUpperCase() && name !== name.toLowerCase()) return name;
  }
  return masthead
    .toLowerCase()
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Escapes what Markdown would read as syntax, so plain text stays plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(#{1,6}\s|[-+]\s|>|=+$)/, "\\$1")
    .replace(/^(\d+)([.)])(\s)/, "$1\\$2$3");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
