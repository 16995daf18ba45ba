import { expect, test } from "@playwright/test";
import { ArticleStatus } from "../lib/db";
import { STAFF } from "./support/newsroom";
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

test.describe("a scheduled update that cannot be applied", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("does not hold up the others, which go live and are expired from the caches; the dashboard shows why", async ({ page, playwright, baseURL }) => {
    const run = Date.now().toString(36);
    const db = e2eDb();
    const reader = await playwright.request.newContext({ baseURL });
    const section = await db.section.findUniqueOrThrow({ where: { slug: "technology" } });
    const doomed = await db.section.create({ data: { slug: `doomed-${run}`, name: `Doomed ${run}` } });
    // A scheduled update faces the editor's publish checks (one write path), so the stories carry a byline.
    const desk = await db.byline.upsert({ where: { slug: "schedule-desk" }, create: { slug: "schedule-desk", name: "Schedule Desk" }, update: {} });
    const runAt = new Date(Date.now() + 4000);
    const stories = [];
    for (const name of ["first", "broken", "third"]) {
      const slug = `sched-${name}-${run}`;
      const article = await db.article.create({
        data: { slug, headline: `Scheduled ${name} ${run}`, standfirst: "Before.", body: `Old text ${name}.`, status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 60_000), sectionId: section.id, bylines: { create: [{ bylineId: desk.id }] } },
      });
      const changes = {
        headline: article.headline,
        standfirst: "After.",
        body: `New text ${name} ${run}.`,
        slug,
        sectionId: name === "broken" ? doomed.id : section.id,
        tags: [],
        bylineIds: [desk.id],
        heroMediaId: null,
        seoTitle: null,
        seoDescription: null,
        breaking: false,
        breakingUntil: null,
        featured: false,
      };
      await db.scheduledUpdate.create({ data: { articleId: article.id, runAt, baseVersion: 1, changes } });
      stories.push({ name, slug, headline: article.headline });
    }
    // Deleted after the update was scheduled: applying it would fail on a foreign key.
    await db.section.delete({ where: { id: doomed.id } });

    // Prime the reader caches with the old text, so the test proves they are expired.
    for (const story of stories) expect(await (await reader.get(`/articles/${story.slug}`)).text()).toContain(`Old text ${story.name}.`);

    for (const story of stories.filter((s) => s.name !== "broken")) {
      await expect.poll(async () => (await reader.get(`/articles/${story.slug}`)).text(), { timeout: 20_000, intervals: [250] }).toContain(`New text ${story.name} ${run}.`);
    }
    expect(await (await reader.get(`/articles/sched-broken-${run}`)).text()).toContain("Old text broken.");
    const broken = await db.scheduledUpdate.findFirstOrThrow({ where: { article: { slug: `sched-broken-${run}` } } });
    expect(broken).toMatchObject({ appliedAt: null, failure: null });
    expect(broken.attempts).toBeGreaterThanOrEqual(1);
    expect(broken.lastError).toMatch(/section chosen for this update has been deleted/);
    expect(broken.retryAt!.getTime()).toBeGreaterThan(runAt.getTime());

    await page.goto("/admin");
    const entry = page.getByRole("list", { name: "Coming up" }).getByRole("listitem").filter({ hasText: `Scheduled broken ${run}` });
    await expect(entry).toContainText(/Not applied yet \(\d+ failed tr(y|ies)\): The section chosen for this update has been deleted/);
    await expect(entry).toContainText("Next try:");
    await reader.dispose();
    await db.$disconnect();
  });
});
