// Embargoes in the browser (#12 §3): an editor sets an embargo in the story editor, the banner says so on the site's
// clock, "Publish now" is refused with the time and nothing changes, and the dashboard lists the story.
import { expect, test } from "@playwright/test";
import { ArticleStatus } from "../lib/db";
import { toZonedInput } from "../lib/content/dates";
import { STAFF } from "./support/newsroom";
import { e2eDb } from "./support/site";

test.use({ storageState: STAFF.editor.storageState });

test("an embargo set in the editor shows as a banner, refuses Publish with its time, and is listed on the dashboard", async ({ page }) => {
  const run = Date.now();
  const headline = `Embargoed Study Finds Sleep Gains ${run}`;
  const db = e2eDb();
  let id = "";
  let timeZone = "UTC";
  try {
    const [section, byline, settings] = await Promise.all([
      db.section.findUniqueOrThrow({ where: { slug: "world" }, select: { id: true } }),
      db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" }, select: { id: true } }),
      db.siteSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } }),
    ]);
    timeZone = settings?.timeZone ?? "UTC";
    id = (
      await db.article.create({
        data: {
          slug: `embargoed-study-${run}`,
          headline,
          standfirst: "Researchers report their findings under embargo.",
          body: "The study followed 4,000 people for ten years.",
          status: ArticleStatus.IN_REVIEW,
          sectionId: section.id,
          bylines: { create: [{ bylineId: byline.id, position: 0 }] },
        },
        select: { id: true },
      })
    ).id;
  } finally {
    await db.$disconnect();
  }

  await page.goto(`/admin/stories/${id}`);
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await expect(page.getByTestId("embargo-banner")).toHaveCount(0);

  // Two days ahead, to the minute, typed on the site's clock.
  const embargo = new Date(Math.floor((Date.now() + 2 * 24 * 3_600_000) / 60_000) * 60_000);
  await page.getByLabel("Embargo until").fill(toZonedInput(embargo, timeZone));
  const banner = page.getByTestId("embargo-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Embargoed");
  await expect(banner).toContainText(timeZone);
  await expect(banner.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await expect
    .poll(async () => {
      const db = e2eDb();
      try {
        return (await db.article.findUniqueOrThrow({ where: { id }, select: { embargoUntil: true } })).embargoUntil?.toISOString() ?? null;
      } finally {
        await db.$disconnect();
      }
    })
    .toBe(embargo.toISOString());

  // Publish now is refused, saying until when, and the story stays in review.
  await page.getByRole("button", { name: "Publish now" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Embargoed until" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("it cannot be published before then.");
  await expect(refusal).toContainText(`(${timeZone})`.replace("(UTC)", "UTC"));
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  const after = e2eDb();
  try {
    expect(await after.article.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true } })).toEqual({ status: "IN_REVIEW", publishedAt: null });
  } finally {
    await after.$disconnect();
  }
  expect((await page.request.get(`/articles/embargoed-study-${run}`)).status()).toBe(404);

  // The dashboard lists it with its embargo time.
  await page.goto("/admin");
  const listed = page.getByRole("list", { name: "Under embargo" }).getByRole("listitem").filter({ hasText: headline });
  await expect(listed).toBeVisible();
  await expect(listed).toContainText("Embargoed until");
  await expect(listed.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  await listed.getByRole("link", { name: headline }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/stories/${id}$`));
  await expect(page.getByTestId("embargo-banner")).toBeVisible();
});
