import { expect, test } from "@playwright/test";

const SLUG = "trump-administration-considers-military-action-against-mexican-drug-cartels";
const HEADLINE = "Trump Administration Considers Military Action Against Mexican Drug Cartels";

const HOSTILE_QUERIES = [
  `'; DROP TABLE "Article"; --`,
  '"cartels',
  "NEAR(cartels",
  "cartels AND NOT -^*",
  "headline:cartels",
  "🔥 麻薬カルテル",
  "<script>alert(1)</script>",
  "x".repeat(10_000),
];

test("searching for cartels finds the seeded story with the word highlighted", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("search").getByLabel("Search stories").fill("cartels");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(/\/search\?q=cartels$/);
  await expect(page).toHaveTitle("Search: cartels | BreakingOn");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  const main = page.getByRole("main");
  await expect(main.getByText(/^\d+ (story matches|stories match) “cartels”$/)).toBeVisible();
  await expect(main.getByRole("link", { name: HEADLINE })).toHaveAttribute("href", `/articles/${SLUG}`);
  await expect(main.locator("mark").first()).toHaveText(/^cartels?$/i);
  await expect(main.locator("ol time")).toHaveAttribute("datetime", /^2025-08-09/);
  await expect(page.getByRole("search").getByLabel("Search stories")).toHaveValue("cartels");
});

test("stories readers may not see are not found", async ({ page }) => {
  await page.goto("/search?q=zebracorn");
  await expect(page.getByRole("main").getByText("No stories match “zebracorn”.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form still works", async ({ page }) => {
    await page.goto("/search");
    await page.getByLabel("Search stories").fill("military strikes");
    await page.getByLabel("Search stories").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=military\+strikes$/);
    await expect(page.getByRole("main").getByRole("link", { name: HEADLINE })).toBeVisible();
  });
});

test("hostile queries and page numbers render a normal page", async ({ page, request }) => {
  for (const q of HOSTILE_QUERIES) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 40)).toBe(200);
    expect(await response.text()).toContain('role="search"');
  }
  for (const pageParam of ["-1", "abc", "1e9", "0", "999"]) {
    const response = await request.get(`/search?q=cartels&page=${pageParam}`);
    expect(response.status(), pageParam).toBe(200);
  }

  await page.goto(`/search?q=${encodeURIComponent(HOSTILE_QUERIES[0])}`);
  await expect(page.getByRole("main").getByText(/^No stories match/)).toBeVisible();
  expect((await request.get(`/articles/${SLUG}`)).status()).toBe(200);
});

test("an empty search shows a prompt, not an error", async ({ page }) => {
  const response = await page.goto("/search?q=%20%20");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Search | BreakingOn");
  await expect(page.getByRole("main").getByText("Type a word or two above to search every published story.")).toBeVisible();
  await expect(page.getByRole("main").locator("ol")).toHaveCount(0);
});
