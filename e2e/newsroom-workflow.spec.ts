// The newsroom's core flow in real browsers: write → submit → publish → on the home page within a second; a writer
// cannot publish by any route; two people editing at once get a conflict, never a lost edit; scheduling; revisions.
import { expect, test, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { e2eDb } from "./support/site";
import { STAFF } from "./support/newsroom";
import { toZonedInput } from "../lib/content/dates";

const NEWSROOM_BYLINE = "BreakingOn Newsroom";

async function as(browser: Browser, account: keyof typeof STAFF): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: STAFF[account].storageState });
  return { context, page: await context.newPage() };
}

async function newDraft(page: Page, headline: string): Promise<string> {
  await page.goto("/admin/stories/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL((url) => /^\/admin\/stories\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  return page.url().split("/").pop()!;
}

async function typeBody(page: Page, text: string) {
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

async function storyRow(id: string) {
  const db = e2eDb();
  try {
    return await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, body: true, headline: true, slug: true, publishedAt: true } });
  } finally {
    await db.$disconnect();
  }
}

test("write, submit for review, publish: the story is on the home page within a second, and a writer cannot publish by any route", async ({ browser }) => {
  const headline = `Harbour Authority Approves Night Ferries ${Date.now()}`;
  const writer = await as(browser, "writer");
  const id = await newDraft(writer.page, headline);

  await typeBody(writer.page, "The harbour authority voted on Tuesday to run ferries through the night.");
  await expect(writer.page.getByTestId("word-count")).toContainText("words");
  await waitSaved(writer.page);
  expect((await storyRow(id)).body).toContain("ferries through the night");

  // Writers see no publish control at all.
  await expect(writer.page.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await writer.page.getByRole("combobox", { name: "Add a byline" }).selectOption({ label: NEWSROOM_BYLINE });
  await writer.page.keyboard.press("ControlOrMeta+s");
  await waitSaved(writer.page);
  await writer.page.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.page.getByTestId("story-status")).toHaveText("In review");

  // The editor finds it in the story and publishes; capture the publish request to replay it as others.
  const editor = await as(browser, "editor");
  await editor.page.goto(`/admin/stories/${id}`);
  await expect(editor.page.getByTestId("story-status")).toHaveText("In review");
  let publishRequest: Request | undefined;
  editor.page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes('"PUBLISHED"')) publishRequest ??= request;
  });

  // First, replay-proofing: hold the editor's click until we have the request, but let it through.
  const published = editor.page.waitForResponse((response) => response.request().method() === "POST" && !!response.request().headers()["next-action"] && response.request().postData()?.includes('"PUBLISHED"') === true);
  await editor.page.getByRole("button", { name: "Publish now" }).click();
  await published;
  const publishedAt = Date.now();
  await expect
    .poll(
      async () => {
        const home = await editor.page.request.get("/");
        return (await home.text()).includes(headline);
      },
      { timeout: 1_000, intervals: [100] },
    )
    .toBe(true);
  expect(Date.now() - publishedAt).toBeLessThan(1_500);
  await expect(editor.page.getByTestId("story-status")).toHaveText("Published");

  // Put it back in review, then replay the captured publish action without a session and with the writer's.
  await editor.page.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.page.getByTestId("story-status")).toHaveText("Archived");
  const before = await storyRow(id);
  expect(publishRequest).toBeDefined();
  const { cookie: _cookie, ...headers } = publishRequest!.headers();
  const body = publishRequest!.postData()!.replace(/"baseVersion":\d+/, `"baseVersion":${before.version}`);

  const anonymous = await browser.newContext();
  const anonymousAnswer = await anonymous.request.post(publishRequest!.url(), { headers, data: body, maxRedirects: 0 });
  expect([303, 307, 401, 403]).toContain(anonymousAnswer.status());
  expect((await storyRow(id)).status).toBe("ARCHIVED");

  const writerAnswer = await writer.context.request.post(publishRequest!.url(), { headers, data: body });
  expect(writerAnswer.status()).toBe(200);
  expect(await writerAnswer.text()).toContain("You cannot");
  const after = await storyRow(id);
  expect(after.status).toBe("ARCHIVED");
  expect(after.version).toBe(before.version);
  const db = e2eDb();
  const denied = await db.auditLog.count({ where: { action: "permission.denied", entityId: id } });
  await db.$disconnect();
  expect(denied).toBeGreaterThan(0);

  await Promise.all([writer.context.close(), editor.context.close(), anonymous.close()]);
});

test("two people changing the same words: the second saver is asked, naming who saved, and no edit is lost", async ({ browser }) => {
  const owner = await as(browser, "owner");
  const id = await newDraft(owner.page, `Council Debates Library Hours ${Date.now()}`);
  const editor = await as(browser, "editor");
  await editor.page.goto(`/admin/stories/${id}`);
  await expect(editor.page.getByTestId("presence")).toContainText(`${STAFF.owner.name} has this story open`, { timeout: 20_000 });

  // Both write the first paragraph of the empty body at once, then both save: the same place, so whoever saves second
  // chooses; everything is kept meanwhile (theirs stored, mine on screen).
  const words = { owner: "Owner's paragraph about opening hours.", editor: "Editor's competing paragraph." };
  await Promise.all([typeBody(owner.page, words.owner), typeBody(editor.page, words.editor)]);
  await Promise.all([owner.page.keyboard.press("ControlOrMeta+s"), editor.page.keyboard.press("ControlOrMeta+s")]);
  const hunks = async () => (await owner.page.getByTestId("merge-hunk").count()) + (await editor.page.getByTestId("merge-hunk").count());
  await expect.poll(hunks, { timeout: 20_000, intervals: [300] }).toBeGreaterThan(0);
  const secondIsEditor = (await editor.page.getByTestId("merge-hunk").count()) > 0;
  const [second, firstName, mine, theirs] = secondIsEditor
    ? [editor, STAFF.owner.name, words.editor, words.owner]
    : [owner, STAFF.editor.name, words.owner, words.editor];
  await expect(second.page.getByTestId("save-state")).toHaveAttribute("data-state", "conflict");
  await expect(second.page.getByRole("alert", { name: "Overlapping changes" })).toContainText(`${firstName} saved this story`);
  expect((await storyRow(id)).body).toContain(theirs);
  expect((await storyRow(id)).body).not.toContain(mine);
  await expect(second.page.getByRole("textbox", { name: "Story body" })).toContainText(mine);

  // Keeping mine stores mine; the choice is gone and the screen is saved.
  await second.page.getByTestId("merge-hunk").first().getByRole("button", { name: "Keep mine" }).click();
  await expect(second.page.getByTestId("merge-hunk")).toHaveCount(0);
  await expect.poll(async () => (await storyRow(id)).body, { timeout: 15_000, intervals: [300] }).toContain(mine);
  await expect(second.page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await Promise.all([owner.context.close(), editor.context.close()]);
});

test("a scheduled story goes live on time with nobody using the newsroom", async ({ browser }) => {
  // Its own byline, so the reader specs' author pages keep the fixture stories they count.
  const db = e2eDb();
  await db.byline.upsert({ where: { slug: "night-desk" }, create: { slug: "night-desk", name: "Night Desk" }, update: {} });
  // "Go live at" is read in the site's time zone, whatever the browser's (one clock).
  const { timeZone } = await db.siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true } });
  await db.$disconnect();
  const editor = await as(browser, "editor");
  const headline = `Night Market Opens On Schedule ${Date.now()}`;
  const id = await newDraft(editor.page, headline);
  await typeBody(editor.page, "Stalls open at dusk.");
  await editor.page.getByRole("combobox", { name: "Add a byline" }).selectOption({ label: "Night Desk" });
  await editor.page.keyboard.press("ControlOrMeta+s");
  await waitSaved(editor.page);
  const due = new Date(Date.now() + 6_000);
  const local = `${toZonedInput(due, timeZone)}:${String(due.getUTCSeconds()).padStart(2, "0")}`;
  await editor.page.getByLabel("Go live at").fill(local);
  await editor.page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(editor.page.getByTestId("story-status")).toHaveText("Scheduled");
  await editor.context.close();

  const reader = await browser.newContext();
  await expect.poll(async () => (await (await reader.request.get("/")).text()).includes(headline), { timeout: 20_000, intervals: [500] }).toBe(true);
  const row = await storyRow(id);
  expect(row.status).toBe("PUBLISHED");
  expect(Math.abs(row.publishedAt!.getTime() - due.getTime())).toBeLessThan(2_000);
  await reader.close();
});

test("history shows a side-by-side diff and restores an old revision as a new one; preview is staff-only", async ({ browser }) => {
  const editor = await as(browser, "editor");
  const id = await newDraft(editor.page, `Bridge Repairs Begin ${Date.now()}`);
  await typeBody(editor.page, "Crews arrive on Monday.");
  await editor.page.keyboard.press("ControlOrMeta+s");
  await waitSaved(editor.page);
  await typeBody(editor.page, " Work lasts six weeks.");
  await editor.page.keyboard.press("ControlOrMeta+s");
  await waitSaved(editor.page);

  await editor.page.getByRole("link", { name: "History" }).click();
  await expect(editor.page.getByRole("heading", { name: /^History:/ })).toBeVisible();
  await expect(editor.page.locator("ins", { hasText: "six" })).toBeVisible();
  const versionBefore = (await storyRow(id)).version;
  const oldest = editor.page.getByRole("listitem").filter({ hasText: "Created" });
  await oldest.getByRole("button", { name: /Restore version/ }).click();
  await expect(editor.page).toHaveURL(new RegExp(`/admin/stories/${id}\\?restored=1`));
  const restored = await storyRow(id);
  expect(restored.body.trim()).toBe("");
  expect(restored.version).toBe(versionBefore + 1);
  const db = e2eDb();
  const reasons = (await db.revision.findMany({ where: { articleId: id }, orderBy: { createdAt: "asc" }, select: { reason: true } })).map((r) => r.reason);
  await db.$disconnect();
  expect(reasons[0]).toBe("Created");
  expect(reasons.at(-1)).toMatch(/^Restored version 1/);

  // Preview: the draft as readers would see it, for staff only.
  await editor.page.goto(`/api/preview?id=${id}`);
  await expect(editor.page).toHaveURL(new RegExp(`/preview/${id}$`));
  await expect(editor.page.getByRole("heading", { level: 1 })).toContainText("Bridge Repairs Begin");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/preview?id=${id}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await anonymous.request.get(`/preview/${id}`)).status()).toBe(404);
  await Promise.all([editor.context.close(), anonymous.close()]);
});
