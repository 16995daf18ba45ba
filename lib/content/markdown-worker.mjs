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
import rehypeSanitize from "rehype-sanitize";
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

/** @param {string} markdown @returns {{ html: string, headings: { depth: 2 | 3, id: string, text: string }[] }} */
export function render(markdown) {
  const headings = [];
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize)
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
