import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { OLDER_SLUG, SOURCE_SLUG } from "./support/site";

const PAGES = {
  home: "/",
  article: `/articles/${SOURCE_SLUG}`,
  "article with corrections": `/articles/${OLDER_SLUG}`,
  section: "/sections/world",
  "empty section": "/sections/opinion",
  tag: "/tags/mexico",
  author: "/authors/breakingon-newsroom",
  search: "/search?q=cartels",
  about: "/about",
  "not found": "/articles/no-such-story",
};

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        if (name === "not found") {
          // Next.js sends a notFound() 404 as an empty shell that the client fills in (vercel/next.js#62228), so the
          // head script never runs there; the theme then follows the system through CSS alone.
          await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
        } else {
          await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        }
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  });
}

test("a skip link leads to the main content and focus is visible", async ({ page }) => {
  await page.goto(`/articles/${SOURCE_SLUG}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
