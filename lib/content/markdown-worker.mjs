// The Markdown pipeline, run in a worker thread by lib/content/markdown.ts so that parsing a long or hostile body can
// never stall the server's event loop, and can be stopped when it runs too long. Plain JavaScript, loaded by path at
// run time (not bundled), like lib/cache/handler.mjs.
//
// Everything a story body shows goes through rehype-sanitize (GitHub's schema), so pasted or imported text can never
// inject markup or script.
import { parentPort } from "node:worker_threads";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { visit } from "unist-util-visit";
import { toString } from "hast-util-to-string";

/** Collects h2/h3 headings (after rehype-slug gave them ids) for the table of contents. */
function collectHeadings(into) {
  return () => (tree) => {
    visit(tree, "element", (node) => {
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
        into.push({ depth: node.tagName === "h2" ? 2 : 3, id: node.properties.id, text: toString(node) });
      }
    });
  };
}

const CAPTION_SEPARATOR = " — ";

/** The caption and credit in an image title: the same rule as lib/content/image-caption.ts (tests check both). */
function decodeImageTitle(title) {
  const oneLine = (text) => text.replace(/\s+/g, " ").trim();
  const at = title.lastIndexOf(CAPTION_SEPARATOR);
  if (at < 0) return { caption: oneLine(title), credit: "" };
  return { caption: oneLine(title.slice(0, at)), credit: oneLine(title.slice(at + CAPTION_SEPARATOR.length)) };
}

/**
 * An image standing alone in its paragraph with a title becomes a figure: the title holds the caption and credit
 * (lib/content/image-caption.ts). Runs before the sanitiser, which checks the result like everything else; the
 * caption and credit are text nodes, so the stringifier escapes them.
 */
function imageFigures() {
  return (tree) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "p" || !parent || index === undefined) return;
      const content = node.children.filter((child) => !(child.type === "text" && !child.value.trim()));
      const img = content[0];
      if (content.length !== 1 || img.type !== "element" || img.tagName !== "img") return;
      const title = typeof img.properties.title === "string" ? img.properties.title : "";
      const { caption, credit } = decodeImageTitle(title);
      if (!caption && !credit) return;
      const { title: _title, ...imgProperties } = img.properties;
      const captionChildren = [];
      if (caption) captionChildren.push({ type: "text", value: caption });
      if (caption && credit) captionChildren.push({ type: "text", value: " " });
      if (credit) captionChildren.push({ type: "element", tagName: "span", properties: { className: ["credit"] }, children: [{ type: "text", value: credit }] });
      parent.children[index] = {
        type: "element",
        tagName: "figure",
        properties: {},
        children: [
          { ...img, properties: imgProperties },
          { type: "element", tagName: "figcaption", properties: {}, children: captionChildren },
        ],
      };
    });
  };
}

/**
 * GitHub's schema plus figures: figure and figcaption with no attributes at all, and a span whose only possible
 * class is "credit" (any other class, style or handler is dropped).
 */
const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption", "span"],
  attributes: {
    ...defaultSchema.attributes,
    figure: [],
    figcaption: [],
    span: [["className", "credit"]],
  },
};

/** @param {string} markdown @returns {{ html: string, headings: { depth: 2 | 3, id: string, text: string }[] }} */
export function render(markdown) {
  const headings = [];
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(imageFigures)
    .use(rehypeSanitize, schema)
    // After sanitising, so heading ids are our own slugs rather than clobbered "user-content-" ones.
    .use(rehypeSlug)
    .use(collectHeadings(headings))
    .use(rehypeStringify)
    .processSync(markdown);
  return { html: String(html), headings };
}

parentPort?.on("message", ({ id, markdown }) => {
  try {
    parentPort.postMessage({ id, result: render(markdown) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
