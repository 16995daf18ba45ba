// The generated share cards (1200×630 PNG): the site's wordmark, a kicker and a headline, set in Source Serif 4
// from the @fontsource package, so rendering never touches the network.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { ReactElement, ReactNode } from "react";

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const OG_IMAGE_CONTENT_TYPE = "image/png";

// Satori keeps one font per name and weight, so each subset file gets its own family name and the card lists both.
const FONT_FAMILIES = { latin: "Source Serif", "latin-ext": "Source Serif Ext" } as const;
const FONT_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "source-serif-4", "files");
const FONT_WEIGHTS = [600, 700, 900] as const;
const FONT_SUBSETS = ["latin", "latin-ext"] as const;

type FontWeight = (typeof FONT_WEIGHTS)[number];
interface CardFont {
  name: string;
  data: Buffer;
  weight: FontWeight;
  style: "normal";
}

let fonts: Promise<CardFont[]> | undefined;

function loadFonts(): Promise<CardFont[]> {
  fonts ??= Promise.all(
    FONT_WEIGHTS.flatMap((weight) =>
      FONT_SUBSETS.map(async (subset) => ({
        name: FONT_FAMILIES[subset],
        data: await readFile(path.join(FONT_DIR, `source-serif-4-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
  return fonts;
}

// The code points the latin and latin-ext files above cover (`fc-query --format='%{charset}'`, identical for every
// weight), less combining marks. A character outside them would make next/og fetch a fallback font or emoji from
// the internet, so cards drop it instead.
const COVERED_RANGES =
  "20-7e a0-ff 100-12b 12e-130 131 134-151 152-153 154-165 168-17f 18f 192 1a0-1a1 1af-1b0 1cd-1dc 1e6-1e7 1f8-1f9 " +
  "218-21b 237 251 259 261 2b0 2b2-2b3 2b7-2b8 2bb-2bc 2be-2bf 2c6 2c7-2cc 2da 2dc 2dd 2e1-2e3 1d43 1d47-1d49 1d4d " +
  "1d4f-1d50 1d52 1d56-1d58 1d5b 1d9c 1da0 1dbb 1e0c-1e0f 1e20-1e21 1e24-1e25 1e2a-1e2b 1e36-1e3b 1e3e-1e3f " +
  "1e42-1e49 1e5a-1e63 1e6c-1e6f 1e80-1e85 1e8e-1e8f 1e92-1e93 1e97 1e9e 1ef2-1ef9 2002 2009 2013-2014 2018-201a " +
  "201c-201e 2020 2022 2026 2032-2033 2039-203a 2044 20a1 20a4 20a6-20a7 20a9 20ab 20ac 20ae 20b1-20b2 20b4-20b5 " +
  "20b8-20ba 20bd 20bf 2113 2122 2191 2193 2212 2215";

const COVERED: [number, number][] = COVERED_RANGES.split(" ").map((range) => {
  const [from, to = from] = range.split("-").map((hex) => parseInt(hex, 16));
  return [from, to];
});

// Close stand-ins for common characters the fonts lack.
const SUBSTITUTES: Record<string, string> = { "\u2010": "-", "\u2011": "-", "\u2012": "\u2013", "\u2015": "\u2014", "\u201b": "\u2018", "\u201f": "\u201c" };

export function isCovered(codePoint: number): boolean {
  return COVERED.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The text as the card can draw it: composed, on one line, without characters the bundled fonts lack. */
export function renderableText(text: string): string {
  return Array.from(text.normalize("NFC").replace(/\s+/g, " "))
    .map((char) => SUBSTITUTES[char] ?? char)
    .filter((char) => isCovered(char.codePointAt(0)!))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function headlineSize(length: number): number {
  if (length <= 50) return 76;
  if (length <= 80) return 66;
  if (length <= 110) return 56;
  return 48;
}

const INK = "#121212";
const MUTED = "#525252";

function Wordmark({ name, size }: { name: string; size: number }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", alignSelf: "stretch", alignItems: "center" }}>
      <div style={{ fontSize: size, fontWeight: 900, letterSpacing: -1, lineHeight: 1.1 }}>{name}</div>
      {/* The site header's double rule. */}
      <div style={{ display: "flex", alignSelf: "stretch", marginTop: 18, height: 4, background: INK }} />
      <div style={{ display: "flex", alignSelf: "stretch", marginTop: 4, height: 2, background: INK }} />
    </div>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        padding: "56px 72px",
        background: "#ffffff",
        color: INK,
        fontFamily: Object.values(FONT_FAMILIES).map((family) => `"${family}"`).join(", "),
      }}
    >
      {children}
    </div>
  );
}

export interface CardSize {
  width: number;
  height: number;
}

async function render(card: ReactElement, size: CardSize = OG_IMAGE_SIZE): Promise<ImageResponse> {
  return new ImageResponse(card, { width: size.width, height: size.height, fonts: await loadFonts() });
}

export interface ArticleCardText {
  siteName: string;
  section: string | null;
  headline: string;
  /** Shown at the foot of the card, e.g. "news.example.com". */
  host: string;
}

/**
 * A story's card: wordmark, section and headline; 1200×630 for Open Graph, or any other size (the structured-data
 * shapes, lib/seo/urls.ts ARTICLE_CARD_SHAPES), where the headline stays centred in the height there is.
 */
export async function articleOgImage({ siteName, section, headline, host }: ArticleCardText, size: CardSize = OG_IMAGE_SIZE): Promise<ImageResponse> {
  const title = clip(renderableText(headline), 150);
  const kicker = section ? renderableText(section) : "";
  return render(
    <Frame>
      <Wordmark name={renderableText(siteName)} size={52} />
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }}>
        {kicker && (
          <div style={{ fontSize: 28, fontWeight: 600, letterSpacing: 3, textTransform: "uppercase", color: MUTED }}>{kicker}</div>
        )}
        <div style={{ display: "flex", marginTop: kicker ? 16 : 0, fontSize: headlineSize(title.length), fontWeight: 700, lineHeight: 1.12 }}>
          {title}
        </div>
      </div>
      <div style={{ fontSize: 24, fontWeight: 600, color: MUTED }}>{renderableText(host)}</div>
    </Frame>,
    size,
  );
}

/** The site's card: wordmark and description. */
export async function siteOgImage({ siteName, description, host }: { siteName: string; description: string; host: string }) {
  return render(
    <Frame>
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center", alignItems: "center" }}>
        <Wordmark name={renderableText(siteName)} size={120} />
        {description && (
          <div style={{ display: "flex", marginTop: 36, fontSize: 40, fontWeight: 600, color: MUTED, textAlign: "center" }}>
            {clip(renderableText(description), 120)}
          </div>
        )}
      </div>
      <div style={{ display: "flex", justifyContent: "center", fontSize: 24, fontWeight: 600, color: MUTED }}>{renderableText(host)}</div>
    </Frame>,
  );
}
