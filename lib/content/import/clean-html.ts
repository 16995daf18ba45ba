// Clipboard HTML before conversion: what word processors and web pages put around a story that is no part of it.
// Done on the markup as text (comments, conditional blocks, Office namespaces, whole elements that never hold story
// text), so the converter only sees elements; element-level rules (wrappers, styled spans, links) are in
// html-to-markdown.ts.
import type { ImportOrigin } from "./types";

/** Which program the HTML came from, by the marks each leaves. */
export function htmlOrigin(html: string): ImportOrigin {
  if (/id=["']?docs-internal-guid/i.test(html) || /<meta[^>]+google-docs/i.test(html)) return "google-docs";
  if (/urn:schemas-microsoft-com:office|class=["']?Mso|mso-[a-z-]+\s*:|<o:p\b/i.test(html)) return "word";
  if (/<(article|main|nav)\b/i.test(html) || /<head\b[\s\S]*<title\b/i.test(html)) return "web-page";
  return null;
}

const DROPPED_ELEMENTS = ["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math", "select", "textarea", "button", "canvas", "video", "audio"];

/** The markup of the story itself: comments, Office conditionals and namespaced tags, and script-like elements removed. */
export function cleanClipboardHtml(html: string): { html: string; images: number } {
  let revealedImages = 0;
  let out = html
    .replace(/<!--[\s\S]*?-->/g, "")
    // Word's downlevel-revealed conditionals hold list bullets and image fallbacks; the content goes with them.
    .replace(/<!\[if\b[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, (block) => {
      revealedImages += block.match(/<img\b/gi)?.length ?? 0;
      return "";
    })
    .replace(/<!--[\s\S]*$/g, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")
    .replace(/<!(doctype|DOCTYPE)[^>]*>/g, "")
    .replace(/<\?xml[^>]*>/gi, "")
    // Office namespaces: <o:p>&nbsp;</o:p> paragraphs of nothing, <v:shape>, <w:sdt> wrappers (their text kept).
    .replace(/<o:p\b[^>]*>[\s\S]*?<\/o:p>/gi, "")
    .replace(/<\/?[a-z]+:[a-z][^>]*>/gi, "");
  for (const name of DROPPED_ELEMENTS) {
    out = out.replace(new RegExp(`<${name}\\b[\\s\\S]*?<\\/${name}\\s*>`, "gi"), "").replace(new RegExp(`<${name}\\b[^>]*\\/?>`, "gi"), "");
  }
  // A web page: the article, or the main content, when the page marks one.
  const article = innerOf(out, "article") ?? innerOf(out, "main");
  if (article) out = article;
  const images = revealedImages + (out.match(/<img\b/gi)?.length ?? 0);
  return { html: out, images };
}

/** The markup between the first opening and the last closing tag of an element, when it has both. */
function innerOf(html: string, name: string): string | null {
  const open = new RegExp(`<${name}\\b[^>]*>`, "i").exec(html);
  const close = html.toLowerCase().lastIndexOf(`</${name}`);
  if (!open || close < open.index) return null;
  return html.slice(open.index + open[0].length, close);
}
