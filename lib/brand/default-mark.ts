// The default mark, used when no logo is chosen in the newsroom's settings: the letter B of Source Serif 4 Bold (the
// bundled headline face) as outlines, so it looks the same on every OS. app/icon.svg holds the same drawing
// (default-mark.test.ts checks they agree).

/** The B on a 64-unit square, already centred. */
export const MARK_PATH =
  "M30.7 50L15.6 50L15.6 46.8L19.6 46.5Q19.6 45.8 19.6 45.0L19.6 45.0Q19.6 42.5 19.6 39.9L19.6 39.9L19.6 27.2Q19.6 24.7 19.6 22.1L19.6 22.1Q19.6 21.4 19.6 20.6L19.6 20.6L15.6 20.3L15.6 17.1L31.8 17.1Q36.3 17.1 39.2 18.1Q42.0 19 43.5 20.7Q44.9 22.4 44.9 24.8L44.9 24.8Q44.9 26.9 43.7 28.6Q42.5 30.2 40.2 31.1Q37.8 32.1 34.1 32.3L34.1 32.3L34.1 32.7Q38.4 32.8 41.2 33.8Q44 34.6 45.4 36.4Q46.8 38.1 46.8 40.6L46.8 40.6Q46.8 42.5 45.9 44.3Q45.0 46.0 43.2 47.3Q41.3 48.5 38.2 49.3Q35.1 50 30.7 50L30.7 50ZM30.4 34.5L28.3 34.5L28.3 39.9Q28.3 42.4 28.4 44.9L28.4 44.9Q28.4 45.9 28.4 46.8L28.4 46.8L30.2 46.8Q34.0 46.8 35.9 45.2Q37.8 43.6 37.8 40.6L37.8 40.6Q37.8 37.5 36.0 36.0Q34.2 34.5 30.4 34.5L30.4 34.5ZM30.4 20.3L28.4 20.3Q28.4 21.3 28.4 22.1L28.4 22.1Q28.3 24.6 28.3 27.1L28.3 27.1L28.3 31.4L30.1 31.4Q32.2 31.4 33.5 30.7Q34.9 30.0 35.6 28.8Q36.3 27.5 36.3 25.7L36.3 25.7Q36.3 23.9 35.6 22.8Q35.0 21.6 33.7 21.0Q32.4 20.3 30.4 20.3L30.4 20.3Z";
export const MARK_TRANSLATE = "translate(0.8 -1.5)";
export const MARK_INK = "#121212";
export const MARK_PAPER = "#ffffff";

/** The mark as SVG; `rounded` for a favicon, square for icons the platform masks itself (Apple's, a manifest's). */
export function markSvg({ size, rounded }: { size: number; rounded: boolean }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">` +
    `<rect width="64" height="64"${rounded ? ' rx="12"' : ""} fill="${MARK_INK}"/>` +
    `<path transform="${MARK_TRANSLATE}" fill="${MARK_PAPER}" d="${MARK_PATH}"/></svg>`
  );
}
