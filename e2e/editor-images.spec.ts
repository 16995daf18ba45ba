// Images where you write: pasted, dropped or uploaded into the story body, described at once (alt text, caption,
// credit), edited on the selected image, and shown to readers and feeds as a figure with a caption and credit.
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
let serial = 0;

test.use({ storageState: STAFF.editor.storageState });

/** A draft owned by the editor with a section and a byline, so it can be published (set-up only). */
async function draft(body: string): Promise<{ id: string; slug: string; headline: string }> {
  serial += 1;
  const slug = `editor-images-${RUN}-${serial}`;
  const headline = `Images where you write ${RUN} ${serial}`;
  return withDb(async (db) => {
    const [editor, section, byline] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } }),
      // Technology and a byline of its own, like the other publishing specs: the reader and sitemap specs count the
      // seeded World section's and the newsroom byline's stories.
      db.section.findUniqueOrThrow({ where: { slug: "technology" }, select: { id: true } }),
      db.byline.upsert({ where: { slug: "picture-desk" }, create: { slug: "picture-desk", name: "Picture Desk" }, update: {}, select: { id: true } }),
    ]);
    const story = await db.article.create({
      data: { slug, headline, standfirst: "A standfirst.", body, sectionId: section.id, createdById: editor.id, bylines: { create: [{ bylineId: byline.id, position: 0 }] } },
      select: { id: true },
    });
    return { id: story.id, slug, headline };
  });
}

const square = (color: { r: number; g: number; b: number }) => sharp({ create: { width: 320, height: 200, channels: 3, background: color } }).png().toBuffer();

async function open(page: Page, id: string): Promise<Locator> {
  await page.goto(`/admin/stories/${id}`);
  const body = page.getByRole("textbox", { name: "Story body" });
  await expect(body).toBeVisible();
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  return body;
}

/** Pastes a file into the body the way the browser does: a ClipboardEvent whose clipboardData carries the file. */
async function pasteFile(body: Locator, file: { name: string; type: string; bytes: Buffer }) {
  await body.evaluate(
    (element, { name, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name: file.name, type: file.type, base64: file.bytes.toString("base64") },
  );
}

/** Drops a file onto the middle of `target` inside the body. */
async function dropFile(body: Locator, target: Locator, file: { name: string; type: string; bytes: Buffer }) {
  const box = (await target.boundingBox())!;
  await body.evaluate(
    (element, { name, type, base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type }));
      element.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      element.dispatchEvent(new DragEvent("drop", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { name: file.name, type: file.type, base64: file.bytes.toString("base64"), x: box.x + box.width - 2, y: box.y + box.height / 2 },
  );
}

const saveState = (page: Page) => page.getByTestId("save-state");

test("paste and drop images into a story, describe them, and readers and feeds get figures with captions and credits", async ({ page }) => {
  const story = await draft("First paragraph here.\n\nSecond paragraph here.");
  const body = await open(page, story.id);

  // Paste: the cursor at the end of the first paragraph, then a pasted PNG.
  await body.getByText("First paragraph here.").click();
  await page.keyboard.press("End");
  await pasteFile(body, { name: `pasted-${RUN}.png`, type: "image/png", bytes: await square({ r: 200, g: 30, b: 30 }) });
  const dialog = page.getByRole("dialog", { name: "Describe the image you added" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  // Mouse for the alt text, keyboard from there on.
  await dialog.getByLabel("Alt text").click();
  await page.keyboard.type("A red square");
  await page.keyboard.press("Tab");
  await page.keyboard.type("The pasted square");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Pat Paste/Agency");
  await expect(dialog.getByLabel("Also save to library")).toBeChecked();
  await dialog.getByRole("button", { name: "Save image details" }).click();
  await expect(dialog).toBeHidden();
  await expect(body.locator("figure").first().locator("figcaption")).toHaveText("The pasted square Pat Paste/Agency");

  // Drop: another image onto the second paragraph.
  await dropFile(body, body.getByText("Second paragraph here."), { name: `dropped-${RUN}.png`, type: "image/png", bytes: await square({ r: 30, g: 160, b: 60 }) });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await dialog.getByLabel("Alt text").fill("A green square");
  await dialog.getByLabel("Caption").fill('The dropped "square" <b>bold?</b>');
  await dialog.getByLabel("Credit").fill("Dee Drop");
  await dialog.getByRole("button", { name: "Save image details" }).click();
  await expect(dialog).toBeHidden();
  await expect(body.locator("figure")).toHaveCount(2);

  // Both uploads went through the library with their details (also saved there, as ticked).
  const media = await withDb((db) => db.media.findMany({ where: { originalName: { in: [`pasted-${RUN}.png`, `dropped-${RUN}.png`] } }, select: { alt: true, caption: true, credit: true }, orderBy: { originalName: "desc" } }));
  expect(media).toEqual([
    { alt: "A red square", caption: "The pasted square", credit: "Pat Paste/Agency" },
    { alt: "A green square", caption: 'The dropped "square" <b>bold?</b>', credit: "Dee Drop" },
  ]);

  // Saved, then still there after a reload.
  await page.keyboard.press("ControlOrMeta+s");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  const stored = await withDb(async (db) => (await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { body: true } })).body);
  expect(stored).toContain('"The pasted square — Pat Paste/Agency")');
  expect(stored).toContain('"The dropped \\"square\\" <b>bold?</b> — Dee Drop")');
  const reloaded = await open(page, story.id);
  const figures = reloaded.locator("figure");
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0).locator("img")).toHaveAttribute("alt", "A red square");
  await expect(figures.nth(0).locator("figcaption .credit")).toHaveText("Pat Paste/Agency");
  await expect(figures.nth(1).locator("figcaption")).toHaveText('The dropped "square" <b>bold?</b> Dee Drop');

  // Edit one use's caption on the selected image, without changing the library's default.
  await figures.nth(0).locator("img").click();
  await page.getByRole("button", { name: "Image details" }).click();
  const details = page.getByRole("dialog", { name: "Image details" });
  await expect(details.getByLabel("Also save to library")).not.toBeChecked();
  await details.getByLabel("Caption").fill("The pasted square, recaptioned");
  await details.getByRole("button", { name: "Save image details" }).click();
  await expect(details).toBeHidden();
  await expect(figures.nth(0).locator("figcaption")).toHaveText("The pasted square, recaptioned Pat Paste/Agency");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  expect((await withDb((db) => db.media.findFirstOrThrow({ where: { originalName: `pasted-${RUN}.png` } }))).caption).toBe("The pasted square");

  // Published: the article shows figures with captions and credits, escaped; the feed carries the figure.
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published", { timeout: 15_000 });
  await page.goto(`/articles/${story.slug}`);
  const article = page.locator("article");
  const published = article.locator("figure");
  await expect(published).toHaveCount(2);
  await expect(published.nth(0).locator("img")).toHaveAttribute("alt", "A red square");
  await expect(published.nth(0).locator("figcaption")).toHaveText("The pasted square, recaptioned Pat Paste/Agency");
  await expect(published.nth(0).locator("figcaption span.credit")).toHaveText("Pat Paste/Agency");
  await expect(published.nth(1).locator("figcaption")).toHaveText('The dropped "square" <b>bold?</b> Dee Drop');
  await expect(article.locator("figcaption b")).toHaveCount(0);

  const feed = await (await page.request.get("/feeds/rss.xml")).text();
  const item = feed.slice(feed.indexOf(story.headline));
  expect(item).toMatch(/&lt;figure&gt;&lt;img src="http[^"]+\/media\/[^"]+" alt="A red square"&gt;&lt;figcaption&gt;The pasted square, recaptioned &lt;span class="credit"&gt;Pat Paste\/Agency&lt;\/span&gt;&lt;\/figcaption&gt;&lt;\/figure&gt;|<figure><img src="http[^"]+\/media\/[^"]+" alt="A red square"><figcaption>The pasted square, recaptioned <span class="credit">Pat Paste\/Agency<\/span><\/figcaption><\/figure>/);
});

test("the image picker lists an image uploaded since the editor opened, uploads from the picker, and refuses a non-image clearly", async ({ page, browser }) => {
  const story = await draft("Only paragraph.");
  const body = await open(page, story.id);

  // Uploaded elsewhere (the media page in another tab) after this editor opened.
  const name = `elsewhere-${RUN}.png`;
  const other = await browser.newContext({ storageState: STAFF.editor.storageState });
  const media = await other.newPage();
  await media.goto("/admin/media");
  await media.getByLabel("Image file").setInputFiles({ name, mimeType: "image/png", buffer: await square({ r: 20, g: 20, b: 200 }) });
  await media.getByLabel("Alt text (optional now)").fill(`Blue square ${RUN}`);
  await media.getByRole("button", { name: "Upload image" }).click();
  await expect(media.getByRole("main").getByRole("status")).toContainText(`Uploaded ${name}.`);
  await other.close();

  await page.getByRole("button", { name: "Image", exact: true }).click();
  const choices = page.getByRole("list", { name: "Images to insert" });
  await choices.getByRole("button", { name: `Blue square ${RUN}` }).click();
  await expect(body.locator(`img[alt="Blue square ${RUN}"]`)).toBeVisible();

  // "Upload an image" in the picker: the file chooser, then the details dialog.
  await page.getByRole("button", { name: "Image", exact: true }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload an image" }).click();
  await (await chooser).setFiles({ name: `chosen-${RUN}.png`, mimeType: "image/png", buffer: await square({ r: 240, g: 200, b: 0 }) });
  const dialog = page.getByRole("dialog", { name: "Describe the image you added" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  // Named for this run: a retry's library still holds the first attempt's upload.
  await dialog.getByLabel("Alt text").fill(`Yellow square ${RUN}`);
  await dialog.getByRole("button", { name: "Save image details" }).click();
  await expect(body.locator(`img[alt="Yellow square ${RUN}"]`)).toBeVisible();
  // It is in the picker's list at once, too.
  await page.getByRole("button", { name: "Image", exact: true }).click();
  await expect(choices.getByRole("button", { name: `Yellow square ${RUN}` })).toBeVisible();
  await page.getByRole("button", { name: "Image", exact: true }).click();

  // A text file, and a text file claiming to be a PNG: clear refusals, nothing inserted, nothing stored.
  const before = await withDb((db) => db.media.count());
  await body.getByText("Only paragraph.").click();
  await pasteFile(body, { name: "notes.txt", type: "text/plain", bytes: Buffer.from("just some notes") });
  // (Next.js keeps an empty route announcer with role="alert" on every page.)
  const refusal = (name: string) => page.getByRole("alert").filter({ hasText: name });
  await expect(refusal("notes.txt")).toHaveText(/“notes\.txt” is not an image we can use\. Upload a JPEG, PNG, WebP or AVIF image\./);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await pasteFile(body, { name: "fake.png", type: "image/png", bytes: Buffer.from("not really a picture") });
  await expect(refusal("fake.png")).toContainText("“fake.png” was not uploaded.", { timeout: 20_000 });
  await expect(refusal("fake.png")).toContainText("not a JPEG, PNG, WebP or AVIF image");
  await expect(body.locator("img")).toHaveCount(2);
  expect(await withDb((db) => db.media.count())).toBe(before);
});

test("the hero panel uploads an image, asks its details at once, makes it the hero and saves it; readers see it once published", async ({ page, browser }) => {
  const story = await draft("Only paragraph.");
  await open(page, story.id);
  const hero = page.getByRole("region", { name: "Hero image" });
  const select = hero.getByRole("combobox", { name: "Hero image" });
  const optionsAtOpen = await select.locator("option").count();

  // An image uploaded elsewhere after the editor opened is in the hero list when it is opened.
  const elsewhere = `hero-elsewhere-${RUN}.png`;
  const other = await browser.newContext({ storageState: STAFF.editor.storageState });
  const media = await other.newPage();
  await media.goto("/admin/media");
  await media.getByLabel("Image file").setInputFiles({ name: elsewhere, mimeType: "image/png", buffer: await square({ r: 0, g: 120, b: 120 }) });
  await media.getByLabel("Alt text (optional now)").fill(`Teal square ${RUN}`);
  await media.getByRole("button", { name: "Upload image" }).click();
  await expect(media.getByRole("main").getByRole("status")).toContainText(`Uploaded ${elsewhere}.`);
  await other.close();
  await select.focus();
  await expect(select.locator("option", { hasText: `Teal square ${RUN}` })).toHaveCount(1);

  // "Upload hero image": the file chooser, then the details dialog at once (the library's own details: no box).
  const name = `hero-${RUN}.png`;
  const chooser = page.waitForEvent("filechooser");
  await hero.getByRole("button", { name: "Upload hero image" }).click();
  await (await chooser).setFiles({ name, mimeType: "image/png", buffer: await square({ r: 120, g: 40, b: 160 }) });
  const dialog = page.getByRole("dialog", { name: "Describe the hero image" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByLabel("Also save to library")).toHaveCount(0);
  // Put off, the hero is still set and says what it needs, with a way back to the details.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(select.locator("option:checked")).toHaveText(`${name} (needs alt text)`);
  await hero.getByRole("button", { name: "Add alt text" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Alt text").click();
  await page.keyboard.type("A purple hero square");
  await dialog.getByLabel("Caption").fill("The hero, uploaded in the editor");
  await dialog.getByLabel("Credit").fill("Hera Hero/Agency");
  await dialog.getByRole("button", { name: "Save image details" }).click();
  await expect(dialog).toBeHidden();

  const uploaded = await withDb((db) => db.media.findFirstOrThrow({ where: { originalName: name }, select: { id: true, alt: true, caption: true, credit: true } }));
  expect(uploaded).toMatchObject({ alt: "A purple hero square", caption: "The hero, uploaded in the editor", credit: "Hera Hero/Agency" });
  // It is the hero, named by its alt text; the images the page opened with are still offered beside the new ones.
  await expect(select).toHaveValue(uploaded.id);
  await expect(select.locator("option:checked")).toHaveText("A purple hero square");
  await expect(hero.getByText("This image needs alt text")).toHaveCount(0);
  await expect.poll(() => select.locator("option").count()).toBeGreaterThanOrEqual(optionsAtOpen + 2);

  // The story is unsaved until the normal save path takes it (a draft autosaves; Ctrl+S does not wait for that).
  await page.keyboard.press("ControlOrMeta+s");
  await expect(saveState(page)).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  expect((await withDb((db) => db.article.findUniqueOrThrow({ where: { id: story.id }, select: { heroMediaId: true } }))).heroMediaId).toBe(uploaded.id);

  await open(page, story.id);
  await expect(select).toHaveValue(uploaded.id);
  await expect(hero.locator("img")).toBeVisible();

  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published", { timeout: 15_000 });
  await page.goto(`/articles/${story.slug}`);
  const figure = page.locator("article > figure").first();
  await expect(figure.getByRole("img", { name: "A purple hero square" })).toBeVisible();
  await expect(figure.locator("figcaption")).toContainText("The hero, uploaded in the editor");
  await expect(figure.locator("figcaption")).toContainText("Hera Hero/Agency");
});
