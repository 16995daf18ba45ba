// No console errors on any newsroom page (#10 §7): every page of the newsroom, as the owner (who may open them all),
// loads without an error in the browser's console, a failed request the page made itself, or an uncaught exception.
import { expect, test, type Page } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { SOURCE_SLUG, withDb } from "./support/site";

test.use({ storageState: STAFF.owner.storageState });

function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === origin && response.status() >= 400) problems.push(`${response.status()} ${url.pathname}${url.search}`);
  });
  return problems;
}

test("every newsroom page loads with a clean console", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const ids = await withDb(async (db) => {
    const [story, section, tag, byline, media] = await Promise.all([
      db.article.findUniqueOrThrow({ where: { slug: SOURCE_SLUG }, select: { id: true } }),
      db.section.findFirstOrThrow({ select: { id: true } }),
      db.tag.findFirstOrThrow({ select: { id: true } }),
      db.byline.findFirstOrThrow({ select: { id: true } }),
      db.media.findFirst({ select: { id: true } }),
    ]);
    return { story: story.id, section: section.id, tag: tag.id, byline: byline.id, media: media?.id ?? null };
  });
  const pages = [
    "/admin",
    "/admin/stories",
    "/admin/stories/new",
    `/admin/stories/${ids.story}`,
    `/admin/stories/${ids.story}/history`,
    "/admin/review",
    "/admin/trash",
    "/admin/media",
    ...(ids.media ? [`/admin/media/${ids.media}`] : []),
    "/admin/sections",
    `/admin/sections/${ids.section}`,
    "/admin/tags",
    `/admin/tags/${ids.tag}`,
    "/admin/bylines",
    `/admin/bylines/${ids.byline}`,
    "/admin/people",
    "/admin/settings",
    "/admin/audit",
    "/admin/account/security",
  ];
  const found: string[] = [];
  for (const path of pages) {
    const problems = watch(page, new URL(baseURL!).origin);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("main")).toBeVisible();
    // Client effects (presence, notes, prefetches) run after load; give them a moment to fail if they would.
    await page.waitForLoadState("networkidle");
    found.push(...problems.map((problem) => `${path}: ${problem}`));
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
    page.removeAllListeners("response");
  }
  expect(found).toEqual([]);
});

test("the sign-in pages load with a clean console", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of ["/admin/login", "/admin/login/forgot"]) {
    const problems = watch(page, new URL(baseURL!).origin);
    expect((await page.goto(path))?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    found.push(...problems.map((problem) => `${path}: ${problem}`));
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
    page.removeAllListeners("response");
  }
  expect(found).toEqual([]);
  await context.close();
});
