// No console errors on any newsroom page (#10 §7): every page of the newsroom, as the owner (who may open them all),
// loads without an error in the browser's console, a failed request the page made itself, or an uncaught exception.
import { expect, test, type ConsoleMessage, type Page, type Response } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { SOURCE_SLUG, withDb } from "./support/site";

test.use({ storageState: STAFF.owner.storageState });

/** Opens each page in turn and returns what went wrong on each: console errors, uncaught exceptions, failed requests. */
async function problemsOn(page: Page, origin: string, paths: string[], check: (path: string) => Promise<void>): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error") found.push(`${path}: console: ${message.text()} @ ${message.location().url}`);
    };
    const onError = (error: Error) => found.push(`${path}: uncaught: ${error.message}`);
    const onResponse = (response: Response) => {
      const url = new URL(response.url());
      if (url.origin === origin && response.status() >= 400) found.push(`${path}: ${response.status()} ${url.pathname}${url.search}`);
    };
    page.on("console", onConsole);
    page.on("pageerror", onError);
    page.on("response", onResponse);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await check(path);
    // Client effects (presence, notes, prefetches) run after load; give them a moment to fail if they would.
    await page.waitForLoadState("networkidle");
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("response", onResponse);
  }
  return found;
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
  const found = await problemsOn(page, new URL(baseURL!).origin, pages, async () => {
    await expect(page.getByRole("main")).toBeVisible();
  });
  expect(found).toEqual([]);
});

test("the sign-in pages load with a clean console", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const found = await problemsOn(page, new URL(baseURL!).origin, ["/admin/login", "/admin/login/forgot"], async () => {});
  expect(found).toEqual([]);
  await context.close();
});
