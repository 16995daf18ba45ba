/**
 * The engines mark highlights in a snippet with these two private-use characters rather than HTML; the index never
 * stores them (each migration strips them), so only the engine can have put them there.
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface SnippetSegment {
  text: string;
  highlighted: boolean;
}

// SQLite cannot strip Markdown link targets when indexing ("[text](https://…)" is indexed as "text (https://…)").
const LINK_TARGET = /\s?\((?:https?:\/\/|mailto:|www\.)[^\s)]*\)/g;

/** Splits an engine's marked-up snippet into plain text segments; the page renders highlighted ones as <mark>. */
export function toSnippetSegments(marked: string): SnippetSegment[] {
  const text = marked.replace(LINK_TARGET, "").replace(/\s+/g, " ").trim();
  const segments: SnippetSegment[] = [];
  let highlighted = false;
  let current = "";
  const flush = () => {
    if (!current) return;
    const last = segments.at(-1);
    if (last && last.highlighted === highlighted) last.text += current;
    else segments.push({ text: current, highlighted });
    current = "";
  };
  for (const char of text) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      highlighted = char === MARK_START;
    } else {
      current += char;
    }
  }
  flush();
  return segments;
}

/** True when the snippet shows at least one matched word. */
export function hasHighlight(segments: SnippetSegment[]): boolean {
  return segments.some((segment) => segment.highlighted && segment.text.trim() !== "");
}
