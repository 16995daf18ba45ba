import { expect, test } from "@playwright/test";
import { BREAKING_SLUG, OLDER_SLUG, SOURCE_HEADLINE, SOURCE_SLUG } from "./support/site";

test("the home page has the lead, the other stories and the site's chrome", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "BreakingOn home" })).toBeVisible();
  // The fixture's breaking story is pinned as the lead (#11 §1: the banner does not repeat it above it; e2e/fronts.spec.ts).
  const top = page.getByRole("region", { name: "Top stories" });
  await expect(top.getByRole("link", { name: "Storm Makes Landfall on Gulf Coast" })).toHaveAttribute("href", `/articles/${BREAKING_SLUG}`);
  await expect(page.getByRole("link", { name: SOURCE_HEADLINE }).first()).toHaveAttribute("href", `/articles/${SOURCE_SLUG}`);
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link")).toHaveText(["World", "Politics", "U.S.", "Business", "Technology", "Opinion"]);
  await expect(page.getByText("© Copyright 2025 BreakingOn. All rights reserved.")).toBeVisible();
});

test("the breaking banner links the breaking story from other pages", async ({ page }) => {
  await page.goto(`/articles/${SOURCE_SLUG}`);
  const banner = page.getByRole("complementary", { name: "Breaking news" });
  await expect(banner.getByRole("link", { name: "Storm Makes Landfall on Gulf Coast" })).toHaveAttribute("href", `/articles/${BREAKING_SLUG}`);
});

test("the article page renders the whole story on the server", async ({ page, request }) => {
  const html = await (await request.get(`/articles/${SOURCE_SLUG}`)).text();
  expect(html).toContain('id="military-strikes-a-controversial-option"');

  await page.goto(`/articles/${SOURCE_SLUG}`);
  await expect(page).toHaveTitle(`${SOURCE_HEADLINE} | BreakingOn`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SOURCE_HEADLINE);
  await expect(page.getByText(/^The Trump administration is weighing military options/)).toBeVisible();
  const published = page.locator("article header time").first();
  await expect(published).toHaveAttribute("datetime", "2025-08-09T08:00:00-04:00");
  await expect(published).toHaveText(/^August 9, 2025(,| at) 8:00\sAM EDT$/);
  await expect(page.getByRole("link", { name: "BreakingOn Newsroom" })).toHaveAttribute("href", "/authors/breakingon-newsroom");
  await expect(page.getByText(/^\d+ min read$/)).toBeVisible();
  await expect(page.locator("article .prose h2")).toHaveText([
    "Military Strikes: A Controversial Option",
    "Background on Cartel Designation",
    "U.S.-Mexico Collaboration on Drug Trafficking",
    "Joint Efforts to Combat Cartels",
    "Military Planning and Coordination",
    "Potential Consequences of Military Action",
    "Conclusion: A Cautious Approach Needed",
  ]);
  const toc = page.getByRole("navigation", { name: "In this story" });
  await expect(toc.getByRole("link")).toHaveCount(7);
  await expect(toc.getByRole("link").first()).toHaveAttribute("href", "#military-strikes-a-controversial-option");
  await expect(page.locator("article .prose")).toContainText("described the idea of military strikes as “audacious”");
  await expect(page.locator("article .prose")).not.toContainText("Breakingon.com is an independent news platform");
  await expect(page.getByRole("navigation", { name: "Tags" }).getByRole("link", { name: "Mexico" })).toHaveAttribute("href", "/tags/mexico");
  const share = page.getByRole("navigation", { name: "Share this story" });
  await expect(share.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(share.getByRole("link", { name: "Share on X" })).toHaveAttribute("href", /^https:\/\/x\.com\/intent\/post\?url=http%3A%2F%2F127\.0\.0\.1/);
  await expect(share.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:\?subject=Trump%20Administration/);
  await expect(page.getByRole("heading", { name: "Related stories" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Related stories" }).getByRole("link", { name: "Mexico Expands Border Patrols After Talks" })).toBeVisible();
  // No correction on the source article, so no corrections box.
  await expect(page.getByRole("heading", { name: "Corrections and updates" })).toHaveCount(0);
});

test("an updated story shows its update time and its corrections", async ({ page }) => {
  await page.goto(`/articles/${OLDER_SLUG}`);
  const times = page.locator("article header time");
  await expect(times.nth(1)).toHaveAttribute("datetime", "2025-08-02T06:30:00-04:00");
  await expect(page.getByText(/^Updated August 2, 2025/)).toBeVisible();
  const box = page.getByRole("region", { name: "Corrections and updates" });
  await expect(box).toContainText("An earlier version misstated the number of troops.");
});

test("an old slug redirects permanently to the current one", async ({ request, page }) => {
  const response = await request.get("/articles/mexico-border-patrols-first-draft", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  // One Location header (Next.js 16 repeats it on the render that fills the page cache; proxy.ts answers first).
  const locations = response.headersArray().filter((h) => h.name.toLowerCase() === "location").map((h) => h.value);
  expect(locations).toHaveLength(1);
  expect(new URL(locations[0]!, "http://site.invalid").pathname).toBe(`/articles/${OLDER_SLUG}`);
  await page.goto("/articles/mexico-border-patrols-first-draft");
  await expect(page).toHaveURL(new RegExp(`/articles/${OLDER_SLUG}$`));
});

test("section, tag and author pages list their stories", async ({ page }) => {
  await page.goto("/sections/world");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("World");
  await expect(page.getByText("International news and analysis from around the globe.")).toBeVisible();
  await expect(page.getByRole("link", { name: SOURCE_HEADLINE })).toBeVisible();

  await page.goto("/tags/mexico");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mexico");
  await expect(page.locator("main h2 a")).toHaveText([SOURCE_HEADLINE, "Mexico Expands Border Patrols After Talks"]);

  await page.goto("/authors/breakingon-newsroom");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("BreakingOn Newsroom");
  await expect(page.getByText("Reporting and analysis from the BreakingOn news desk.")).toBeVisible();
  await expect(page.locator("main h2 a")).toHaveCount(3);

  await page.goto("/sections/opinion");
  await expect(page.getByText("No stories have been published here yet.")).toBeVisible();
});

test("the about page shows the publisher's description", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About BreakingOn");
  await expect(page.getByRole("main").getByText(/We gather and present the most important developments/)).toBeVisible();
});

test("unknown slugs and malformed page numbers are a branded 404, never a 500", async ({ page, request }) => {
  const paths = [
    "/articles/no-such-story",
    "/articles/NOT%20A%20SLUG",
    "/sections/no-such-section",
    "/tags/no-such-tag",
    "/authors/no-such-author",
    "/sections/world?page=-1",
    "/sections/world?page=abc",
    "/sections/world?page=1e9",
    "/sections/world?page=0",
    "/sections/world?page=2",
    "/tags/mexico?page=99",
    "/authors/breakingon-newsroom?page=1&page=2",
    "/no/such/page",
  ];
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(404);
  await page.goto("/articles/no-such-story");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

// A browser may serve a response it holds "stale-while-revalidate" at once and fetch the new one behind it, so a page
// marked that way shows a reader (and the router's refresh of an open live coverage) a copy up to a day old. The times
// a shared cache may keep a page are for shared caches only (s-maxage); browsers must ask every time (ETag).
test("a browser never reuses a stale reader page, feed or sitemap: no stale-while-revalidate, no max-age", async ({ request }) => {
  for (const path of ["/", `/articles/${SOURCE_SLUG}`, "/sections/world", "/about", "/feeds/rss.xml", "/sitemap.xml", "/news-sitemap.xml"]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      const cacheControl = response.headers()["cache-control"] ?? "";
      expect(cacheControl, `${path}${"RSC" in headers ? " (RSC)" : ""}`).toMatch(/s-maxage=\d+/);
      expect(cacheControl, `${path}${"RSC" in headers ? " (RSC)" : ""}`).not.toMatch(/stale-while-revalidate|(^|[\s,])max-age=[1-9]/);
    }
  }
});
