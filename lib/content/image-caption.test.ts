import { describe, expect, it } from "vitest";
import StarterKit from "@tiptap/starter-kit";
import { MarkdownManager } from "@tiptap/markdown";
import { FigureImage } from "@/components/admin/figure-image";
import { absolutizeHtml } from "@/lib/seo/feeds";
import { imagesWithoutAlt } from "./publish-checks";
import { decodeImageTitle, encodeImageTitle, imageMarkdown } from "./image-caption";
import { renderMarkdown } from "./markdown";
import { sideBySide } from "./revision-diff";

const cases = [
  { caption: "The new bridge at dusk", credit: "Jane Doe/Reuters" },
  { caption: "Only a caption", credit: "" },
  { caption: "", credit: "Only a credit" },
  { caption: "A caption — with a dash", credit: "" },
  { caption: "A caption — with a dash", credit: "Agency — Desk" },
  { caption: 'Said "no" \\ twice', credit: "O'Brien" },
];

describe("image captions in Markdown", () => {
  it("encodes and decodes every caption and credit", () => {
    for (const c of cases) {
      const decoded = decodeImageTitle(encodeImageTitle(c));
      expect(decoded).toEqual({ caption: c.caption, credit: c.credit.replace(" — ", " - ") });
    }
    expect(decodeImageTitle(null)).toEqual({ caption: "", credit: "" });
    expect(encodeImageTitle({ caption: " two\nlines ", credit: "" })).toBe("two lines");
  });

  it("round-trips through the editor's Markdown (parse, serialise, parse) unchanged", () => {
    const manager = new MarkdownManager({ extensions: [StarterKit, FigureImage] });
    for (const c of cases) {
      const markdown = `Before.\n\n${imageMarkdown("/media/abc", "Boats [moored] at dawn", encodeImageTitle(c))}\n\nAfter.`;
      const doc = manager.parse(markdown);
      const image = doc.content?.find((n) => n.type === "image");
      expect(image?.attrs).toMatchObject({ src: "/media/abc", alt: "Boats (moored) at dawn", ...decodeImageTitle(encodeImageTitle(c)) });
      const again = manager.serialize(doc);
      expect(manager.serialize(manager.parse(again))).toBe(again);
      expect(manager.parse(again)).toEqual(doc);
    }
  });

  it("shows readers the same caption and credit the editor stored", async () => {
    for (const c of cases) {
      const { caption, credit } = decodeImageTitle(encodeImageTitle(c));
      const html = await renderMarkdown(imageMarkdown("/media/abc", "Boats", encodeImageTitle(c)));
      const escape = (t: string) => t.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;").replace(/"/g, '"');
      const credits = credit ? `<span class="credit">${escape(credit)}</span>` : "";
      expect(html).toBe(`<figure><img src="/media/abc" alt="Boats"><figcaption>${escape(caption)}${caption && credit ? " " : ""}${credits}</figcaption></figure>`);
    }
  });

  it("keeps the figure in feeds, with the image's address made absolute", async () => {
    const html = await renderMarkdown('![Boats](/media/abc "Harbour — Ana Ruiz")');
    expect(absolutizeHtml(html, "https://news.example")).toBe(
      '<figure><img src="https://news.example/media/abc" alt="Boats"><figcaption>Harbour <span class="credit">Ana Ruiz</span></figcaption></figure>',
    );
  });

  it("shows a caption or credit change in the revision diff", () => {
    const rows = sideBySide('Text.\n\n![Boats](/media/abc "Harbour — Ana Ruiz")', 'Text.\n\n![Boats](/media/abc "Harbour at dawn — Ana Ruiz")');
    const changed = rows.find((r) => r.kind === "changed");
    expect(changed?.right?.filter((s) => s.changed).map((s) => s.text).join("")).toContain("at dawn");
  });

  it("still finds an image without alt text when its caption holds quotes (the publish check)", () => {
    const markdown = imageMarkdown("/media/abc", "", encodeImageTitle({ caption: 'He said "go"', credit: "AP" }));
    expect(imagesWithoutAlt(markdown)).toEqual(["/media/abc"]);
  });
});
