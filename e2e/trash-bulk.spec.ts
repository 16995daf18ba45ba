// Bulk actions on the story list and the trash, as an editor uses them: tick rows with the mouse, move them to a
// section, delete them, find them in the Trash, restore one. And the editor's own "Move to trash".
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const WORD = `Bulkwidget${RUN}`;
const ALPHA = `${WORD} alpha harbour`;
const BETA = `${WORD} beta harbour`;
// The editor's own trash button: stories of their own, so the bulk test's "select all" never ticks them.
const SOLO = `Trashwidget${RUN}`;

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
  await withDb((db) => db.article.deleteMany({ where: { OR: [{ headline: { startsWith: WORD } }, { headline: { startsWith: SOLO } }] } }));
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

test("the editor moves a draft to the trash after a confirm, the list says where it went, and the Trash restores it", async ({ page }) => {
  const headline = `${SOLO} gamma lighthouse`;
  const id = await withDb(async (db) => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } });
    return (await db.article.create({ data: { slug: `solo-trash-${RUN}`, headline, body: "Draft text.", createdById: editor.id, lastEditedById: editor.id }, select: { id: true } })).id;
  });
  await page.goto(`/admin/stories/${id}`);
  const publishing = page.getByRole("region", { name: "Publishing" });
  const trashButton = publishing.getByRole("button", { name: "Move to trash" });

  // Cancel changes nothing.
  await trashButton.click();
  const confirm = page.getByRole("alertdialog", { name: "Move this story to the trash?" });
  await expect(confirm).toContainText("You can restore it from the Trash for 30 days");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await withDb((db) => db.article.findUniqueOrThrow({ where: { id }, select: { deletedAt: true } }))).deletedAt).toBeNull();

  await trashButton.click();
  await confirm.getByRole("button", { name: "Yes, move to trash" }).click();
  await expect(page).toHaveURL(/\/admin\/stories\?trashed=/);
  const notice = page.getByRole("status").filter({ hasText: "is in the trash" });
  await expect(notice).toHaveText(`“${headline}” is in the trash. You can restore it from the Trash for 30 days.`);

  // Gone from the list, in the Trash (reached from the notice's link), and back after Restore.
  await page.goto(`/admin/stories?q=${SOLO}`);
  await expect(page.getByRole("link", { name: headline })).toHaveCount(0);
  await page.goBack();
  await notice.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  const trash = page.getByRole("list", { name: "Stories in the trash" });
  await expect(trash.getByRole("listitem").filter({ hasText: headline })).toBeVisible();
  await trash.getByRole("button", { name: `Restore “${headline}”` }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${headline}” restored.` })).toBeVisible();
  await page.goto(`/admin/stories?q=${SOLO}`);
  await expect(page.getByRole("table", { name: "Stories" }).getByRole("link", { name: headline })).toBeVisible();
  const actions = await withDb(async (db) => (await db.auditLog.findMany({ where: { entityId: id, action: { in: ["article.trash", "article.restoreFromTrash"] } }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action));
  expect(actions).toEqual(["article.trash", "article.restoreFromTrash"]);
});

test("a published or scheduled story's editor says what to do before it can go to the trash", async ({ page }) => {
  const ids = await withDb(async (db) => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } });
    const base = { body: "Text.", standfirst: "A standfirst.", createdById: editor.id, lastEditedById: editor.id };
    const live = await db.article.create({ data: { ...base, slug: `solo-live-${RUN}`, headline: `${SOLO} live story`, status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) }, select: { id: true } });
    const later = await db.article.create({ data: { ...base, slug: `solo-later-${RUN}`, headline: `${SOLO} scheduled story`, status: "SCHEDULED", scheduledAt: new Date(Date.now() + 365 * 24 * 3600_000) }, select: { id: true } });
    return { live: live.id, later: later.id };
  });

  await page.goto(`/admin/stories/${ids.later}`);
  const publishing = page.getByRole("region", { name: "Publishing" });
  await expect(publishing.getByTestId("trash-refusal")).toHaveText(
    "Move to trash: Unschedule this story before deleting it: it is set to go live. Unscheduling puts it back in review, and then it can be deleted.",
  );
  await expect(publishing.getByRole("button", { name: "Move to trash" })).toHaveCount(0);

  await page.goto(`/admin/stories/${ids.live}`);
  await expect(publishing.getByTestId("trash-refusal")).toHaveText("Move to trash: Unpublish this story before deleting it: readers can still see it.");
  await expect(publishing.getByRole("button", { name: "Move to trash" })).toHaveCount(0);
  // Unpublished, it may go (and readers no longer see it).
  await publishing.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Archived", { timeout: 15_000 });
  await expect(publishing.getByTestId("trash-refusal")).toHaveCount(0);
  await expect(publishing.getByRole("button", { name: "Move to trash" })).toBeVisible();
});
