// Issue #11 §2 on the production build: the bundled typefaces load from our own origin, the article body's subheads,
// quotes, lists and captions read like a newsroom's, the icons and manifest answer, reader pages log no console
// errors, and on a phone the seeded story's first paragraph starts on the first screen.
import { expect, test, type Page } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { SOURCE_SLUG, withDb } from "./support/site";

const RUN = Date.now().toString(36);
const STYLED_SLUG = `identity-typography-${RUN}`;
const STYLED_BODY = [
  "Opening paragraph.",
  "## A subhead",
  "> The first sentence of a quote.\n>\n> — Jane Source, a spokeswoman",
  "- First point",
  "- Second point",
  "1. One",
  "2. Two",
  '![A harbour at dawn](/icon.svg "Boats leave the harbour at dawn — Photo: Jane Doe/Agency")',
  "Closing paragraph.",
].join("\n\n");

/** The first family an element's computed font-family names, and the weights of that family's faces that loaded. */
async function fontOf(page: Page, selector: string) {
  return page.locator(selector).first().evaluate(async (element) => {
    await document.fonts.ready;
    const family = getComputedStyle(element).fontFamily.split(",")[0].trim().replace(/^["']|["']$/g, "");
    const loaded = [...document.fonts]
      .filter((face) => face.family.replace(/^["']|["']$/g, "") === family && face.status === "loaded")
      .map((face) => `${face.weight} ${face.style} ${face.display}`);
    return { family, loaded };
  });
}

/** Console errors, failed page errors and 4xx/5xx responses while `visit` runs. */
async function problemsWhile(page: Page, visit: () => Promise<unknown>): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await visit();
  return problems;
}

test("headlines and body are set in the bundled Source Serif 4, interface text in Source Sans 3, from this origin", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await page.goto(`/articles/${SOURCE_SLUG}`);

  const headline = await fontOf(page, "article h1");
  const body = await fontOf(page, "article .prose p");
  const nav = await fontOf(page, 'nav[aria-label="Sections"] a');
  const wordmark = await fontOf(page, 'header a[aria-label$=" home"]');
  // next/font names each family after its variable: sourceSerif, sourceSans.
  expect(headline.family).toMatch(/sourceSerif/i);
  expect(body.family).toBe(headline.family);
  expect(wordmark.family).toBe(headline.family);
  expect(nav.family).toMatch(/sourceSans/i);
  expect(headline.loaded).toContain("700 normal swap");
  expect(body.loaded).toContain("400 normal swap");
  // The sans is one variable face covering every weight the interface uses (600 for the section links).
  expect(nav.loaded).toContain("200 900 normal swap");

  // Hashed files from the build, preloaded in the head; nothing from a font service.
  const preloads = await page.locator('head link[rel="preload"][as="font"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(preloads.length).toBeGreaterThanOrEqual(2);
  // A release with a deployment id (npm start, CI) names it on every asset: ?dpl=<DEPLOYMENT_ID>.
  for (const href of preloads) expect(href).toMatch(/^\/_next\/static\/media\/[\w.-]+\.woff2(\?dpl=[\w-]+)?$/);
  expect(foreign).toEqual([]);
});

test.describe("the article body", () => {
  test.use({ storageState: STAFF.owner.storageState });

  let draftId = "";
  // A draft seen through the newsroom's preview (the same ArticleView): readers, feeds and sitemaps never see it, and
  // it is gone again before any other spec runs.
  test.beforeAll(async () => {
    draftId = await withDb(async (db) => {
      const owner = await db.user.findUniqueOrThrow({ where: { email: STAFF.owner.email }, select: { id: true } });
      const draft = await db.article.create({
        data: { slug: STYLED_SLUG, headline: `Typography check ${RUN}`, body: STYLED_BODY, createdById: owner.id, lastEditedById: owner.id },
        select: { id: true },
      });
      return draft.id;
    });
  });
  test.afterAll(async () => {
    if (draftId) await withDb((db) => db.article.delete({ where: { id: draftId } }));
  });

  test("serif subheads below the headline, unquoted block quotes, visible list markers, caption then credit", async ({ page }) => {
    await page.goto(`/api/preview?id=${draftId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Typography check ${RUN}`);

    const styles = await page.locator("article .prose").evaluate((prose) => {
      const style = (selector: string, pseudo?: string) => getComputedStyle(prose.querySelector(selector)!, pseudo);
      const h1 = getComputedStyle(document.querySelector("article h1")!);
      const neutral600 = () => {
        const probe = document.body.appendChild(Object.assign(document.createElement("span"), { className: "text-neutral-600" }));
        const color = getComputedStyle(probe).color;
        probe.remove();
        return color;
      };
      return {
        h1: { family: h1.fontFamily, size: parseFloat(h1.fontSize) },
        h2: { family: style("h2").fontFamily, size: parseFloat(style("h2").fontSize) },
        p: { size: parseFloat(style("p").fontSize) },
        quote: {
          before: style("blockquote p", "::before").content,
          after: style("blockquote p:last-of-type", "::after").content,
          italic: style("blockquote").fontStyle,
        },
        bullets: { type: style("ul").listStyleType, marker: style("ul > li", "::marker").color, expected: neutral600() },
        numbers: { type: style("ol").listStyleType },
        caption: { text: prose.querySelector("figcaption")!.textContent },
        credit: { display: style("figcaption .credit").display, transform: style("figcaption .credit").textTransform, family: style("figcaption").fontFamily },
      };
    });
    expect(styles.h2.family).toBe(styles.h1.family);
    expect(styles.h2.size).toBeGreaterThan(styles.p.size);
    expect(styles.h2.size).toBeLessThanOrEqual(styles.h1.size * 0.6);
    expect(styles.quote).toEqual({ before: "none", after: "none", italic: "normal" });
    await expect(page.locator("article .prose blockquote")).toHaveText(/^\s*The first sentence of a quote\.\s*— Jane Source, a spokeswoman\s*$/);
    expect(styles.bullets.type).toBe("disc");
    // neutral-600: a marker as dark as the metadata text, not the plugin's pale grey.
    expect(styles.bullets.marker).toBe(styles.bullets.expected);
    expect(styles.numbers.type).toBe("decimal");
    expect(styles.caption.text).toBe("Boats leave the harbour at dawn Photo: Jane Doe/Agency");
    expect(styles.credit).toMatchObject({ display: "block", transform: "uppercase" });
    expect(styles.credit.family).toMatch(/sourceSans/i);
  });
});

test("the favicon, Apple touch icon and web manifest are linked and answer with their types", async ({ page, request }) => {
  await page.goto("/");
  const links = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((found) =>
    found.map((link) => ({ rel: link.getAttribute("rel")!, href: link.getAttribute("href")!, type: link.getAttribute("type") })),
  );
  expect(new Set(links.map((link) => link.rel))).toEqual(new Set(["icon", "apple-touch-icon", "manifest"]));
  expect(links.filter((link) => link.rel === "icon").map((link) => link.type)).toContain("image/svg+xml");
  const types: Record<string, string> = { "apple-touch-icon": "image/png", manifest: "application/manifest+json" };
  for (const link of links) {
    const response = await request.get(link.href);
    expect(response.status(), link.href).toBe(200);
    expect(response.headers()["content-type"], link.href).toContain(link.type ?? types[link.rel]);
  }

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);

  const appleIcon = await request.get("/apple-icon");
  expect([...(await appleIcon.body()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "BreakingOn", short_name: "BreakingOn", start_url: "/", display: "minimal-ui" });
  // The seeded site has no logo: the default mark, and the touch icon drawn from it.
  expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual(["/icon.svg", "/apple-icon"]);
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type);
  }
});

for (const [name, path] of Object.entries({ home: "/", article: `/articles/${SOURCE_SLUG}` })) {
  test(`the ${name} page logs no console errors and requests nothing that fails`, async ({ page }) => {
    const problems = await problemsWhile(page, async () => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    });
    expect(problems).toEqual([]);
  });
}

test.describe("on a 390 × 844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test("the header is compact, the section nav shows it scrolls, and the story starts on the first screen", async ({ page }) => {
    await page.goto(`/articles/${SOURCE_SLUG}`);
    await page.evaluate(() => document.fonts.ready);

    const masthead = await page.locator("body > header").boundingBox();
    expect(masthead!.height).toBeLessThanOrEqual(100);

    const sections = page.getByRole("navigation", { name: "Sections" }).locator("ul");
    const row = await sections.evaluate((list) => ({ overflow: list.scrollWidth - list.clientWidth, mask: getComputedStyle(list).maskImage }));
    expect(row.overflow).toBeGreaterThan(0);
    expect(row.mask).toContain("linear-gradient");
    // Scrolled to its end, the last section sits wholly on screen, clear of the fade.
    await sections.evaluate((list) => list.scrollTo({ left: list.scrollWidth }));
    const last = await sections.getByRole("link").last().boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(390 - 32);

    const first = page.locator("article .prose > p").first();
    await expect(first).toHaveText(/^The Trump administration is currently evaluating plans/);
    const box = await first.boundingBox();
    const lineHeight = await first.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    // Its first line, not just its top edge, is on the first screen.
    expect(box!.y + lineHeight).toBeLessThanOrEqual(844);
  });
});
