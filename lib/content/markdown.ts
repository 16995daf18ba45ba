// The one pipeline from stored Markdown to reader HTML. Everything a story body shows goes through
// rehype-sanitize (GitHub's schema), so pasted or imported text can never inject markup or script.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { visit } from "unist-util-visit";
import { toString } from "hast-util-to-string";
import type { Root } from "hast";

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** Collects h2/h3 headings (after rehype-slug gave them ids) for the table of contents. */
function collectHeadings(into: Heading[]) {
  return () => (tree: Root) => {
    visit(tree, "element", (node) => {
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
        into.push({ depth: node.tagName === "h2" ? 2 : 3, id: node.properties.id, text: toString(node) });
      }
    });
  };
}

export function renderArticleBody(markdown: string): { html: string; headings: Heading[] } {
  const headings: Heading[] = [];
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

export function renderMarkdown(markdown: string): string {
  return renderArticleBody(markdown).html;
}
