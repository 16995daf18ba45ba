import localFont from "next/font/local";

// Bundled from npm (@fontsource), so nothing is fetched at build or run time. next/font hashes and preloads these
// files; the CSS variables feed Tailwind's --font-serif and --font-sans (app/globals.css). Latin subset only, and only
// the weights the reader pages use: serif 400/italic/700 for headlines and body, sans 400/600/700 for interface text.
export const sourceSerif = localFont({
  src: [
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-source-serif",
  display: "swap",
  adjustFontFallback: "Times New Roman",
});

export const sourceSans = localFont({
  src: [
    { path: "../../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-source-sans",
  display: "swap",
  // Preloaded like the serif: left to swap in late, the sans faces shifted the article's header and body on a phone
  // (Lighthouse mobile: CLS 0.18 without the preload, 0 with it), which costs more than their 50 KB ahead of the CSS.
  adjustFontFallback: "Arial",
});
