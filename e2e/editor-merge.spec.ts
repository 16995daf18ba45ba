// Two people, one story: both type at once (keyboard and toolbar) in different paragraphs and both keep every
// character with no dialog; typing in the same sentence gets the hunk choice, and what is chosen is what is stored.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eDb } from "./support/site";
import { STAFF } from "./support/newsroom";

test.describe.configure({ mode: "serial" });
test.setTimeout(150_000);

async function as(browser: Browser, account: keyof typeof STAFF): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: STAFF[account].storageState });
  return { context, page: await context.newPage() };
}

async function newDraft(page: Page, headline: string): Promise<string> {
  await page.goto("/admin/stories/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL((url) => /^\/admin\/stories\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  return page.url().split("/").pop()!;
}

const body = (page: Page) => page.getByRole("textbox", { name: "Story body" });
const saveState = (page: Page) => page.getByTestId("save-state");

async function storedBody(id: string): Promise<string> {
  const db = e2eDb();
  try {
    return (await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  } finally {
    await db.$disconnect();
  }
}

/** Puts the caret at the end of the body's nth paragraph. */
async function caretAtEndOf(page: Page, paragraph: number) {
  await body(page).locator("p").nth(paragraph).click();
  await page.keyboard.press("End");
}

test("two editors typing in different paragraphs both keep every word, with no dialog; the same sentence asks which to keep", async ({ browser }) => {
  const owner = await as(browser, "owner");
  const editor = await as(browser, "editor");
  const id = await newDraft(owner.page, `Two Desks One Story ${Date.now()}`);
  await body(owner.page).click();
  await owner.page.keyboard.type("Alpha paragraph opens.");
  await owner.page.keyboard.press("Enter");
  await owner.page.keyboard.type("Bravo paragraph follows.");
  await owner.page.keyboard.press("Enter");
  await owner.page.keyboard.type("Charlie paragraph ends.");
  await owner.page.keyboard.press("ControlOrMeta+s");
  await expect(saveState(owner.page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

  await editor.page.goto(`/admin/stories/${id}`);
  await expect(body(editor.page)).toContainText("Charlie paragraph ends.");
  await expect(owner.page.getByTestId("presence")).toContainText(`${STAFF.editor.name} has this story open`, { timeout: 15_000 });

  // Both type at the same time, with pauses long enough for autosave to run mid-way, and a toolbar button each.
  await caretAtEndOf(owner.page, 0);
  await caretAtEndOf(editor.page, 2);
  const ownerTypes = async () => {
    await owner.page.keyboard.type(" Owner adds a line", { delay: 40 });
    await owner.page.waitForTimeout(2600);
    await owner.page.getByRole("button", { name: "Bold" }).click();
    await owner.page.keyboard.type(" in bold", { delay: 40 });
    await owner.page.getByRole("button", { name: "Bold" }).click();
    await owner.page.keyboard.type(" then more.", { delay: 40 });
  };
  const editorTypes = async () => {
    await editor.page.keyboard.type(" Editor adds café ☕ notes", { delay: 40 });
    await expect(owner.page.getByTestId("presence")).toContainText(`${STAFF.editor.name} is typing…`, { timeout: 15_000 });
    await editor.page.waitForTimeout(2600);
    await editor.page.getByRole("button", { name: "Italic" }).click();
    await editor.page.keyboard.type(" slanted", { delay: 40 });
    await editor.page.getByRole("button", { name: "Italic" }).click();
    await editor.page.keyboard.type(" to finish.", { delay: 40 });
  };
  await Promise.all([ownerTypes(), editorTypes()]);

  const ownerText = /Alpha paragraph opens\. Owner adds a line\s+\*\*in bold\*\*\s+then more\./;
  const editorText = /Charlie paragraph ends\. Editor adds café ☕ notes\s+\*slanted\*\s+to finish\./;
  await expect.poll(() => storedBody(id), { timeout: 30_000, intervals: [500] }).toMatch(ownerText);
  await expect.poll(() => storedBody(id), { timeout: 30_000, intervals: [500] }).toMatch(editorText);
  for (const page of [owner.page, editor.page]) {
    await expect(page.getByTestId("merge-hunk")).toHaveCount(0);
    await expect(page.getByRole("dialog")).toHaveCount(0);
  }
  // Each screen ends up with the other's words too (the second saver merged; the first takes it in on a heartbeat).
  for (const page of [owner.page, editor.page]) {
    await expect(body(page)).toContainText("Owner adds a line in bold then more.", { timeout: 15_000 });
    await expect(body(page)).toContainText("Editor adds café ☕ notes slanted to finish.", { timeout: 15_000 });
  }
  await expect(saveState(owner.page)).not.toHaveAttribute("data-state", "dirty", { timeout: 10_000 });
  await expect(saveState(editor.page)).not.toHaveAttribute("data-state", "dirty", { timeout: 10_000 });

  // Now both type into the same sentence at once: whoever saves second is asked, hunk by hunk.
  await caretAtEndOf(owner.page, 1);
  await caretAtEndOf(editor.page, 1);
  await Promise.all([owner.page.keyboard.type(" Owner ending.", { delay: 30 }), editor.page.keyboard.type(" Editor ending.", { delay: 30 })]);
  await owner.page.keyboard.press("ControlOrMeta+s");
  const hunks = async () => (await owner.page.getByTestId("merge-hunk").count()) + (await editor.page.getByTestId("merge-hunk").count());
  await expect.poll(hunks, { timeout: 20_000, intervals: [300] }).toBeGreaterThan(0);
  const second = (await editor.page.getByTestId("merge-hunk").count()) > 0 ? editor : owner;
  const mineWords = second === editor ? "Editor ending." : "Owner ending.";
  const theirWords = second === editor ? "Owner ending." : "Editor ending.";
  const hunk = second.page.getByTestId("merge-hunk").first();
  await expect(hunk.getByTestId("hunk-mine")).toContainText(mineWords);
  await expect(hunk.getByTestId("hunk-theirs")).toContainText(theirWords);
  // Neither side is lost while the choice waits: theirs is stored, mine is still on screen.
  expect(await storedBody(id)).toContain(theirWords);
  await expect(body(second.page)).toContainText(mineWords);

  await hunk.getByRole("button", { name: "Edit both" }).click();
  const box = hunk.getByRole("textbox", { name: "Your text for this change" });
  await expect(box).toHaveValue(new RegExp(`${mineWords.replace(".", "\\.")}[\\s\\S]*${theirWords.replace(".", "\\.")}`));
  await box.fill("Bravo paragraph follows. Both desks agree on this ending.");
  await hunk.getByRole("button", { name: "Use this text" }).click();
  await expect(second.page.getByTestId("merge-hunk")).toHaveCount(0);
  await expect.poll(() => storedBody(id), { timeout: 15_000, intervals: [300] }).toContain("Both desks agree on this ending.");
  const stored = await storedBody(id);
  expect(stored).not.toContain("Owner ending.");
  expect(stored).not.toContain("Editor ending.");
  expect(stored).toMatch(ownerText);
  expect(stored).toMatch(editorText);

  // A reload shows the merged story.
  for (const page of [owner.page, editor.page]) {
    await page.reload();
    await expect(body(page)).toContainText("Both desks agree on this ending.");
    await expect(body(page)).toContainText("Owner adds a line in bold then more.");
    await expect(body(page)).toContainText("Editor adds café ☕ notes slanted to finish.");
  }
  await Promise.all([owner.context.close(), editor.context.close()]);
});

test("a headline both changed asks which to keep; the other fields merge on their own", async ({ browser }) => {
  const owner = await as(browser, "owner");
  const editor = await as(browser, "editor");
  const id = await newDraft(owner.page, `Council Meets Tonight ${Date.now()}`);
  await editor.page.goto(`/admin/stories/${id}`);
  await expect(editor.page.getByLabel("Headline")).toHaveValue(/Council Meets Tonight/);

  // Both change the headline at once, and one other field each; then both save.
  await Promise.all([
    (async () => {
      await owner.page.getByLabel("Headline").fill("Council Votes Tonight");
      await owner.page.getByLabel("Standfirst").fill("The owner's standfirst.");
    })(),
    (async () => {
      await editor.page.getByLabel("Headline").fill("Council Debates Tonight");
      await editor.page.getByLabel("SEO title").fill("Editor's SEO title");
    })(),
  ]);
  await Promise.all([owner.page.keyboard.press("ControlOrMeta+s"), editor.page.keyboard.press("ControlOrMeta+s")]);
  const hunks = async () => (await owner.page.getByTestId("merge-hunk").count()) + (await editor.page.getByTestId("merge-hunk").count());
  await expect.poll(hunks, { timeout: 15_000, intervals: [300] }).toBe(1);
  const second = (await editor.page.getByTestId("merge-hunk").count()) > 0 ? editor : owner;
  const first = second === editor ? owner : editor;
  const theirs = second === editor ? "Council Votes Tonight" : "Council Debates Tonight";
  const hunk = second.page.getByTestId("merge-hunk");
  await expect(hunk).toHaveAccessibleName(/Headline/);
  // The other side's standfirst or SEO title is already merged in on screen while the headline waits.
  if (second === editor) await expect(editor.page.getByLabel("Standfirst")).toHaveValue("The owner's standfirst.");
  else await expect(owner.page.getByLabel("SEO title")).toHaveValue("Editor's SEO title");
  await hunk.getByRole("button", { name: "Keep theirs" }).click();
  await expect(saveState(second.page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  const db = e2eDb();
  const row = await db.article.findUniqueOrThrow({ where: { id }, select: { headline: true, standfirst: true, seoTitle: true } });
  await db.$disconnect();
  expect(row).toEqual({ headline: theirs, standfirst: "The owner's standfirst.", seoTitle: "Editor's SEO title" });
  await expect(second.page.getByLabel("Headline")).toHaveValue(theirs);
  // The first saver takes the merged story in on its next heartbeat.
  await expect(first.page.getByLabel("SEO title")).toHaveValue("Editor's SEO title", { timeout: 15_000 });
  await expect(first.page.getByLabel("Standfirst")).toHaveValue("The owner's standfirst.");
  await Promise.all([owner.context.close(), editor.context.close()]);
});
