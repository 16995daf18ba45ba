// Cheap, linear scans of raw Markdown for the constructs that make a Markdown parser recurse deeply or go quadratic:
// deeply nested quotes and lists (5,000 nested `>` overflowed the stack in the renderer and the editor) and long runs
// of emphasis or bracket delimiters in one block (40 KB of `*_` took over a minute to render). They read the text
// line by line without parsing it, so they cannot themselves overflow or stall.

/** The deepest quotes and lists may nest in a saved story. */
export const MAX_NESTING_DEPTH = 10;

/** Past this depth, a stored or imported body is not parsed at all but shown as plain paragraphs. */
export const RENDER_MAX_NESTING_DEPTH = 32;

/** Past this many emphasis, strikethrough or bracket delimiter runs in one block, the body is shown as plain paragraphs. */
export const RENDER_MAX_DELIMITER_RUNS = 400;

export const NESTING_MESSAGE = `Quotes and lists are nested too deeply (more than ${MAX_NESTING_DEPTH} levels). Flatten the deepest quotes or lists and save again.`;

const SPACE = 32;
const TAB = 9;

function isBlank(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === TAB || code === 10 || code === 13;
}

/**
 * How deeply quotes and lists nest, estimated from each line's leading markers: every `>` counts one level, every
 * list marker (`-`, `*`, `+`, `1.`, `1)`) one level plus one for each two columns it is indented by. It may count a
 * level too many (an indented code block that starts with `-`), never too few.
 */
export function markdownNestingDepth(markdown: string): number {
  let max = 0;
  let lineStart = 0;
  const length = markdown.length;
  while (lineStart < length) {
    let lineEnd = markdown.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = length;
    let depth = 0;
    let indent = 0;
    let i = lineStart;
    while (i < lineEnd) {
      const c = markdown.charCodeAt(i);
      if (c === SPACE) {
        indent++;
        i++;
      } else if (c === TAB) {
        indent += 4 - (indent % 4);
        i++;
      } else if (c === 62 /* > */) {
        depth++;
        indent = 0;
        i++;
      } else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && isBlank(markdown.charCodeAt(i + 1))) {
        depth += 1 + Math.floor(indent / 2);
        indent = 0;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < lineEnd && j - i < 10 && markdown.charCodeAt(j) >= 48 && markdown.charCodeAt(j) <= 57) j++;
        const after = markdown.charCodeAt(j);
        if (j - i > 9 || (after !== 46 /* . */ && after !== 41) /* ) */ || !isBlank(markdown.charCodeAt(j + 1))) break;
        depth += 1 + Math.floor(indent / 2);
        indent = 0;
        i = j + 1;
      } else {
        break;
      }
    }
    if (depth > max) max = depth;
    lineStart = lineEnd + 1;
  }
  return max;
}

/** Whether a body's quotes and lists nest no deeper than a saved story may. */
export function isNestingAcceptable(markdown: string): boolean {
  return markdownNestingDepth(markdown) <= MAX_NESTING_DEPTH;
}

/** The most delimiters (runs of `*`, `_` or `~`; single `[` or `]`) in any one block (text between blank lines). */
export function maxDelimiterRunsPerBlock(markdown: string): number {
  let max = 0;
  let runs = 0;
  let previous = -1;
  let lineHasText = false;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 10) {
      if (!lineHasText) runs = 0;
      lineHasText = false;
    } else if (c !== SPACE && c !== TAB && c !== 13) {
      lineHasText = true;
      // A run of one emphasis character is one delimiter; every bracket is one.
      if (c === 91 || c === 93 || ((c === 42 || c === 95 || c === 126) && c !== previous)) {
        runs++;
        if (runs > max) max = runs;
      }
    }
    previous = c;
  }
  return max;
}

/** Why a body must not go through the Markdown parser, or null when it is safe to parse. */
export function pathologicalMarkdown(markdown: string): string | null {
  const depth = markdownNestingDepth(markdown);
  if (depth > RENDER_MAX_NESTING_DEPTH) return `nesting depth ${depth}`;
  const runs = maxDelimiterRunsPerBlock(markdown);
  if (runs > RENDER_MAX_DELIMITER_RUNS) return `${runs} delimiter runs in one block`;
  return null;
}
