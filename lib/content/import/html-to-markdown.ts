// Clipboard HTML (Google Docs, Word, a web page) to Markdown with turndown and its GFM plugin (tables,
// strikethrough). What is kept is what our renderer's sanitiser (rehype-sanitize, GitHub's schema) shows anyway:
// headings, paragraphs, emphasis, lists, quotes, code, tables and plain http(s)/mailto links. Images, styles,
// wrappers and page chrome go.
import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";
import { cleanClipboardHtml, htmlOrigin } from "./clean-html";
import type { ImportOrigin } from "./types";

type Node = TurndownService.Node;

/** Class or id names of page parts that are never the story: sharing bars, newsletter boxes, related links, ads. */
const CHROME_NAMES = /(^|[\s_-])(share|sharing|social|newsletter|subscribe|related|recommended|advert|advertisement|ads?|promo|breadcrumbs?|cookie|comments?|sidebar|toolbar|byline-photo)([\s_-]|$)/i;
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ref_src|spm)$/i;

function attribute(node: Node, name: string): string {
  return (node as HTMLElement).getAttribute?.(name) ?? "";
}

function style(node: Node): string {
  return attribute(node, "style").toLowerCase().replace(/\s+/g, "");
}

/** A link's address made plain: Google's redirect unwrapped, tracking parameters dropped; null unless http(s)/mailto. */
export function cleanLink(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (/^(www\.)?google\.[a-z.]+$/i.test(url.hostname) && url.pathname === "/url") {
    const target = url.searchParams.get("q") ?? url.searchParams.get("url");
    return target && target !== href ? cleanLink(target) : null;
  }
  if (url.protocol === "mailto:") return url.href;
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  return url.href;
}

function converter(): TurndownService {
  const service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_", strongDelimiter: "**", hr: "---" });
  service.use(gfm);
  service.remove(["nav", "aside", "footer", "form", "input", "figure", "picture", "source", "dialog"] as TurndownService.Filter);
  // An added rule, because turndown's own image rule would win over remove().
  service.addRule("noImages", { filter: ["img"], replacement: () => "" });
  service.remove((node) => {
    const element = node as HTMLElement;
    if (!element.getAttribute) return false;
    if (element.nodeName === "HEADER" && !element.querySelector?.("h1")) return true;
    if (element.hasAttribute("hidden") || attribute(node, "aria-hidden") === "true" || /display:none|visibility:hidden/.test(style(node))) return true;
    return CHROME_NAMES.test(`${attribute(node, "class")} ${attribute(node, "id")}`) && !/^(H[1-6]|P)$/.test(element.nodeName);
  });
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">: not bold.
  service.addRule("plainWrapper", {
    filter: (node) => (node.nodeName === "B" || node.nodeName === "STRONG") && (attribute(node, "id").startsWith("docs-internal-guid") || /font-weight:(normal|400)/.test(style(node))),
    replacement: (content) => content,
  });
  // Word's title style is the headline.
  service.addRule("wordTitle", {
    filter: (node) => node.nodeName === "P" && /\bMsoTitle\b/.test(attribute(node, "class")),
    replacement: (content) => (content.trim() ? `\n\n# ${content.trim()}\n\n` : ""),
  });
  // Word's list paragraphs (their bullets were in conditional comments, already gone).
  service.addRule("wordList", {
    filter: (node) => node.nodeName === "P" && /\bMsoListParagraph/.test(attribute(node, "class")),
    replacement: (content) => (content.trim() ? `\n- ${content.trim()}\n` : ""),
  });
  // Word processors mark emphasis with styled spans rather than <b> and <i>.
  service.addRule("styledSpan", {
    filter: (node) => node.nodeName === "SPAN" && /font-weight:(bold|[6-9]00)|font-style:italic/.test(style(node)),
    replacement: (content, node) => {
      const text = content.trim();
      if (!text || (node as HTMLElement).closest?.("h1,h2,h3,h4,h5,h6")) return content;
      const lead = /^\s/.test(content) ? " " : "";
      const trail = /\s$/.test(content) ? " " : "";
      const bold = /font-weight:(bold|[6-9]00)/.test(style(node)) ? "**" : "";
      const italic = /font-style:italic/.test(style(node)) ? "_" : "";
      return `${lead}${bold}${italic}${text}${italic}${bold}${trail}`;
    },
  });
  service.addRule("plainLink", {
    filter: (node) => node.nodeName === "A",
    replacement: (content, node) => {
      const text = content.trim();
      const href = cleanLink(attribute(node, "href"));
      if (!text) return "";
      return href ? `[${text}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))})` : content;
    },
  });
  return service;
}

export interface ConvertedHtml {
  markdown: string;
  origin: ImportOrigin;
  images: number;
}

/** Clipboard HTML as tidy Markdown, with the program it came from and how many images were left out. */
export function htmlToMarkdown(html: string): ConvertedHtml {
  const origin = htmlOrigin(html);
  const cleaned = cleanClipboardHtml(html);
  const markdown = tidyMarkdown(converter().turndown(cleaned.html || " "));
  return { markdown, origin, images: cleaned.images };
}

/** Blank and whitespace-only lines collapsed, empty emphasis and stray hard breaks gone. */
export function tidyMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/\u00a0/g, " ")
      .replace(/\*\*\s*\*\*|__\s*__|(^|\s)_\s*_(?=\s|$)/g, "$1")
      .replace(/[ \t]+$/gm, "")
      // turndown spaces list markers like a code block and separates items by blank lines: make lists tight.
      .replace(/^(\s*)([-*+]|\d+\.) {2,}(?=\S)/gm, "$1$2 ")
      .replace(/^(\s*(?:[-*+]|\d+\.) .*)\n\n(?=\s*(?:[-*+]|\d+\.) )/gm, "$1\n")
      .replace(/^\s*\\?[-*+]?\s*$/gm, (line) => (line.trim() === "" ? "" : line))
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}
