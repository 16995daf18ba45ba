import { expect, test } from "@playwright/test";

const SLUG = "trump-administration-considers-military-action-against-mexican-drug-cartels";
const HEADLINE = "Trump Administration Considers Military Action Against Mexican Drug Cartels";

test("the home page lists the seeded article under the BreakingOn wordmark", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "BreakingOn home" })).toBeVisible();
  const story = page.getByRole("link", { name: HEADLINE });
  await expect(story).toHaveAttribute("href", `/articles/${SLUG}`);
  await expect(page.locator("main time").first()).toHaveAttribute("datetime", "2025-08-09T12:00:00.000Z");
  await expect(page.getByText("© Copyright 2025 BreakingOn. All rights reserved.")).toBeVisible();
});

test("the article page renders headline, standfirst, date, byline and subheaded body on the server", async ({ page, request }) => {
  const html = await (await request.get(`/articles/${SLUG}`)).text();
  // Server-rendered: the body is in the HTML before any script runs.
  expect(html).toContain('id="military-strikes-a-controversial-option"');

  await page.goto(`/articles/${SLUG}`);
  await expect(page).toHaveTitle(`${HEADLINE} | BreakingOn`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADLINE);
  await expect(page.getByText(/^The Trump administration is weighing military options/)).toBeVisible();
  const time = page.locator("article header time");
  await expect(time).toHaveAttribute("datetime", "2025-08-09T12:00:00.000Z");
  await expect(time).toHaveText("August 9, 2025");
  await expect(page.getByText("By BreakingOn Newsroom")).toBeVisible();
  await expect(page.locator("article .prose h2")).toHaveText([
    "Military Strikes: A Controversial Option",
    "Background on Cartel Designation",
    "U.S.-Mexico Collaboration on Drug Trafficking",
    "Joint Efforts to Combat Cartels",
    "Military Planning and Coordination",
    "Potential Consequences of Military Action",
    "Conclusion: A Cautious Approach Needed",
  ]);
  await expect(page.locator("article .prose")).toContainText("described the idea of military strikes as “audacious”");
  await expect(page.locator("article .prose")).not.toContainText("Breakingon.com is an independent news platform");
  await expect(page.locator("footer").last()).toContainText("Breakingon.com is an independent news platform");
});

test("unknown and malformed slugs are a branded 404", async ({ page, request }) => {
  for (const path of ["/articles/no-such-story", "/articles/NOT%20A%20SLUG", "/no/such/page"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  await page.goto("/articles/no-such-story");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
