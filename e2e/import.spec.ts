// Import in a real browser: a paste from Google Docs arrives as a ClipboardEvent carrying text/html (as a browser
// delivers it), plain text is typed, the source layout still imports exactly; each shows a preview that the writer
// corrects before "Create draft", and the editor then holds the corrected fields. An unreadable paste gets one
// message and creates nothing.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { GOOGLE_DOCS_HTML } from "../lib/content/import/test-fixtures";
import { STAFF } from "./support/newsroom";
import { SOURCE_HEADLINE, withDb } from "./support/site";

test.use({ storageState: STAFF.writer.storageState });

const GOOGLE_DOCS_TEXT = "Harbour Reopens After Three-Day Storm\n\nShips returned to the quays on Sunday as crews cleared the last of the debris.\n\nThe harbour reopened at dawn…";

async function pasteClipboard(page: Page, data: Record<string, string>) {
  const box = page.getByLabel("Story to import");
  await box.click();
  await box.evaluate((element, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

const articleCount = () => withDb((db) => db.article.count());

async function editorOpened(page: Page): Promise<string> {
  await page.waitForURL((url) => /^\/admin\/stories\/[A-Za-z0-9_-]+$/.test(url.pathname) && url.searchParams.get("imported") === "1");
  await expect(page.getByText("Imported as a draft.")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("a Google Docs paste (text/html on the clipboard) is previewed, corrected and becomes a draft with its formatting", async ({ page }) => {
  await page.goto("/admin/stories/new");
  await pasteClipboard(page, { "text/html": GOOGLE_DOCS_HTML, "text/plain": GOOGLE_DOCS_TEXT });
  await expect(page.getByLabel("Story to import")).toHaveValue(GOOGLE_DOCS_TEXT);
  await expect(page.getByTestId("import-paste-note")).toHaveText(/Formatted text pasted/);

  const before = await articleCount();
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview of the import" });
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId("import-format")).toHaveText("formatted text (HTML), from Google Docs");
  await expect(preview.getByRole("list", { name: "Subheadings" }).getByRole("listitem")).toHaveText(["What Comes Next"]);
  await expect(preview.getByRole("list", { name: "Import warnings" })).toContainText("Left out an image");
  await expect(preview.getByLabel("Imported headline")).toHaveValue("Harbour Reopens After Three-Day Storm");
  await expect(preview.getByLabel("Imported standfirst")).toHaveValue("Ships returned to the quays on Sunday as crews cleared the last of the debris.");
  const body = preview.getByLabel(/Imported body/);
  await expect(body).toHaveValue(/\*\*Forty vessels\*\* were waiting offshore\./);
  await expect(body).not.toHaveValue(/docs-internal|font-weight|google\.com\/url|googleusercontent/);
  // Nothing is stored until "Create draft".
  expect(await articleCount()).toBe(before);

  // The writer fixes the headline and adds a subheading; the preview follows.
  await preview.getByLabel("Imported headline").fill("Harbour Reopens as Forty Ships Return");
  await body.press("ControlOrMeta+End");
  await body.pressSequentially("\n## Looking Ahead\n\nMore sailings from June.");
  await expect(preview.getByRole("list", { name: "Subheadings" }).getByRole("listitem")).toHaveText(["What Comes Next", "Looking Ahead"]);
  await preview.getByRole("button", { name: "Create draft" }).click();

  const id = await editorOpened(page);
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("Harbour Reopens as Forty Ships Return");
  await expect(page.getByLabel("Standfirst", { exact: true })).toHaveValue("Ships returned to the quays on Sunday as crews cleared the last of the debris.");
  const editorBody = page.getByRole("textbox", { name: "Story body" });
  await expect(editorBody.locator("h2")).toHaveText(["What Comes Next", "Looking Ahead"]);
  await expect(editorBody.locator("strong")).toHaveText("Forty vessels");
  await expect(editorBody.getByRole("link", { name: "port’s notices" })).toBeVisible();
  await expect(editorBody.locator("li")).toHaveText(["Ferries resume on Monday", "Cargo by Wednesday"]);

  const row = await withDb((db) => db.article.findUniqueOrThrow({ where: { id }, select: { status: true, body: true, revisions: { select: { reason: true } } } }));
  expect(row.status).toBe("DRAFT");
  expect(row.body).toContain("[port’s notices](https://port.example.org/notices?id=42)");
  expect(row.body).not.toMatch(/docs-internal|span|style=|utm_|google\.com/);
  expect(row.revisions.map((r) => r.reason)).toEqual(["Imported from formatted text (HTML) pasted from Google Docs"]);
  expect(await articleCount()).toBe(before + 1);
});

test("typed plain text is read as headline, byline, standfirst, subheading and paragraphs", async ({ page }) => {
  await page.goto("/admin/stories/new");
  const box = page.getByLabel("Story to import");
  await box.click();
  await page.keyboard.type(
    "Night Buses Return to the Valley\nBy Sam Okafor\n\nThree routes run again from Friday after a two-year pause.\n\nThe council found the money in its transport budget.\n\nWhich Routes\n\nThe 11, 14 and 22 will run hourly until 2am.",
  );
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview of the import" });
  await expect(preview.getByTestId("import-format")).toHaveText("plain text");
  await expect(preview.getByText("Sam Okafor (choose bylines in the editor)")).toBeVisible();
  await expect(preview.getByRole("list", { name: "Subheadings" }).getByRole("listitem")).toHaveText(["Which Routes"]);
  await expect(preview.getByTestId("import-paragraphs")).toHaveText("2");

  // "Start over" goes back to the box with the text kept; a second preview reads it again.
  await preview.getByRole("button", { name: "Start over" }).click();
  await expect(box).toHaveValue(/^Night Buses Return/);
  await page.getByRole("button", { name: "Preview import" }).click();
  await preview.getByLabel("Imported standfirst").fill("Three night routes run again from Friday.");
  await preview.getByRole("button", { name: "Create draft" }).click();

  await editorOpened(page);
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("Night Buses Return to the Valley");
  await expect(page.getByLabel("Standfirst", { exact: true })).toHaveValue("Three night routes run again from Friday.");
  const editorBody = page.getByRole("textbox", { name: "Story body" });
  await expect(editorBody.locator("h2")).toHaveText("Which Routes");
  await expect(editorBody).toContainText("The council found the money in its transport budget.");
  await expect(editorBody).not.toContainText("Sam Okafor");
});

test("the source document's layout still imports exactly", async ({ page }) => {
  await page.goto("/admin/stories/new");
  await page.getByLabel("Story to import").fill(readFileSync("prisma/seed/source-article.txt", "utf8"));
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview of the import" });
  await expect(preview.getByTestId("import-format")).toHaveText("the source document's layout");
  await expect(preview.getByLabel("Imported headline")).toHaveValue(SOURCE_HEADLINE);
  await expect(preview.getByRole("list", { name: "Subheadings" }).getByRole("listitem")).toHaveCount(7);
  await expect(preview.getByTestId("import-paragraphs")).toHaveText("14");
  await preview.getByLabel("Imported headline").fill("Cartel Strikes Weighed (imported copy)");
  await preview.getByRole("button", { name: "Create draft" }).click();
  await editorOpened(page);
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("Cartel Strikes Weighed (imported copy)");
  await expect(page.getByRole("textbox", { name: "Story body" }).locator("h2").first()).toHaveText("Military Strikes: A Controversial Option");
});

test("an unreadable paste gets one clear message and creates nothing", async ({ page }) => {
  const before = await articleCount();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/admin/stories/new");
  const alert = page.getByRole("form", { name: "Import a story" }).getByRole("alert");

  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(alert).toHaveText("There is no text to import. Paste the story into the box.");

  // Only markup: an image and empty paragraphs, as a copied picture arrives.
  await pasteClipboard(page, { "text/html": "<meta charset='utf-8'><div><img src='https://example.com/a.png'><p>&nbsp;</p><p><span style='mso-spacerun:yes'> </span></p></div>" });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(alert).toHaveText(/no text to import, only formatting or images/);

  // Binary junk: a file's bytes pasted as text.
  await page.getByLabel("Story to import").fill("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0002\u0000\ufffd\ufffd\ufffd\ufffd\u0008\u0006\u0000\u0000\u0000\ufffd\ufffdx\ufffd\ufffd IDATx\ufffd\ufffd\ufffd\ufffd");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(alert).toHaveText(/does not look like text/);
  await expect(page.getByRole("region", { name: "Preview of the import" })).toHaveCount(0);

  // A preview corrected into something that cannot be saved is refused in place, keeping the corrections.
  await page.getByLabel("Story to import").fill("Deep Quotes\n\nA standfirst.\n\nA paragraph.");
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview of the import" });
  await preview.getByLabel("Imported headline").fill("");
  await preview.getByLabel(/Imported body/).fill(`${">".repeat(20)} quoted`);
  await preview.getByRole("button", { name: "Create draft" }).click();
  await expect(preview.getByText("Enter a headline.")).toBeVisible();
  await expect(preview.getByText(/nested too deeply/)).toBeVisible();
  await expect(preview.getByLabel(/Imported body/)).toHaveValue(`${">".repeat(20)} quoted`);

  expect(await articleCount()).toBe(before);
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  await expect(page.getByText(/Error:|at \w+ \(/)).toHaveCount(0);
});
