// A live coverage end to end (#12 §1, §2): an editor marks a story live and starts it, a writer bylined on it and the
// editor post entries from the live desk, readers in other browser contexts see "N new updates" appear within 10 s
// without reloading and bring them in with a click, an entry's permalink opens the page at it, and ending the
// coverage shows "Coverage has ended" and refuses new entries. One entry carries two bylines, ticked with the mouse in
// the composer, and readers see both ("By A and B").
import { expect, test, type Browser, type Page } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

// The default poll interval is 10 s; a new entry must be on screen within it (plus the page's own render).
const WITHIN = 12_000;

async function asRole(browser: Browser, role: "editor" | "writer") {
  const context = await browser.newContext({ storageState: STAFF[role].storageState });
  return { context, page: await context.newPage() };
}

async function postEntry(page: Page, title: string, body: string, { keyEvent = false, addBylines = [] as string[] } = {}) {
  const desk = page.getByRole("region", { name: "Live coverage" });
  await desk.getByLabel("Entry title").fill(title);
  const bylines = desk.getByRole("group", { name: "Bylines" });
  for (const name of addBylines) {
    await bylines.getByText(name, { exact: true }).click();
    await expect(bylines.getByRole("checkbox", { name })).toBeChecked();
  }
  await desk.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type(body);
  if (keyEvent) await desk.getByLabel("Key event").check();
  await desk.getByRole("button", { name: "Post entry" }).click();
  await expect(desk.getByText("Entry posted.")).toBeVisible();
  await expect(desk.getByRole("list", { name: "Posted entries" })).toContainText(title);
}

test("two staff accounts post; readers see the entries appear without reloading; the coverage ends", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const slug = `storm-live-${stamp}`;
  const headline = `Storm Hits the Coast: Live ${stamp}`;
  const guest = `Gale Guest ${stamp}`;
  const { id, writerName } = await withDb(async (db) => {
    const [editor, writer] = await Promise.all(
      [STAFF.editor, STAFF.writer].map((account) => db.user.findUniqueOrThrow({ where: { email: account.email }, select: { id: true, name: true } })),
    );
    const byline = await db.byline.upsert({ where: { userId: writer.id }, create: { slug: `wren-writer-${stamp}`, name: writer.name, userId: writer.id }, update: {}, select: { id: true, name: true } });
    // A contributor without an account, to share the writer's entry.
    await db.byline.create({ data: { slug: `gale-guest-${stamp}`, name: guest } });
    const story = await db.article.create({
      data: {
        headline,
        slug,
        standfirst: "Follow the storm as it happens.",
        body: "The storm reached the coast this morning.",
        status: "PUBLISHED",
        publishedAt: new Date(Date.now() - 60_000),
        createdById: editor.id,
        bylines: { create: [{ bylineId: byline.id, position: 0 }] },
      },
      select: { id: true },
    });
    return { id: story.id, writerName: byline.name };
  });

  // The editor marks it as live coverage and starts it.
  const editor = await asRole(browser, "editor");
  await editor.page.goto(`/admin/stories/${id}`);
  const desk = editor.page.getByRole("region", { name: "Live coverage" });
  // A controlled switch: it shows the stored state once the action has answered.
  await desk.getByRole("switch", { name: "Live coverage" }).click();
  await expect(desk.getByRole("switch", { name: "Live coverage" })).toBeChecked();
  await desk.getByRole("button", { name: "Start coverage" }).click();
  await expect(desk.getByText(/Live since/)).toBeVisible();

  // Two readers open the page: live, no entries yet.
  const readers = await Promise.all([browser.newContext(), browser.newContext()]);
  const [alice, bob] = await Promise.all(readers.map((context) => context.newPage()));
  for (const reader of [alice, bob]) {
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByText("Live", { exact: true })).toBeVisible();
    await expect(reader.getByText("No updates yet.")).toBeVisible();
  }
  const ld = await alice.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(ld!)).toMatchObject({ "@type": "LiveBlogPosting", headline, coverageStartTime: expect.any(String), liveBlogUpdate: [] });
  await alice.evaluate(() => ((window as unknown as { marker: string }).marker = "not reloaded"));

  // The writer, bylined on the coverage, posts from the live desk alone.
  const writer = await asRole(browser, "writer");
  await writer.page.goto(`/admin/stories/${id}/live`);
  // Their own byline is ticked already; they add the guest's with a click, so the entry carries both, in that order.
  await expect(writer.page.getByRole("group", { name: "Bylines" }).getByRole("checkbox", { name: writerName, exact: true })).toBeChecked();
  await postEntry(writer.page, "Winds reach 120 km/h", "Gusts brought down trees along the promenade.", { addBylines: [guest] });

  // Within the poll interval both readers are told, without the page moving or reloading.
  const notice = alice.getByRole("button", { name: "1 new update" });
  await expect(notice).toBeVisible({ timeout: WITHIN });
  await expect(bob.getByRole("button", { name: "1 new update" })).toBeVisible({ timeout: WITHIN });
  await expect(alice.getByRole("heading", { name: "Winds reach 120 km/h" })).toHaveCount(0);
  await notice.click();
  await expect(alice.getByRole("heading", { name: "Winds reach 120 km/h" })).toBeVisible();
  await expect(alice.getByText("Gusts brought down trees along the promenade.")).toBeVisible();
  await expect(alice.locator("[data-entry-id]").filter({ hasText: "Winds reach 120 km/h" })).toContainText(`By ${writerName} and ${guest}`);
  expect(await alice.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("not reloaded");
  await expect(notice).toHaveCount(0);

  // The editor posts a key event; it is in the "Key events" list once brought in.
  await editor.page.goto(`/admin/stories/${id}/live`);
  await postEntry(editor.page, "Evacuation ordered for the harbour", "Residents have until noon to leave.", { keyEvent: true });
  await expect(alice.getByRole("button", { name: "1 new update" })).toBeVisible({ timeout: WITHIN });
  const bobNotice = bob.getByRole("button", { name: "2 new updates" });
  await expect(bobNotice).toBeVisible({ timeout: WITHIN });
  await bobNotice.click();
  const keyEvents = bob.getByRole("navigation", { name: "Key events" });
  await expect(keyEvents.getByRole("link", { name: "Evacuation ordered for the harbour" })).toBeVisible();
  const river = bob.getByRole("region", { name: "Latest updates" });
  const titles = river.locator("[data-entry-id] h2");
  await expect(titles).toHaveText(["Evacuation ordered for the harbour", "Winds reach 120 km/h"]);

  // Oldest first, on request.
  await river.getByRole("button", { name: "Oldest first" }).click();
  await expect(titles).toHaveText(["Winds reach 120 km/h", "Evacuation ordered for the harbour"]);

  // Each entry has a permalink that opens the page at it.
  const entryId = await bob.locator("[data-entry-id]").filter({ hasText: "Winds reach 120 km/h" }).getAttribute("data-entry-id");
  const visitor = await browser.newContext({ viewport: { width: 390, height: 700 } });
  const linked = await visitor.newPage();
  await linked.goto(`/articles/${slug}#entry-${entryId}`);
  await expect(linked.locator(`#entry-${entryId}`)).toBeInViewport();

  // The editor ends the coverage: readers see "Coverage has ended" by themselves, and new entries are refused.
  await editor.page.goto(`/admin/stories/${id}`);
  await desk.getByRole("button", { name: "End coverage" }).click();
  await expect(desk.locator(`[data-coverage-state="ended"]`)).toBeVisible();
  // The open page brings the end in by itself, within the poll interval (live-updates-notice.tsx): no reload.
  await expect(alice.getByText("Coverage has ended")).toBeVisible({ timeout: 25_000 });
  expect(await alice.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("not reloaded");
  await expect(alice.getByText("Live", { exact: true })).toHaveCount(0);
  await writer.page.reload();
  await expect(writer.page.getByText("The coverage has ended: no more entries can be posted.")).toBeVisible();
  await expect(writer.page.getByRole("button", { name: "Post entry" })).toHaveCount(0);
  const ended = JSON.parse((await linked.reload().then(() => linked.locator('script[type="application/ld+json"]').first().textContent()))!);
  expect(ended).toMatchObject({ "@type": "LiveBlogPosting", coverageEndTime: expect.any(String) });
  expect(ended.liveBlogUpdate.map((update: { headline: string }) => update.headline)).toEqual(["Evacuation ordered for the harbour", "Winds reach 120 km/h"]);

  for (const context of [editor.context, writer.context, visitor, ...readers]) await context.close();
});

test("a writer not bylined on a coverage cannot open its live desk", async ({ browser }) => {
  const stamp = Date.now();
  const id = await withDb(async (db) => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } });
    const story = await db.article.create({ data: { headline: `Other Live ${stamp}`, slug: `other-live-${stamp}`, status: "PUBLISHED", publishedAt: new Date(), createdById: editor.id, liveCoverage: true }, select: { id: true } });
    return story.id;
  });
  const writer = await asRole(browser, "writer");
  const response = await writer.page.goto(`/admin/stories/${id}/live`);
  expect(response?.status()).toBe(404);
  await writer.context.close();
});
