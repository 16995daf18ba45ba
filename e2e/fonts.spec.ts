import { expect, test, type Page } from "@playwright/test";
import { SOURCE_SLUG } from "./support/site";

// The bundled faces (lib/fonts/reader-fonts.ts) and the system faces sized to match them that show until they arrive
// (lib/fonts/fallback-faces.ts, app/globals.css). Chromium names the font it actually drew each node's text in.
async function drawnIn(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.familyName);
}

const HEADLINE = "main h1";
const BODY = ".article-body p";
const NAV = 'nav[aria-label="Sections"] a';

test("reader text is set in the bundled Source Serif 4 and Source Sans 3", async ({ page }) => {
  await page.goto(`/articles/${SOURCE_SLUG}`);
  await page.evaluate(() => document.fonts.ready);
  expect(await drawnIn(page, HEADLINE)).toEqual(["Source Serif 4"]);
  expect(await drawnIn(page, BODY)).toEqual(["Source Serif 4"]);
  // The sans is one variable file; Chromium names it by its default instance ("Source Sans 3 ExtraLight").
  expect(await drawnIn(page, NAV)).toEqual([expect.stringMatching(/^Source Sans 3\b/)]);
});

test("until the fonts arrive, text is set in a system face sized to match, and their arrival barely moves it", async ({ page }) => {
  // Hold every font back for a second, as a slow connection would, and count the layout shifts their arrival causes.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // (Asset URLs carry the deployment id as a query: match the path.)
  await page.route((url) => url.pathname.endsWith(".woff2"), async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number }[]) (window as unknown as { shifts: number }).shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${SOURCE_SLUG}`, { waitUntil: "domcontentloaded" });
  // Linux has Liberation (metric-compatible with Times New Roman and Arial); other systems have those two.
  // Polled: on a busy machine the first layout (which names the fonts) may come a moment after DOMContentLoaded.
  const SERIF = expect.stringMatching(/^(Liberation Serif|Times New Roman|Tinos|Noto Serif)$/);
  await expect.poll(() => drawnIn(page, HEADLINE)).toEqual([SERIF]);
  await expect.poll(() => drawnIn(page, BODY)).toEqual([SERIF]);
  await expect.poll(() => drawnIn(page, NAV)).toEqual([expect.stringMatching(/^(Liberation Sans|Arial|Arimo|Roboto)$/)]);
  const before = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  release();
  await page.evaluate(() => document.fonts.ready);
  expect(await drawnIn(page, BODY)).toEqual(["Source Serif 4"]);
  await page.waitForTimeout(300);
  const shift = (await page.evaluate(() => (window as unknown as { shifts: number }).shifts)) - before;
  // Lighthouse counts 0.1 as the edge of "good"; unadjusted fallbacks moved this page by 0.27.
  expect(shift).toBeLessThan(0.05);
});
