import { writeFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { articleOgImage, isCovered, OG_IMAGE_SIZE, renderableText, siteOgImage } from "./og-image";
import { ARTICLE_CARD_SHAPES, cardShapeOf } from "./urls";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("renderableText", () => {
  it("keeps Latin text, accents and typographic punctuation", () => {
    expect(renderableText("Łódź café — “quoted” ‘text’… €5")).toBe("Łódź café — “quoted” ‘text’… €5");
  });

  it("drops what the bundled fonts lack (emoji, CJK, Greek) and folds whitespace", () => {
    expect(renderableText("Fire 🔥 in\n\tTokyo 東京 Αθήνα ")).toBe("Fire in Tokyo");
    expect(renderableText("👩‍👩‍👧 family")).toBe("family");
  });

  it("composes decomposed accents before checking them", () => {
    expect(renderableText("Cafe\u0301")).toBe("Café");
  });

  it("substitutes close stand-ins", () => {
    expect(renderableText("non\u2011breaking")).toBe("non-breaking");
  });

  it("covers printable ASCII", () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(isCovered(c)).toBe(true);
  });
});

describe("share cards", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("render 1200×630 PNGs from bundled fonts without touching the network", async () => {
    // next/og loads its own wasm through fetch of a data: URL; anything else would be the network.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith("data:")) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error(`no network in tests: ${url}`));
    });
    const article = await articleOgImage({
      siteName: "BreakingOn",
      section: "World",
      headline: "Trump Administration Considers Military Action Against Mexican Drug Cartels 🔥 in Łódź — 東京",
      host: "news.example.com",
    });
    const site = await siteOgImage({ siteName: "BreakingOn", description: "Independent news.", host: "news.example.com" });
    for (const response of [article, site]) {
      expect(response.headers.get("content-type")).toBe("image/png");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(bytes)).toEqual(OG_IMAGE_SIZE);
      if (process.env.OG_DUMP) writeFileSync(`${process.env.OG_DUMP}/${response === article ? "article" : "site"}.png`, bytes);
    }
    expect(network).toEqual([]);
  });

  it("render a story's card in the structured-data shapes, each 1200 px wide", async () => {
    for (const [shape, size] of Object.entries(ARTICLE_CARD_SHAPES)) {
      expect(cardShapeOf(`${shape}.png`)).toBe(shape);
      const response = await articleOgImage({ siteName: "BreakingOn", section: "World", headline: "A headline", host: "news.example.com" }, size);
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual(size);
    }
    for (const file of ["16x9", "16x9.jpg", "2x1.png", "constructor.png", "../1x1.png"]) expect(cardShapeOf(file)).toBeNull();
  });
});
