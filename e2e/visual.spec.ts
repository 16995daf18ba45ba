// Issue #11 §5: every reader page type, at a phone (390 px) and a desktop (1440 px) width, in both themes, compared
// with the committed baselines in e2e/visual.spec.ts-snapshots/. A change in layout fails here; when the design
// changes on purpose, update them: npx playwright test e2e/visual.spec.ts --update-snapshots (and look at the diff).
//
// The pictures must not depend on what other specs did first, so this spec serves the same build from its own fresh
// database (seed + e2e fixtures, as the Playwright web server starts) on an extra port. Times that depend on when
// the fixtures were written ("1 h ago", today's date) are written over with a fixed wording before each picture.
import { expect, test, type Page } from "@playwright/test";
import { addE2eFixtures } from "../scripts/e2e-fixtures";
import { AppServer, createAppDatabase, extraPort, type AppDatabase } from "./support/app-server";
import { SOURCE_SLUG } from "./support/site";
import { BROWSER_ARGS, CHROMIUM, HEADLESS_CHROMIUM } from "./support/browsers";

const PORT = extraPort(7);
// Drawn by the headless shell the other specs drive (the same Blink and layout as Chromium; glyph edges are smoothed a
// little differently, so baselines from one do not match the other): 0.7x the time of the full browser here.
test.use({ launchOptions: { executablePath: HEADLESS_CHROMIUM, args: BROWSER_ARGS } });
// Without the shell the pictures would all differ by their glyph edges. CI installs it (.ci/run), so there it fails.
test.skip(HEADLESS_CHROMIUM === CHROMIUM && !process.env.CI, "the baselines are drawn by Debian's chromium-headless-shell: apt-get install chromium-headless-shell");
const PAGES = {
  home: "/",
  article: `/articles/${SOURCE_SLUG}`,
  section: "/sections/world",
  tag: "/tags/mexico",
  author: "/authors/breakingon-newsroom",
  search: "/search?q=cartels",
  about: "/about",
  "site page": "/pages/contact",
  corrections: "/corrections",
  "not found": "/articles/no-such-story",
};
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };
// A full page, cut at this height: long enough for every page's structure, short enough to keep the files small.
const MAX_HEIGHT = 2400;
// Whatever a story's real time, the picture shows this (about as wide as the dates it stands for).
const FIXED_TIME = "Aug 9, 2025";

const CONTACT = {
  slug: "contact",
  title: "Contact",
  status: "PUBLISHED" as const,
  body: "## Tips\n\nSend tips to **tips@breakingon.test**. We read everything.\n\n## Corrections\n\nSeen an error? Write to corrections@breakingon.test and [see our corrections](/corrections).",
};

let database: AppDatabase;
let server: AppServer;

test.beforeAll(async () => {
  // Migrating and seeding a database takes a while on a busy machine (and again after a failure restarts the worker).
  test.setTimeout(300_000);
  database = await createAppDatabase("sqlite", PORT);
  server = new AppServer(PORT, database);
  await addE2eFixtures(database.url, `data/e2e-extra-storage-${PORT}`);
  // A fresh database has no site page published (e2e/site-pages.spec.ts publishes Contact through the newsroom).
  await database.db.page.upsert({ where: { slug: "contact" }, create: CONTACT, update: CONTACT });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop("SIGTERM");
  await database?.drop();
});

async function settle(page: Page, name: string, theme: "light" | "dark") {
  if (name === "not found") {
    // A notFound() 404 is an empty shell the client fills in (see e2e/a11y.spec.ts); its theme comes from CSS alone.
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  } else {
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  }
  // Every image loaded (lazy ones too: made eager first), then the fonts.
  await page.evaluate(async () => {
    const images = Array.from(document.images);
    for (const img of images) img.loading = "eager";
    const loaded = (img: HTMLImageElement) =>
      img.complete && img.naturalWidth > 0 ? null : new Promise((done) => ["load", "error"].forEach((event) => img.addEventListener(event, done, { once: true })));
    await Promise.all(images.map(loaded));
    // Loaded is not yet drawn: decoding="async" images are decoded off the main thread, a busy machine draws half.
    await Promise.all(images.map((img) => img.decode().catch(() => null)));
    await document.fonts.ready;
  });
  // TimeAgo has hydrated (it rewrites the server's wording once), so nothing rewrites the times after this.
  await page.waitForLoadState("networkidle");
  await page.locator("time").evaluateAll((times, text) => times.forEach((time) => (time.textContent = text)), FIXED_TIME);
}

for (const theme of ["light", "dark"] as const) {
  for (const [size, viewport] of Object.entries(WIDTHS)) {
    test.describe(`${theme}, ${viewport.width} px`, () => {
      test.use({ colorScheme: theme, viewport });
      for (const [name, path] of Object.entries(PAGES)) {
        test(`${name} looks as it did`, async ({ page }) => {
          await page.goto(`${server.url}${path}`);
          await settle(page, name, theme);
          const height = Math.min(MAX_HEIGHT, await page.evaluate(() => document.documentElement.scrollHeight));
          await expect(page).toHaveScreenshot(`${name.replace(/ /g, "-")}-${size}-${theme}.png`, {
            fullPage: true,
            clip: { x: 0, y: 0, width: viewport.width, height },
            animations: "disabled",
            caret: "hide",
            // Two identical pictures in a row count as settled; a loaded machine needs more than the default 5 s.
            timeout: 20_000,
          });
        });
      }
    });
  }
}
