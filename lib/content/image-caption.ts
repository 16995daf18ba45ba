// How an inline image's caption and credit live in the stored Markdown: in the image's title,
//
//   ![alt text](/media/key "Caption text — Credit")
//
// split at the LAST " — " (space, em dash, space). A caption alone is the whole title; a credit alone is " — Credit"
// (the title starts with the separator); a caption that itself holds " — " but has no credit ends with " — " so it
// is not read as a credit. A credit never holds " — " (it is written with a plain " - "). Quotes and backslashes are
// backslash-escaped, which both @tiptap/markdown (marked) and the reader pipeline (remark) undo. Plain Markdown, so
// revisions and their diff show caption changes as text, and any Markdown reader still shows the image.
// The reader pipeline (markdown-worker.mjs, plain JavaScript) decodes the same way; the tests check both agree.

export const CAPTION_SEPARATOR = " — ";

export interface ImageCaption {
  caption: string;
  credit: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The title that stores a caption and a credit ("" for neither). */
export function encodeImageTitle({ caption, credit }: ImageCaption): string {
  const c = oneLine(caption);
  const who = oneLine(credit).replaceAll(CAPTION_SEPARATOR, " - ");
  if (who) return `${c}${CAPTION_SEPARATOR}${who}`;
  return c.includes(CAPTION_SEPARATOR) ? `${c}${CAPTION_SEPARATOR}` : c;
}

/** The caption and credit a title stores. */
export function decodeImageTitle(title: string | null | undefined): ImageCaption {
  const text = title ?? "";
  const at = text.lastIndexOf(CAPTION_SEPARATOR);
  if (at < 0) return { caption: oneLine(text), credit: "" };
  return { caption: oneLine(text.slice(0, at)), credit: oneLine(text.slice(at + CAPTION_SEPARATOR.length)) };
}

/** Markdown for one image, with alt text and title made safe to survive a parse. */
export function imageMarkdown(src: string, alt: string, title: string): string {
  // Brackets would end the alt text early (marked and remark differ on escaped nested brackets): shown as parentheses.
  const safeAlt = oneLine(alt).replace(/\[/g, "(").replace(/\]/g, ")");
  const safeTitle = title.replace(/[\\"]/g, (c) => `\\${c}`);
  return safeTitle ? `![${safeAlt}](${src} "${safeTitle}")` : `![${safeAlt}](${src})`;
}
