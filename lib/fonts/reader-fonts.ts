import localFont from "next/font/local";

// Bundled from npm (@fontsource), so nothing is fetched at build or run time. next/font hashes and preloads these
// files; the CSS variables feed Tailwind's --font-serif and --font-sans (app/globals.css), which go on to system faces
// sized to match (lib/fonts/fallback-faces.ts) for the moment before these arrive. Latin subset only. The serif in the
// weights the reader pages use (400, its italic, 700), for headlines and body; the sans as one variable file (every
// weight, 29 KB: less than the three static weights it replaces) for interface text.
export const sourceSerif = localFont({
  src: [
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2", weight: "400", style: "italic" },
    { path: "../../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-source-serif",
  display: "swap",
  // app/globals.css names the fallback faces (Next's would cover only Times New Roman).
  adjustFontFallback: false,
});

export const sourceSans = localFont({
  src: [{ path: "../../node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2", weight: "200 900", style: "normal" }],
  variable: "--font-source-sans",
  display: "swap",
  adjustFontFallback: false,
});
