// The admin's own pages: sections, bylines and site settings change the reader site within a second or two, bad
// input and deletes of records in use are refused with the reason, the audit log names who did it, and a writer is
// refused both the pages and the actions behind them.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb } from "./support/site";
import { STAFF } from "./support/newsroom";

const SECTION = "Climate Desk";
const BYLINE = "Guest Correspondent";
const SITE_NAME = "BreakingOn Tonight";
// "Within a second or two" on a quiet server; CI runs two lanes on two cores, where one page load can take seconds.
const SOON = { timeout: 10_000, intervals: [100, 250, 500] };

test.describe.configure({ mode: "serial" });

async function inDb<T>(read: (db: ReturnType<typeof e2eDb>) => Promise<T>): Promise<T> {
  const db = e2eDb();
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Deletes the test's section through the newsroom if an earlier attempt left it (a retry, or a failure half-way):
 * through the UI, not the database, so the reader nav's cache is expired as it would be for an editor.
 */
async function removeLeftoverSection(page: Page) {
  if ((await inDb((db) => db.section.count({ where: { slug: "climate-desk" } }))) === 0) return;
  await page.goto("/admin/sections");
  await page.getByRole("link", { name: SECTION }).click();
  await page.getByRole("button", { name: "Delete section…" }).click();
  await page.getByRole("button", { name: "Yes, delete section" }).click();
  await expect(page).toHaveURL(/\/admin\/sections\?deleted=/);
}

async function readerNav(page: Page): Promise<string[]> {
  await page.goto("/");
  return page.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents();
}

async function saveSiteName(page: Page, name: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("Site name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved (site name)");
}

test.describe("as the owner", () => {
  test.use({ storageState: STAFF.owner.storageState });

  test("a new section reaches the reader nav; bad and taken slugs are field errors; a section in use cannot be deleted", async ({ page, context }) => {
    const reader = await context.newPage();
    await removeLeftoverSection(page);
    try {
      await page.goto("/admin/sections");
      const form = page.getByRole("region", { name: "New section" });

      await form.getByLabel("Name").fill(SECTION);
      await form.getByLabel("Slug").fill("Climate Desk!");
      await form.getByRole("button", { name: "Create section" }).click();
      await expect(form.getByText("Use lower-case letters, digits and single hyphens, like “local-news”.")).toBeVisible();
      await expect(form.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel("Name")).toHaveValue(SECTION);

      await form.getByLabel("Slug").fill("politics");
      await form.getByRole("button", { name: "Create section" }).click();
      await expect(form.getByText("The section “Politics” already uses this slug.")).toBeVisible();
      expect(await inDb((db) => db.section.count({ where: { name: SECTION } }))).toBe(0);

      await form.getByLabel("Slug").fill("");
      await form.getByRole("button", { name: "Create section" }).click();
      await expect(form.getByRole("status")).toHaveText(`Section “${SECTION}” created at /sections/climate-desk. It is last in the navigation.`);
      await expect(form.getByLabel("Name")).toHaveValue("");
      await expect(page.getByRole("table", { name: "Sections, in navigation order" }).getByRole("link", { name: SECTION })).toBeVisible();
      await expect.poll(() => readerNav(reader), SOON).toContain(SECTION);

      // One place up, by keyboard: the reader nav follows.
      const before = await readerNav(reader);
      await page.getByRole("button", { name: `Move ${SECTION} up` }).focus();
      await page.keyboard.press("Enter");
      const expected = [...before.slice(0, -2), SECTION, before.at(-2)!];
      await expect.poll(() => readerNav(reader), SOON).toEqual(expected);
      await expect(page.getByRole("button", { name: `Move ${SECTION} up` })).toBeFocused();

      // "politics" has stories filed in it (the fixtures): refused, with the count, and nothing changes.
      const filed = await inDb((db) => db.article.count({ where: { section: { slug: "politics" } } }));
      expect(filed).toBeGreaterThan(0);
      await page.getByRole("link", { name: "Politics", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Politics", level: 1 })).toBeVisible();
      // The confirmation works from the keyboard: Enter opens it with focus on the confirm button, Escape backs out.
      await page.getByRole("button", { name: "Delete section…" }).press("Enter");
      await expect(page.getByRole("button", { name: "Yes, delete section" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("button", { name: "Yes, delete section" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Delete section…" })).toBeFocused();
      await page.getByRole("button", { name: "Delete section…" }).click();
      await page.getByRole("button", { name: "Yes, delete section" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(`${filed} ${filed === 1 ? "story is" : "stories are"} filed in this section; move ${filed === 1 ? "it" : "them"} first.`);
      await expect(page.getByRole("button", { name: "Delete section…" })).toBeFocused();
      expect(await inDb((db) => db.article.count({ where: { section: { slug: "politics" } } }))).toBe(filed);
      expect((await reader.goto("/sections/politics"))?.status()).toBe(200);

      // The new, empty section can go; the reader nav drops it.
      await page.goto("/admin/sections");
      await page.getByRole("link", { name: SECTION }).click();
      await page.getByRole("button", { name: "Delete section…" }).click();
      await page.getByRole("button", { name: "Yes, delete section" }).click();
      await expect(page).toHaveURL(/\/admin\/sections\?deleted=/);
      await expect(page.getByRole("status").filter({ hasText: "deleted" })).toHaveText(`Section “${SECTION}” deleted.`);
      await expect.poll(() => readerNav(reader), SOON).toEqual(before.slice(0, -1));
    } finally {
      // A failure half-way must not leave the section in every later spec's reader nav and sitemap.
      await removeLeftoverSection(page);
    }
  });

  test("an unused byline is created and deleted", async ({ page }) => {
    await page.goto("/admin/bylines");
    const form = page.getByRole("region", { name: "New byline" });
    await form.getByLabel("Name").fill(BYLINE);
    await form.getByLabel("Bio").fill("Files from wherever the news is.");
    await form.getByRole("button", { name: "Create byline" }).click();
    await expect(form.getByRole("status")).toHaveText(`Byline “${BYLINE}” created at /authors/guest-correspondent.`);
    expect(await inDb((db) => db.byline.count({ where: { slug: "guest-correspondent" } }))).toBe(1);

    await page.getByRole("link", { name: BYLINE }).click();
    await expect(page.getByRole("heading", { name: BYLINE, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Delete byline…" }).click();
    await page.getByRole("button", { name: "Yes, delete byline" }).click();
    await expect(page.getByRole("status")).toHaveText(`Byline “${BYLINE}” deleted.`);
    expect(await inDb((db) => db.byline.count({ where: { slug: "guest-correspondent" } }))).toBe(0);
  });

  test("a new site name reaches the reader home page; a bad language is a field error", async ({ page, context }) => {
    const reader = await context.newPage();
    await page.goto("/admin/settings");
    const original = await page.getByLabel("Site name", { exact: true }).inputValue();
    try {
      await page.getByLabel("Site name", { exact: true }).fill(SITE_NAME);
      await page.getByLabel("Language", { exact: true }).fill("not a language");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByText("Use a language tag like en, en-GB or pt-BR.")).toBeVisible();
      await expect(page.getByLabel("Site name", { exact: true })).toHaveValue(SITE_NAME);
      expect(await inDb((db) => db.siteSettings.findUniqueOrThrow({ where: { id: 1 } }).then((s) => s.name))).toBe(original);

      await saveSiteName(page, SITE_NAME);
      await expect
        .poll(async () => {
          await reader.goto("/");
          return reader.getByRole("link", { name: `${SITE_NAME} home` }).count();
        }, SOON)
        .toBe(1);
    } finally {
      // Through the app, not the database, so the reader cache is expired for the specs that follow.
      await saveSiteName(page, original);
      await expect
        .poll(async () => {
          await reader.goto("/");
          return reader.getByRole("link", { name: `${original} home` }).count();
        }, SOON)
        .toBe(1);
    }
  });

  test("the audit log lists those actions with the owner's name, and filters them", async ({ page }) => {
    await page.goto("/admin/audit");
    const rows = page.getByRole("table", { name: "Audit log, newest first" }).getByRole("row");
    for (const action of ["section.create", "section.reorder", "section.delete", "byline.create", "byline.delete", "settings.update"]) {
      await expect(rows.filter({ hasText: action }).filter({ hasText: STAFF.owner.name }).first()).toBeVisible();
    }
    await page.getByLabel("Action").selectOption("settings.update");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=settings\.update/);
    await expect(rows.filter({ hasText: `name: “${SITE_NAME}” →` }).first()).toBeVisible();
    const actions = await page.getByRole("table", { name: "Audit log, newest first" }).locator("tbody code").allTextContents();
    expect(new Set(actions)).toEqual(new Set(["settings.update"]));
  });
});

test.describe("as a writer", () => {
  test.use({ storageState: STAFF.writer.storageState });

  test("the admin's pages answer 403", async ({ page }) => {
    for (const path of ["/admin/settings", "/admin/sections", "/admin/tags", "/admin/bylines", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    }
  });

  test("the settings action itself refuses a writer, logs it, and changes nothing", async ({ browser }) => {
    // The owner's form, submitted with the writer's session: only the data layer stands in the way.
    const owner = await browser.newContext({ storageState: STAFF.owner.storageState });
    const page = await owner.newPage();
    await page.goto("/admin/settings");
    const before = await inDb((db) => db.siteSettings.findUniqueOrThrow({ where: { id: 1 } }));
    const writerId = await inDb((db) => db.user.findUniqueOrThrow({ where: { email: STAFF.writer.email } }).then((u) => u.id));
    const deniedBefore = await inDb((db) => db.auditLog.count({ where: { action: "permission.denied", actorId: writerId, entityType: "SiteSettings" } }));

    const writerState = JSON.parse(readFileSync(STAFF.writer.storageState, "utf8")) as { cookies: Parameters<typeof owner.addCookies>[0] };
    await owner.clearCookies();
    await owner.addCookies(writerState.cookies);
    await page.getByLabel("Site name", { exact: true }).fill("The Writer's Gazette");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("You do not have permission to do that.");

    const after = await inDb((db) => db.siteSettings.findUniqueOrThrow({ where: { id: 1 } }));
    expect(after).toEqual(before);
    expect(await inDb((db) => db.auditLog.count({ where: { action: "permission.denied", actorId: writerId, entityType: "SiteSettings" } }))).toBe(deniedBefore + 1);
    await owner.close();
  });
});
