/** How a pasted story was read. "source" is the source document's own layout (lib/content/parse-story.ts). */
export type ImportFormat = "source" | "plain" | "markdown" | "html";

/** Where a paste seems to come from, when its markup or text gives it away. */
export type ImportOrigin = "google-docs" | "word" | "web-page" | "email" | null;

/** What was recognised in a paste: the draft's fields, plus what the preview shows about how they were found. */
export interface RecognisedStory {
  format: ImportFormat;
  origin: ImportOrigin;
  headline: string;
  standfirst: string;
  /** Markdown, `##` subheadings and paragraphs; safe to store as a story body. */
  body: string;
  headings: string[];
  paragraphs: number;
  /** A "By Jane Doe" line taken out of the text, for the editor to choose bylines by. */
  byline: string | null;
  /** What the person should check: text left out, guesses made. */
  warnings: string[];
}

export type RecogniseResult = { ok: true; story: RecognisedStory } | { ok: false; message: string };
