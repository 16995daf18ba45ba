// Bulk actions on the story list and the trash, as an editor uses them: tick rows with the mouse, move them to a
// section, delete them, find them in the Trash, restore one.
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const WORD = `Bulkwidget${RUN}`;
const ALPHA = `${WORD} alpha harbour`;
const BETA = `${WORD} beta harbour`;

test.use({ storageState: STAFF.editor.storageState });

test.beforeAll(async () => {
  await withDb(async (db) => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } });
    for (const [index, headline] of [ALPHA, BETA].entries()) {
      await db.article.create({ data: { slug: `bulk-${RUN}-${index}`, headline, body: "Draft text.", createdById: editor.id, lastEditedById: editor.id } });
    }
  });
});

// Other specs count every story: what this one made goes again, trashed or not.
test.afterAll(async () => {
  await withDb((db) => db.article.deleteMany({ where: { headline: { startsWith: WORD } } }));
});

test("select two drafts, move them to a section, delete them, find them in the Trash and restore one", async ({ page }) => {
  await page.goto(`/admin/stories?q=${WORD}`);
  const table = page.getByRole("table", { name: "Stories" });
  await expect(table.getByRole("link", { name: ALPHA })).toBeVisible();
  await expect(table.getByRole("link", { name: BETA })).toBeVisible();

  // Nothing ticked: the bar says what to do, and nothing changes.
  await page.getByRole("button", { name: "Move to section" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Select at least one story first" })).toBeVisible();

  await page.getByRole("checkbox", { name: `Select “${ALPHA}”` }).click();
  await page.getByRole("checkbox", { name: `Select “${BETA}”` }).click();
  await page.getByLabel("Section for the selected stories").selectOption({ label: "World" });
  await page.getByRole("button", { name: "Move to section" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 moved." })).toBeVisible();
  await page.reload();
  for (const headline of [ALPHA, BETA]) await expect(table.getByRole("row").filter({ hasText: headline })).toContainText("World");
  expect(await withDb((db) => db.article.findMany({ where: { headline: { startsWith: WORD } }, select: { section: { select: { slug: true } } } }))).toEqual([
    { section: { slug: "world" } },
    { section: { slug: "world" } },
  ]);

  // "Select all on this page" ticks both; Delete moves them to the trash and off the list.
  await page.getByRole("checkbox", { name: "Select all stories on this page" }).click();
  await expect(page.getByRole("checkbox", { name: `Select “${ALPHA}”` })).toBeChecked();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 moved to the trash." })).toBeVisible();
  await page.reload();
  await expect(table.getByRole("link", { name: ALPHA })).toHaveCount(0);
  await expect(page.getByText(ALPHA)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  const trash = page.getByRole("list", { name: "Stories in the trash" });
  await expect(trash.getByRole("listitem").filter({ hasText: ALPHA })).toBeVisible();
  await expect(trash.getByRole("listitem").filter({ hasText: BETA })).toBeVisible();
  await trash.getByRole("button", { name: `Restore “${ALPHA}”` }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${ALPHA}” restored.` })).toBeVisible();
  await page.reload();
  await expect(trash.getByRole("listitem").filter({ hasText: ALPHA })).toHaveCount(0);
  await expect(trash.getByRole("listitem").filter({ hasText: BETA })).toBeVisible();

  await page.goto(`/admin/stories?q=${WORD}`);
  await expect(table.getByRole("link", { name: ALPHA })).toBeVisible();
  await expect(table.getByRole("link", { name: BETA })).toHaveCount(0);
  const actions = await withDb(async (db) => {
    const ids = (await db.article.findMany({ where: { headline: { startsWith: WORD } }, select: { id: true } })).map((a) => a.id);
    return (await db.auditLog.findMany({ where: { entityId: { in: ids }, action: { in: ["article.trash", "article.restoreFromTrash"] } }, select: { action: true } })).map((a) => a.action).sort();
  });
  expect(actions).toEqual(["article.restoreFromTrash", "article.trash", "article.trash"]);
});
