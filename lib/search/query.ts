/** Longest query text kept, in characters; the rest of a longer query is ignored. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words are searched for. */
export const MAX_TERMS = 8;
/** Longer words are cut to this many characters. */
export const MAX_TERM_LENGTH = 40;

export interface SearchQuery {
  /** The query as the reader typed it, tidied: what the page echoes back. */
  text: string;
  /** Lower-case words (letters and digits only) that every result must contain. Empty: nothing to search for. */
  terms: string[];
}

const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

function truncate(text: string, length: number): string {
  // By code point, so an emoji or other astral character is never cut in half.
  const chars = Array.from(text);
  return chars.length > length ? chars.slice(0, length).join("") : text;
}

/** The tidied text of a query: normalised, control characters removed, whitespace collapsed, length capped. */
export function cleanQueryText(raw: string): string {
  const tidy = raw.normalize("NFKC").replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  return truncate(tidy, MAX_QUERY_LENGTH).trim();
}

/**
 * Turns whatever a reader typed into plain words. Every operator a search engine knows (quotes, `*`, `-`, `^`,
 * `NEAR`, `OR`, `column:`, parentheses) is punctuation here or an ordinary word, so no input can change what a
 * query means to SQLite FTS5 or PostgreSQL, let alone the SQL around it.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const text = cleanQueryText(raw);
  const words: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    const term = truncate(word, MAX_TERM_LENGTH);
    if (!words.includes(term)) words.push(term);
    if (words.length === MAX_TERMS) break;
  }
  // "Trump's" and "U.S." leave one-letter words that match almost every story; ignore them beside real words.
  const meaningful = words.filter((word) => !/^[a-z0-9]$/.test(word));
  return { text, terms: meaningful.length > 0 ? meaningful : words };
}

/** An FTS5 query matching rows that contain every term: each term quoted as an FTS5 string, so none is an operator. */
export function toFts5Query(terms: string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(" ");
}
