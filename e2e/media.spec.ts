import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const PORT = Number(process.env.E2E_PORT ?? 3100);
// scripts/e2e-server.ts points STORAGE_DIR here.
const STORAGE_DIR = path.join("data", `e2e-storage-${PORT}`);
const IMMUTABLE = "public, max-age=31536000, immutable";

function storedFileCount(): number {
  if (!existsSync(STORAGE_DIR)) return 0;
  return readdirSync(STORAGE_DIR, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** A photo straight off a "camera": EXIF with a name and a place that must never reach readers. */
function cameraJpeg(width = 1400, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 170 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Secret Photographer", ImageDescription: "Taken at 51.5007N 0.1246W" } })
    .toBuffer();
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt = ""): Promise<void> {
  await page.goto("/admin/media");
  await page.getByLabel("Image file").setInputFiles(file);
  if (alt) await page.getByLabel("Alt text (optional now)").fill(alt);
  await page.getByRole("button", { name: "Upload image" }).click();
}

/** Uploads as the given account and returns the new image's id and storage key. */
async function uploadAs(browser: Browser, storageState: string, name: string, alt = ""): Promise<{ id: string; storageKey: string }> {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  await upload(page, { name, mimeType: "image/jpeg", buffer: await cameraJpeg(640, 480) }, alt);
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Uploaded ${name}.`);
  await context.close();
  return withDb((db) => db.media.findFirstOrThrow({ where: { originalName: name }, select: { id: true, storageKey: true } }));
}

test.describe("as the editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("uploads a photo: it is listed, served for a year, and stripped of its metadata", async ({ page }) => {
    const name = `harbour-${RUN}.jpg`;
    const original = await cameraJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    await upload(page, { name, mimeType: "image/jpeg", buffer: original }, "Boats in the harbour at dawn");
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`Uploaded ${name}.`);
    const card = page.getByRole("list", { name: "Images" }).getByRole("listitem").filter({ hasText: name });
    await expect(card).toContainText("Alt: Boats in the harbour at dawn");
    await expect(card).toContainText("1400×900");

    const { storageKey } = await withDb((db) => db.media.findFirstOrThrow({ where: { originalName: name } }));
    expect(storageKey).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    // Readers need no session to see an image.
    const anonymous = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
    const served = await anonymous.get(`/media/${storageKey}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    expect(served.headers()["cache-control"]).toBe(IMMUTABLE);
    const bytes = await served.body();
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 1400, height: 900 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("Secret Photographer"))).toBe(false);

    const webp = await anonymous.get(`/media/${storageKey}/w640.webp`);
    expect(webp.headers()["content-type"]).toBe("image/webp");
    expect(webp.headers()["cache-control"]).toBe(IMMUTABLE);
    expect((await sharp(await webp.body()).metadata()).width).toBe(640);
    const social = await anonymous.get(`/media/${storageKey}/social.jpg`);
    expect(await sharp(await social.body()).metadata()).toMatchObject({ width: 1200, height: 630 });

    for (const bad of [`/media/${storageKey}/w4000.webp`, `/media/${storageKey}/evil.svg`, `/media/${storageKey}/..%2F..%2Fpackage.json`, "/media/AAAAAAAAAAAAAAAAAAAAAA", "/media/..%2F.env", "/media/short"]) {
      expect((await anonymous.get(bad)).status(), bad).toBe(404);
    }
    await anonymous.dispose();

    // The library finds it by name and by alt text, in any case.
    await page.getByRole("searchbox", { name: /Search by file name/ }).fill("BOATS IN THE");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=BOATS/);
    await expect(page.getByRole("list", { name: "Images" }).getByRole("listitem")).toHaveCount(1);
  });

  test("refuses a text file renamed .jpg, an SVG and an oversized file, storing nothing", async ({ page }) => {
    const before = { rows: await withDb((db) => db.media.count()), files: storedFileCount() };

    await upload(page, { name: `notes-${RUN}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from("Meeting notes, definitely not a photo.\n") });
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not a JPEG, PNG, WebP or AVIF image");
    await expect(page.locator("#file-error")).toContainText("Its contents were checked, not its name");

    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
    await upload(page, { name: `logo-${RUN}.svg`, mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
    await expect(page.getByRole("main").getByRole("alert")).toContainText("SVG files are not accepted");

    await page.goto("/admin/media");
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect(page.locator("#file-error")).toHaveText("Choose an image to upload.");

    // Over the limit: refused in the browser before anything is sent.
    await page.getByLabel("Image file").setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await expect(page.locator("#file-error")).toContainText("the limit is 10 MB");
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect(page.locator("#file-error")).toContainText("the limit is 10 MB");

    expect(await withDb((db) => db.media.count())).toBe(before.rows);
    expect(storedFileCount()).toBe(before.files);
  });

  test("edits alt text, and deletes an image only once nothing uses it", async ({ page, browser }) => {
    const name = `press-conference-${RUN}.jpg`;
    const { id, storageKey } = await uploadAs(browser, STAFF.editor.storageState, name);
    await page.goto(`/admin/media/${id}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Add alt text before using this image in a published story.")).toBeVisible();
    await page.getByLabel("Alt text").fill("The minister speaks at a lectern");
    await page.getByLabel("Credit").fill("Staff photographer");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Details saved.");
    await expect(page.getByText("Add alt text before using this image in a published story.")).toHaveCount(0);
    expect(await withDb((db) => db.media.findUniqueOrThrow({ where: { id } }))).toMatchObject({ alt: "The minister speaks at a lectern", credit: "Staff photographer" });

    const story = await withDb((db) => db.article.create({ data: { slug: `media-user-${RUN}`, headline: `Uses the lectern photo ${RUN}`, heroMediaId: id }, select: { id: true } }));
    await page.reload();
    await page.getByRole("button", { name: "Delete image…" }).click();
    await page.getByRole("button", { name: "Yes, delete image" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`in use by the story “Uses the lectern photo ${RUN}”, so it cannot be deleted`);
    expect(await withDb((db) => db.media.count({ where: { id } }))).toBe(1);

    await withDb((db) => db.article.delete({ where: { id: story.id } }));
    await page.getByRole("button", { name: "Delete image…" }).click();
    await page.getByRole("button", { name: "Yes, delete image" }).click();
    await expect(page).toHaveURL(/\/admin\/media\?deleted=1$/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Image deleted.");
    expect(await withDb((db) => db.media.count({ where: { id } }))).toBe(0);
    expect((await page.request.get(`/media/${storageKey}`)).status()).toBe(404);
  });
});

test.describe("as a writer", () => {
  test.use({ storageState: STAFF.writer.storageState });

  test("cannot edit or delete an editor's image: the page hides it and the data layer refuses", async ({ page, browser }) => {
    const theirs = await uploadAs(browser, STAFF.editor.storageState, `editors-photo-${RUN}.jpg`, "The editor's careful alt text");
    await page.goto(`/admin/media/${theirs.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `editors-photo-${RUN}.jpg` })).toBeVisible();
    await expect(page.getByText("The editor's careful alt text")).toBeVisible();
    await expect(page.getByText("Only the person who uploaded this image, or an editor, can change or delete it.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save details" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete image…" })).toHaveCount(0);

    // The writer's own image has both forms; pointing them at the editor's image is refused and logged.
    const mine = await uploadAs(browser, STAFF.writer.storageState, `writers-photo-${RUN}.jpg`);
    const denialsBefore = await withDb((db) => db.auditLog.count({ where: { action: "permission.denied", entityId: theirs.id } }));
    await page.goto(`/admin/media/${mine.id}`);
    await expect(page.getByText("Add alt text before using this image in a published story.")).toBeVisible();
    const detailsForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Save details" }) });
    await detailsForm.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), theirs.id);
    await page.getByLabel("Alt text").fill("Vandalised");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("You can only change or delete images you uploaded. Ask an editor.");

    await page.getByRole("button", { name: "Delete image…" }).click();
    const deleteForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Yes, delete image" }) });
    await deleteForm.locator('input[name="id"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), theirs.id);
    await page.getByRole("button", { name: "Yes, delete image" }).click();
    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "images you uploaded" }).last()).toBeVisible();

    // The first refusal's alert is already on the page, so wait for the second refusal's audit entry itself.
    await expect.poll(() => withDb((db) => db.auditLog.count({ where: { action: "permission.denied", entityId: theirs.id } }))).toBe(denialsBefore + 2);
    expect(await withDb((db) => db.media.findUnique({ where: { id: theirs.id } }))).toMatchObject({ alt: "The editor's careful alt text" });
  });

  test("sees where their image is used only in stories they may see: others' unpublished headlines are counted, not named", async ({ page, browser }) => {
    const mine = await uploadAs(browser, STAFF.writer.storageState, `shared-photo-${RUN}.jpg`, "A shared photo");
    const secret = `Embargoed exclusive ${RUN}`;
    await withDb(async (db) => {
      const [writer, editor] = await Promise.all(
        [STAFF.writer.email, STAFF.editor.email].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
      );
      await db.article.create({ data: { slug: `writers-draft-${RUN}`, headline: `Writer's own draft ${RUN}`, heroMediaId: mine.id, createdById: writer.id } });
      await db.article.create({ data: { slug: `embargoed-${RUN}`, headline: secret, heroMediaId: mine.id, createdById: editor.id } });
    });
    await page.goto(`/admin/media/${mine.id}`);
    const usage = page.getByRole("region", { name: "Where it is used" });
    await expect(usage.getByRole("link", { name: `Writer's own draft ${RUN}` })).toBeVisible();
    await expect(usage.getByText("1 story you cannot see")).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
    expect(await page.content()).not.toContain(`embargoed-${RUN}`);

    await page.getByRole("button", { name: "Delete image…" }).click();
    await page.getByRole("button", { name: "Yes, delete image" }).click();
    const refusal = page.getByRole("main").getByRole("alert");
    await expect(refusal).toContainText(`in use by the story “Writer's own draft ${RUN}” and 1 story you cannot see, so it cannot be deleted`);
    await expect(refusal).not.toContainText(secret);
    expect(await withDb((db) => db.media.count({ where: { id: mine.id } }))).toBe(1);
  });
});
