// The faces text is drawn in while the bundled fonts load (font-display: swap), sized by @capsizecss so the swap
// barely moves a line: each is a font the reader's system already has, with its ascent, descent and average width
// overridden to match Source Sans 3 / Source Serif 4. Next's own adjustFontFallback only knows Arial and Times New
// Roman, which Linux, ChromeOS and Android do not have; there the text fell back to a wider, unadjusted face and the
// swap shifted the article (Lighthouse on Linux: CLS 0.27 when the sans faces were not preloaded). Liberation Sans and
// Liberation Serif are metric-compatible with Arial and Times New Roman, so they share those overrides.
//
// app/globals.css carries the output as plain CSS (nothing is computed per request); fallback-faces.test.ts checks
// that it is exactly what these stacks compute, and prints the CSS to paste when a font or metric changes.
import { createFontStack } from "@capsizecss/core";
import { arial, arimo, notoSerif, roboto, sourceSans3, sourceSerif4, timesNewRoman, tinos } from "./fallback-metrics";

const liberationSans = { ...arial, familyName: "Liberation Sans", fullName: "Liberation Sans", postscriptName: "LiberationSans" };
const liberationSerif = { ...timesNewRoman, familyName: "Liberation Serif", fullName: "Liberation Serif", postscriptName: "LiberationSerif" };

/** Windows and macOS, Linux, ChromeOS, Android, in that order. */
export const sansStack = createFontStack([sourceSans3, arial, liberationSans, arimo, roboto]);
export const serifStack = createFontStack([sourceSerif4, timesNewRoman, liberationSerif, tinos, notoSerif]);

/** The fallback family names of a stack, in order ("Source Sans 3 Fallback: Arial", …). */
export function fallbackFamilies(stack: { fontFamily: string }): string[] {
  return stack.fontFamily.split(/,\s*/).filter((name) => name.includes(" Fallback: "));
}
