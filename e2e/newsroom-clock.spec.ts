// One clock: with the site on New York time and the browser in Tokyo, a story's time reads the same on the dashboard
// and the history page, with the zone named, and the viewer's own time on hover.
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

test.use({ storageState: STAFF.owner.storageState, timezoneId: "Asia/Tokyo" });

async function setTimeZone(page: import("@playwright/test").Page, zone: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("Time zone").selectOption(zone);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Settings saved|Nothing to save/ })).toBeVisible();
}

test("a story's time reads the same on the dashboard and the history page, on the site's clock", async ({ page }) => {
  test.setTimeout(90_000);
  const original = await withDb((db) => db.siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true } }));
  const headline = `Clock Check ${Date.now()}`;
  // A whole minute (the dashboard shows no seconds), and a minute ahead: the dashboard lists the owner's five most
  // recently updated stories, and a spec run just before may have updated many in the last minute.
  const saved = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
  const read = (zone: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: zone, timeZoneName: "short" }).format(saved);
  const siteReading = read("America/New_York");
  expect(siteReading).toMatch(/ E[SD]T$/);
  const goesLive = new Date("2031-03-04T14:30:00Z"); // 9:30 AM EST
  const ids = await withDb(async (db) => {
    const owner = await db.user.findUniqueOrThrow({ where: { email: STAFF.owner.email }, select: { id: true } });
    const story = await db.article.create({ data: { headline, slug: `clock-check-${Date.now()}`, body: "Tick.", createdById: owner.id, updatedAt: saved }, select: { id: true } });
    await db.revision.create({ data: { articleId: story.id, version: 1, reason: "Created", headline, standfirst: "", body: "Tick.", authorId: owner.id, createdAt: saved, status: "DRAFT", snapshot: {} } });
    await db.article.update({ where: { id: story.id }, data: { updatedAt: saved } });
    const scheduled = await db.article.create({ data: { headline: `Later ${headline}`, slug: `clock-check-scheduled-${Date.now()}`, body: "Later.", createdById: owner.id, status: "SCHEDULED", scheduledAt: goesLive }, select: { id: true } });
    return { story: story.id, scheduled: scheduled.id };
  });
  try {
    await setTimeZone(page, "America/New_York");

    await page.goto("/admin");
    const mine = page.getByRole("list", { name: "My stories, most recently updated first" });
    const dashboardTime = mine.getByRole("listitem").filter({ has: page.getByRole("link", { name: headline, exact: true }) }).locator("time").first();
    await expect(dashboardTime).toHaveText(siteReading);
    await expect(dashboardTime).toHaveAttribute("title", `Your time: ${read("Asia/Tokyo")}`);
    // A scheduled story says when it goes live.
    await expect(page.getByText(`Later ${headline}`).first()).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Mar 4, 2031, 9:30 AM EST");

    await page.goto(`/admin/stories/${ids.story}/history`);
    const historyTime = page.getByRole("region", { name: /All revisions/ }).locator("time").first();
    await expect(historyTime).toHaveText(siteReading);
    await expect(historyTime).toHaveAttribute("title", `Your time: ${read("Asia/Tokyo")}`);
  } finally {
    await setTimeZone(page, original.timeZone);
    await withDb((db) => db.article.updateMany({ where: { id: { in: [ids.story, ids.scheduled] } }, data: { status: "ARCHIVED", scheduledAt: null } }));
  }
});
