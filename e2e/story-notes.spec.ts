// Editorial notes in a real browser: an editor's anchored note, the writer's reply, the editor's resolve, the review
// queue's open-note counts, and none of it on the public page or in the feed.
import { expect, test, type Browser } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const NOTE = "Quokkaverify the ferry timetable with the port authority";
const REPLY = "Checked with the port office this morning";
const HEADLINE = `Harbour Ferries Resume ${Date.now()}`;

async function asRole(browser: Browser, role: "editor" | "writer") {
  const context = await browser.newContext({ storageState: STAFF[role].storageState });
  return { context, page: await context.newPage() };
}

test("an editor's anchored note, the writer's reply, resolve, the review queue's counts; never public", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const slug = `harbour-ferries-resume-${Date.now()}`;
  const id = await withDb(async (db) => {
    const writer = await db.user.findUniqueOrThrow({ where: { email: STAFF.writer.email }, select: { id: true } });
    const story = await db.article.create({
      data: { headline: HEADLINE, slug, status: "IN_REVIEW", body: "Ferries return to the harbour on Monday.\n\nThe timetable runs every forty minutes until midnight.", createdById: writer.id },
      select: { id: true },
    });
    return story.id;
  });

  // The editor leaves a note on the second paragraph.
  const editor = await asRole(browser, "editor");
  await editor.page.goto(`/admin/stories/${id}/history`);
  const panel = editor.page.getByRole("region", { name: /Notes/ });
  await panel.getByLabel("New note").fill(NOTE);
  await panel.getByLabel("About").selectOption({ label: "¶2: The timetable runs every forty minutes until midnight." });
  await panel.getByRole("button", { name: "Add note" }).click();
  const note = panel.getByRole("list", { name: "Open notes" }).getByRole("listitem", { name: `Note by ${STAFF.editor.name}` });
  await expect(note).toContainText(NOTE);
  await expect(note).toContainText("¶2: “The timetable runs every forty minutes until midnight.”");

  // The review queue counts it and shows the latest.
  await editor.page.goto("/admin/review");
  const row = editor.page.getByRole("listitem").filter({ hasText: HEADLINE });
  await expect(row).toContainText("1 open note");
  await expect(row).toContainText(NOTE);

  // The writer sees it on their story and replies; after a reload the reply is still there.
  const writer = await asRole(browser, "writer");
  await writer.page.goto(`/admin/stories/${id}/history`);
  const writerNote = writer.page.getByRole("listitem", { name: `Note by ${STAFF.editor.name}` });
  await expect(writerNote).toContainText(NOTE);
  // The story is in review, out of the writer's hands: they reply but do not resolve.
  await expect(writerNote.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(writerNote.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await writerNote.getByRole("button", { name: "Reply" }).click();
  await writerNote.getByLabel("Your reply").fill(REPLY);
  await writerNote.getByRole("button", { name: "Send reply" }).click();
  await expect(writerNote.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  await writer.page.reload();
  await expect(writer.page.getByRole("listitem", { name: `Note by ${STAFF.editor.name}` }).getByRole("list", { name: "Replies" })).toContainText(REPLY);

  // The editor sees the reply when they come back to the tab, and resolves the note.
  await editor.page.goto(`/admin/stories/${id}/history`);
  const editorNote = editor.page.getByRole("listitem", { name: `Note by ${STAFF.editor.name}` });
  await expect(editorNote).toContainText(REPLY);
  await editorNote.getByRole("button", { name: "Resolve" }).click();
  await expect(editor.page.getByRole("region", { name: /Notes/ })).toContainText("No open notes.");
  await editor.page.reload();
  // The history interleaves the note, the reply and the resolution with the revisions.
  const timeline = editor.page.getByRole("region", { name: /All revisions and notes/ });
  await expect(timeline).toContainText(`Note by ${STAFF.editor.name}: ${NOTE}`);
  await expect(timeline).toContainText(`Reply by ${STAFF.writer.name}: ${REPLY}`);
  await expect(timeline).toContainText(`Resolved by ${STAFF.editor.name}`);

  await editor.page.goto("/admin/review");
  await expect(editor.page.getByRole("listitem").filter({ hasText: HEADLINE })).toContainText("No open notes");

  // Published, the story's page and the site feed carry its words, never the note's.
  await withDb((db) => db.article.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) } }));
  const article = await request.get(`/articles/${slug}`);
  expect(article.status()).toBe(200);
  const html = await article.text();
  expect(html).toContain("every forty minutes");
  expect(html).not.toContain("Quokkaverify");
  expect(html).not.toContain(REPLY);
  const feed = await (await request.get("/feeds/rss.xml")).text();
  expect(feed).not.toContain("Quokkaverify");
  expect(feed).not.toContain(REPLY);

  await withDb((db) => db.article.update({ where: { id }, data: { status: "ARCHIVED" } }));
  await editor.context.close();
  await writer.context.close();
});
