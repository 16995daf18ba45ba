// A byline's photo, job title and links, edited in the newsroom, show on the reader's author page (and in its
// ProfilePage JSON-LD); a second edit reaches readers too (the byline's cache tag is expired).
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const SLUG = `profile-desk-${RUN}`;
const NAME = `Profile Desk ${RUN}`;
const PHOTO = `profile-${RUN}.jpg`;
const ALT = `Head and shoulders of the profile desk ${RUN}`;
const SOON = { timeout: 10_000 };

test.use({ storageState: STAFF.owner.storageState });

let bylineId = "";

test.beforeAll(async () => {
  bylineId = await withDb(async (db) => {
    const byline = await db.byline.create({ data: { slug: SLUG, name: NAME }, select: { id: true } });
    // The author page answers only for a byline with a published story.
    await db.article.create({
      data: { slug: `profile-story-${RUN}`, headline: `Profile story ${RUN}`, body: "Words.", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), bylines: { create: [{ bylineId: byline.id, position: 0 }] } },
    });
    return byline.id;
  });
});

test.afterAll(async () => {
  await withDb(async (db) => {
    await db.article.deleteMany({ where: { slug: `profile-story-${RUN}` } });
    await db.byline.deleteMany({ where: { slug: SLUG } });
  });
});

async function save(page: Page) {
  await page.getByRole("button", { name: "Save byline" }).click();
}

test("photo, job title and links edited in the newsroom show on the author page", async ({ page, context }) => {
  // A photo with alt text, uploaded as a person does.
  await page.goto("/admin/media");
  const buffer = await sharp({ create: { width: 480, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer();
  await page.getByLabel("Image file").setInputFiles({ name: PHOTO, mimeType: "image/jpeg", buffer });
  await page.getByLabel("Alt text (optional now)").fill(ALT);
  await page.getByRole("button", { name: "Upload image" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Uploaded ${PHOTO}.`);

  await page.goto(`/admin/bylines/${bylineId}`);
  await page.getByLabel("Job title").fill("Border correspondent");
  await page.getByLabel("Links").fill("https://ana.example/\njavascript:alert(1)");
  await page.getByText(PHOTO).click();
  await save(page);
  await expect(page.getByText("Each line must be one web address starting with http:// or https://")).toBeVisible();
  expect(await withDb((db) => db.byline.findUniqueOrThrow({ where: { id: bylineId }, select: { jobTitle: true, links: true, photoMediaId: true } }))).toEqual({ jobTitle: "", links: "", photoMediaId: null });

  await page.getByLabel("Links").fill("https://ana.example/\nhttps://social.example/@profiledesk");
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toHaveText(`Byline “${NAME}” saved.`);

  const reader = await context.browser()!.newContext();
  const author = await reader.newPage();
  await author.goto(`/authors/${SLUG}`);
  await expect(author.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(author.getByText("Border correspondent")).toBeVisible();
  const profile = author.getByRole("link", { name: "social.example/@profiledesk" });
  await expect(profile).toHaveAttribute("href", "https://social.example/@profiledesk");
  await expect(profile).toHaveAttribute("rel", "me noopener");
  const photo = author.getByRole("img", { name: ALT });
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute("sizes", "96px");
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), SOON).toBe(true);
  // The Person is the mainEntity of the page's ProfilePage (#11 §3).
  const person = (await author.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text)).find((doc) => doc["@type"] === "ProfilePage")?.mainEntity;
  expect(person).toMatchObject({ name: NAME, jobTitle: "Border correspondent", sameAs: ["https://ana.example/", "https://social.example/@profiledesk"], image: { "@type": "ImageObject" } });

  // A second edit reaches readers: the byline's tag was expired.
  await page.getByLabel("Job title").fill("Chief border correspondent");
  await save(page);
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  await expect
    .poll(async () => {
      await author.goto(`/authors/${SLUG}`);
      return author.getByText("Chief border correspondent").count();
    }, SOON)
    .toBe(1);
  await reader.close();
});
