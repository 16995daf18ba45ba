import { expect, test } from "@playwright/test";
import { SOURCE_SLUG } from "./support/site";

test("the theme follows the system until the reader picks one, and the choice persists", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");

  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(18, 18, 18)");
  await page.goto(`/articles/${SOURCE_SLUG}`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
});

test("a stored dark theme applies before any app script runs (no flash)", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("breakingon-theme", "dark"));
  // With every Next.js script blocked, only the inline head script can set the theme.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto(`/articles/${SOURCE_SLUG}`);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(18, 18, 18)");
});

test("the article prints without navigation, sharing or the theme switch", async ({ page }) => {
  await page.goto(`/articles/${SOURCE_SLUG}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Share this story" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Switch to/ })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

for (const width of [320, 768, 1440]) {
  test(`the article fits a ${width}px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${SOURCE_SLUG}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
