import { expect, test } from "@playwright/test";
import { ArticleStatus } from "../lib/db";
import { e2eDb } from "./support/site";

test("a story scheduled for a time goes live then, with nobody in the newsroom", async ({ page, request }) => {
  const db = e2eDb();
  const slug = `scheduled-live-${Date.now()}`;
  const headline = `Scheduled Story ${Date.now()}`;
  // Prime the caches first, so the test proves they are expired, not merely empty.
  await page.goto("/");
  await expect(page.getByRole("link", { name: headline })).toHaveCount(0);
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

  const section = await db.section.findUniqueOrThrow({ where: { slug: "technology" } });
  const dueAt = new Date(Date.now() + 4000);
  await db.article.create({
    data: { slug, headline, standfirst: "Goes live by itself.", body: "Text.", status: ArticleStatus.SCHEDULED, scheduledAt: dueAt, sectionId: section.id },
  });
  await db.$disconnect();

  // Before the due time it stays hidden.
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

  // The scheduler polls for schedules written elsewhere at least every second, then wakes at the due time.
  let visibleAt = 0;
  await expect
    .poll(
      async () => {
        const status = (await request.get(`/articles/${slug}`)).status();
        if (status === 200 && !visibleAt) visibleAt = Date.now();
        return status;
      },
      { timeout: 15_000, intervals: [100] },
    )
    .toBe(200);
  expect(visibleAt).toBeGreaterThanOrEqual(dueAt.getTime());
  // Readers see it within a second of its due time.
  expect(visibleAt - dueAt.getTime()).toBeLessThan(1000);
  await page.goto("/");
  await expect(page.getByRole("link", { name: headline }).first()).toBeVisible();
  await page.goto("/sections/technology");
  await expect(page.getByRole("link", { name: headline })).toBeVisible();
});
