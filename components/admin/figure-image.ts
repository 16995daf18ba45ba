import { mergeAttributes, type JSONContent } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { decodeImageTitle, encodeImageTitle, imageMarkdown } from "@/lib/content/image-caption";

/**
 * The body's image: alt text, caption and credit. In the editor it shows as the reader sees it (a figure with the
 * caption and a credit span); in the stored Markdown the caption and credit are the image's title
 * (lib/content/image-caption.ts explains the form).
 */
export const FigureImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      title: { default: null, rendered: false },
      caption: { default: "", rendered: false, parseHTML: () => null },
      credit: { default: "", rendered: false, parseHTML: () => null },
    };
  },

  parseHTML() {
    return [
      {
        // A figure pasted from a web page (or from our own reader pages): its image, caption and credit.
        tag: "figure",
        getAttrs: (element) => {
          const img = element.querySelector("img[src]");
          const src = img?.getAttribute("src") ?? "";
          if (!img || src.startsWith("data:")) return false;
          const figcaption = element.querySelector("figcaption");
          const creditElement = figcaption?.querySelector(".credit");
          const credit = creditElement?.textContent?.trim() ?? "";
          creditElement?.remove();
          return { src, alt: img.getAttribute("alt") ?? "", caption: figcaption?.textContent?.trim() ?? "", credit };
        },
      },
      {
        tag: 'img[src]:not([src^="data:"])',
        getAttrs: (element) => decodeImageTitle(element.getAttribute("title")),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const img = ["img", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)] as const;
    const caption = String(node.attrs.caption ?? "");
    const credit = String(node.attrs.credit ?? "");
    const captionParts: (string | readonly [string, Record<string, string>, string])[] = [];
    if (caption) captionParts.push(caption);
    if (caption && credit) captionParts.push(" ");
    if (credit) captionParts.push(["span", { class: "credit" }, credit]);
    return ["figure", { "data-image": "" }, img, ...(captionParts.length ? [["figcaption", {}, ...captionParts]] : [])] as never;
  },

  parseMarkdown: (token, helpers) => {
    const { caption, credit } = decodeImageTitle(token.title);
    return helpers.createNode("image", { src: token.href, alt: token.text ?? "", caption, credit });
  },

  renderMarkdown: (node: JSONContent) => {
    const attrs = node.attrs ?? {};
    const title = encodeImageTitle({ caption: String(attrs.caption ?? ""), credit: String(attrs.credit ?? "") });
    return imageMarkdown(String(attrs.src ?? ""), String(attrs.alt ?? ""), title);
  },
});
