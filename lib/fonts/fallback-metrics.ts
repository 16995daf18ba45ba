import type { FontMetrics } from "@capsizecss/core";

// The metrics of the bundled faces and of the system faces that stand in for them (lib/fonts/fallback-faces.ts), as
// @capsizecss/metrics 4.3.0 publishes them (read from each font's own tables; xWidthAvg is its Latin average width).
// Held here rather than through that package: it carries the metrics of every Google and system font, ~30,000 files
// and 169 MB that every install unpacked (about 30 s of each CI run) for these eight records. To add a face:
// `npm install --no-save @capsizecss/metrics@4`, copy its record (`@capsizecss/metrics/<camelCaseName>`) here, and
// paste the CSS that fallback-faces.test.ts then prints into app/globals.css.
type Metrics = Omit<FontMetrics, "subsets">;

export const sourceSans3: Metrics = { familyName: "Source Sans 3", fullName: "Source Sans 3 Regular", postscriptName: "SourceSans3-Regular", category: "sans-serif", capHeight: 660, ascent: 1024, descent: -400, lineGap: 0, unitsPerEm: 1000, xHeight: 486, xWidthAvg: 418 };
export const sourceSerif4: Metrics = { familyName: "Source Serif 4", fullName: "Source Serif 4 Regular", postscriptName: "SourceSerif4-Regular", category: "serif", capHeight: 670, ascent: 1036, descent: -335, lineGap: 0, unitsPerEm: 1000, xHeight: 475, xWidthAvg: 479 };

export const arial: Metrics = { familyName: "Arial", fullName: "Arial", postscriptName: "ArialMT", category: "sans-serif", capHeight: 1467, ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xHeight: 1062, xWidthAvg: 913 };
export const arimo: Metrics = { familyName: "Arimo", fullName: "Arimo Regular", postscriptName: "Arimo-Regular", category: "sans-serif", capHeight: 1409, ascent: 1854, descent: -434, lineGap: 67, unitsPerEm: 2048, xHeight: 1082, xWidthAvg: 913 };
export const roboto: Metrics = { familyName: "Roboto", fullName: "Roboto Regular", postscriptName: "Roboto-Regular", category: "sans-serif", capHeight: 1456, ascent: 1900, descent: -500, lineGap: 0, unitsPerEm: 2048, xHeight: 1082, xWidthAvg: 911 };

export const timesNewRoman: Metrics = { familyName: "Times New Roman", fullName: "Times New Roman", postscriptName: "TimesNewRomanPSMT", category: "serif", capHeight: 1356, ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xHeight: 916, xWidthAvg: 832 };
export const tinos: Metrics = { familyName: "Tinos", fullName: "Tinos Regular", postscriptName: "Tinos-Regular", category: "serif", capHeight: 1341, ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xHeight: 940, xWidthAvg: 832 };
export const notoSerif: Metrics = { familyName: "Noto Serif", fullName: "Noto Serif Regular", postscriptName: "NotoSerif-Regular", category: "serif", capHeight: 714, ascent: 1069, descent: -293, lineGap: 0, unitsPerEm: 1000, xHeight: 536, xWidthAvg: 481 };
