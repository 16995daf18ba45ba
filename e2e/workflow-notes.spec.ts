// "Move back to draft" asks for a note to the writer, in a real browser: without one the story stays in review; with
// one it goes back to draft (after a reload too), and the writer finds the note among the story's editorial notes.
import { expect, test, type Browser } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const NOTE = `Quokkanote: add the harbour master's figures ${Date.now()}`;

async function asRole(browser: Browser, role: "editor" | "writer") {
  const context = await browser.newContext({ storageState: STAFF[role].storageState });
  return { context, page: await context.newPage() };
}

test("sending a story back to draft needs a note, which the writer then reads", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const id = await withDb(async (db) => {
    const writer = await db.user.findUniqueOrThrow({ where: { email: STAFF.writer.email }, select: { id: true } });
    const story = await db.article.create({
      data: { headline: `Harbour Dues Rise ${stamp}`, slug: `harbour-dues-rise-${stamp}`, status: "IN_REVIEW", body: "Dues rise in April.", createdById: writer.id, lastEditedById: writer.id },
      select: { id: true },
    });
    return story.id;
  });

  const editor = await asRole(browser, "editor");
  await editor.page.goto(`/admin/stories/${id}`);
  await expect(editor.page.getByTestId("story-status")).toHaveText("In review");
  await editor.page.getByRole("button", { name: "Move back to draft" }).click();
  const dialog = editor.page.getByRole("dialog", { name: "Move back to draft" });
  // No note: refused with a clear message, nothing changes.
  await dialog.getByRole("button", { name: "Send back to draft" }).click();
  await expect(dialog.getByText(/Write a note to the writer/)).toBeVisible();
  expect(await withDb((db) => db.article.findUniqueOrThrow({ where: { id }, select: { status: true } }))).toEqual({ status: "IN_REVIEW" });

  await dialog.getByLabel(/Note to the writer/).fill(NOTE);
  await dialog.getByRole("button", { name: "Send back to draft" }).click();
  await expect(editor.page.getByTestId("story-status")).toHaveText("Draft");
  await editor.page.reload();
  await expect(editor.page.getByTestId("story-status")).toHaveText("Draft");
  await editor.context.close();

  // The writer reads the note among the story's editorial notes, and can edit the draft again.
  const writer = await asRole(browser, "writer");
  await writer.page.goto(`/admin/stories/${id}/history`);
  await expect(writer.page.getByRole("region", { name: /Notes/ })).toContainText(NOTE);
  await writer.page.goto(`/admin/stories/${id}`);
  await expect(writer.page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await writer.context.close();

  // Stored once, as an editorial note by the editor; never in the story's revisions.
  const stored = await withDb(async (db) => ({
    notes: await db.storyComment.findMany({ where: { articleId: id }, select: { body: true, author: { select: { email: true } } } }),
    inRevisions: await db.revision.count({ where: { articleId: id, OR: [{ body: { contains: "Quokkanote" } }, { reason: { contains: "Quokkanote" } }] } }),
  }));
  expect(stored).toEqual({ notes: [{ body: NOTE, author: { email: STAFF.editor.email } }], inRevisions: 0 });
});
