// Issue #11 §1: the fronts have a hierarchy (a lead with a large image, secondary stories, a "latest" river, a block
// per section), show each story once, use the stories' hero images, word times as readers expect, and do not repeat
// a breaking lead's headline in the banner above it. The fixture's breaking story is pinned as the lead and has a
// hero image (scripts/e2e-fixtures.ts); the two older stories have none.
import { expect, test, type Page } from "@playwright/test";
import { cardTimeLabel } from "../components/site/time/relative-time";
import { STORM_HERO_ALT } from "../scripts/e2e-fixtures";
import { BREAKING_SLUG, SOURCE_HEADLINE, SOURCE_SLUG } from "./support/site";

const STORM_HEADLINE = "Storm Makes Landfall on Gulf Coast";
const SITE_TIME_ZONE = "America/New_York";

const lead = (page: Page) => page.locator(`main [data-lead-story]`);

test("the home page leads with the pinned story's hero image, then smaller cards, each story once", async ({ page }) => {
  await page.goto("/");
  await expect(lead(page)).toHaveAttribute("data-lead-story", BREAKING_SLUG);
  await expect(lead(page).getByRole("heading", { name: STORM_HEADLINE })).toBeVisible();

  const hero = lead(page).getByRole("img", { name: STORM_HERO_ALT });
  await expect(hero).toBeVisible();
  // The lead's image is fetched at once and first, from the stored renditions, with sizes for the layout.
  await expect(hero).toHaveAttribute("loading", "eager");
  await expect(hero).toHaveAttribute("fetchpriority", "high");
  await expect(hero).toHaveAttribute("src", /^\/media\/[A-Za-z0-9_-]{22}$/);
  await expect(hero).toHaveAttribute("srcset", /\/w640\.webp 640w/);
  await expect(hero).toHaveAttribute("sizes", /vw/);
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // Its box keeps the card's 16:9 shape whatever the file's size, so nothing moves when it arrives.
  expect(await hero.evaluate((img) => getComputedStyle(img).aspectRatio)).toBe("16 / 9");
  const box = (await hero.boundingBox())!;
  expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
  // Every other image on the page waits until it is near the screen.
  for (const img of await page.locator("main img").all()) {
    if ((await img.getAttribute("alt")) !== STORM_HERO_ALT) await expect(img).toHaveAttribute("loading", "lazy");
  }

  // Stories without an image (the fixture's two older ones, and whatever other specs published) are text cards
  // under a heavy rule, not grey boxes. The river's one-line entries are text by design.
  const cards = await page.locator("main article:not(:has(img))").evaluateAll((articles) =>
    articles.filter((a) => !a.closest("[aria-labelledby=latest-heading]")).map((a) => parseFloat(getComputedStyle(a).borderTopWidth)),
  );
  expect(cards.length).toBeGreaterThanOrEqual(1);
  for (const width of cards) expect(width).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole("link", { name: SOURCE_HEADLINE }).first()).toHaveAttribute("href", `/articles/${SOURCE_SLUG}`);

  // No story twice on one front: one link per story, however many slots there are.
  const hrefs = await page.locator('main a[href^="/articles/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThanOrEqual(3);
  expect(hrefs.length, hrefs.join("\n")).toBe(new Set(hrefs).size);
});

test("a breaking lead is marked on its card and not repeated in the banner above it, nor on its own page; other pages keep the banner", async ({ page }) => {
  await page.goto("/");
  await expect(lead(page).getByText("Breaking", { exact: true })).toBeVisible();
  await expect(page.locator(`[data-breaking-story="${BREAKING_SLUG}"]`)).toBeHidden();
  // The headline is on the page once: the lead's.
  await expect(page.getByRole("link", { name: STORM_HEADLINE })).toHaveCount(1);

  await page.goto(`/articles/${SOURCE_SLUG}`);
  const banner = page.getByRole("complementary", { name: "Breaking news" });
  await expect(banner.getByRole("link", { name: STORM_HEADLINE })).toHaveAttribute("href", `/articles/${BREAKING_SLUG}`);
  await expect(banner).toBeVisible();

  // The U.S. section front leads with the same story, so its banner entry is hidden there too.
  await page.goto("/sections/us");
  await expect(lead(page)).toHaveAttribute("data-lead-story", BREAKING_SLUG);
  await expect(page.getByRole("link", { name: STORM_HEADLINE })).toHaveCount(1);

  // Nor on the breaking story's own page: its headline is the page's, not a banner link above it.
  await page.goto(`/articles/${BREAKING_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: STORM_HEADLINE })).toBeVisible();
  await expect(page.locator(`[data-breaking-story="${BREAKING_SLUG}"]`)).toBeHidden();
  await expect(page.getByRole("link", { name: STORM_HEADLINE })).toHaveCount(0);
});

test("card times sit in <time datetime title>: relative for today's stories once the page runs, absolute before", async ({ page, browser }) => {
  await page.goto("/");
  const times = page.locator("main time");
  expect(await times.count()).toBeGreaterThanOrEqual(3);
  for (const time of await times.all()) {
    await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    await expect(time).toHaveAttribute("title", /^[A-Z][a-z]+ \d{1,2}, \d{4}(,| at) \d{1,2}:\d{2}\s[AP]M [A-Z]{3,4}$/);
  }
  // Each reads as the shared rule says for this moment ("1 h ago" for the storm, published an hour before the server
  // started, unless that was before midnight in the site's zone; "August 9, 2025" for the seeded story).
  await expect
    .poll(async () => {
      const shown = await times.evaluateAll((all) => all.map((t) => [t.getAttribute("datetime")!, t.textContent!.trim()]));
      return shown.filter(([iso, text]) => text !== cardTimeLabel(new Date(iso), new Date(), SITE_TIME_ZONE));
    })
    .toEqual([]);
  await expect(lead(page).locator("time")).toHaveText(/ago$|\d{4}$/);

  // Without scripts the cached HTML still tells the truth: an absolute time, never a stale "N min ago".
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/");
  await expect(plain.locator(`main [data-lead-story] time`)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}\s[AP]M [A-Z]{3,4}$/);
  await noScript.close();
});

test("a section front has a lead and secondary stories; a text-only lead still reads as one", async ({ page }) => {
  await page.goto("/sections/world");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("World");
  await expect(lead(page).getByRole("heading", { level: 2 })).toBeVisible();
  if ((await lead(page).locator("img").count()) === 0) {
    expect(await lead(page).evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth))).toBeGreaterThanOrEqual(3);
  }
  await expect(page.getByRole("link", { name: SOURCE_HEADLINE })).toBeVisible();

  await page.goto("/sections/us");
  await expect(lead(page)).toHaveAttribute("data-lead-story", BREAKING_SLUG);
  const hero = lead(page).getByRole("img", { name: STORM_HERO_ALT });
  await expect(hero).toHaveAttribute("loading", "eager");
  await expect(hero).toBeVisible();
});
