// Every page type carries the security headers (lib/security/headers.ts), and nothing the site itself needs is
// blocked by them: no Content-Security-Policy report and no policy error in Chromium's console on any page,
// signed out or in, including the story editor, the media library, the theme toggle and a draft preview.
import { expect, test, type Page, type Response } from "@playwright/test";
import sharp from "sharp";
import { articleOgImagePath } from "../lib/seo/urls";
import { STAFF } from "./support/newsroom";
import { SOURCE_SLUG, withDb } from "./support/site";

const RUN = Date.now().toString(36);

function expectSecurityHeaders(response: Response | null, label: string): void {
  expect(response, label).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'", "img-src 'self' data: blob:"]) {
    expect(csp, `${label}: ${directive}`).toContain(directive);
  }
  expect(csp, label).not.toContain("nonce-");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], label).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(headers["cross-origin-opener-policy"], label).toBe("same-origin");
  // The e2e server runs on plain http://127.0.0.1, so no HSTS (it is sent only when SITE_URL is https).
  expect(headers["strict-transport-security"], label).toBeUndefined();
}

/** Records every CSP violation and every policy complaint in the console, across navigations. */
async function watchPolicy(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to|Permissions-Policy|Permissions policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy|Refused to|unsafe-eval/i.test(error.message)) problems.push(`page error: ${error.message}`);
  });
  await page.exposeFunction("__reportPolicyViolation", (text: string) => problems.push(`violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportPolicyViolation: (text: string) => void }).__reportPolicyViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname} from ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return problems;
}

/** Opens a page, checks its headers, and lets its scripts, images and fonts finish loading. */
async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expectSecurityHeaders(response, path);
  await page.waitForLoadState("networkidle");
}

test("reader pages, feeds, sitemaps and the 404 page carry the headers, and readers' browsers report no policy problem", async ({ page, request }) => {
  const problems = await watchPolicy(page);
  const { section, tag, author } = await withDb(async (db) => {
    const story = await db.article.findUniqueOrThrow({
      where: { slug: SOURCE_SLUG },
      select: { section: { select: { slug: true } }, tags: { take: 1, select: { tag: { select: { slug: true } } } }, bylines: { take: 1, select: { byline: { select: { slug: true } } } } },
    });
    return { section: story.section!.slug, tag: story.tags[0].tag.slug, author: story.bylines[0].byline.slug };
  });

  await visit(page, "/");
  // The theme toggle and the inline theme script run under the policy.
  const toggle = page.getByRole("button", { name: /Switch to (dark|light) theme/ });
  const before = await page.locator("html").getAttribute("data-theme");
  await toggle.click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", before ?? "");
  await visit(page, `/articles/${SOURCE_SLUG}`);
  await visit(page, `/sections/${section}`);
  await visit(page, `/tags/${tag}`);
  await visit(page, `/authors/${author}`);
  await visit(page, "/search?q=cartels");
  await visit(page, "/about");
  expect(await page.locator("html").getAttribute("data-theme")).toBe(before === "dark" ? "light" : "dark");
  await visit(page, `/articles/no-such-story-${RUN}`, 404);

  // Documents a browser does not run as pages still carry the headers.
  for (const path of ["/feeds/rss.xml", "/feeds/atom.xml", `/feeds/sections/${section}/rss.xml`, `/feeds/authors/${author}/atom.xml`, "/sitemap.xml", "/sitemaps/articles-1.xml", "/news-sitemap.xml", "/robots.txt", articleOgImagePath(SOURCE_SLUG)]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  expect((await request.get(articleOgImagePath(SOURCE_SLUG))).headers()["content-type"]).toBe("image/png");

  expect(problems).toEqual([]);
});

test("the sign-in page carries the headers and reports no policy problem", async ({ page }) => {
  const problems = await watchPolicy(page);
  await visit(page, "/admin/login");
  await page.getByLabel("Email").fill("nobody@breakingon.test");
  expect(problems).toEqual([]);
});

test.describe("signed in as the editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("dashboard, story editor, media library and draft preview run under the policy", async ({ page }) => {
    const problems = await watchPolicy(page);
    await visit(page, "/admin");

    // The media library: an upload (its preview and thumbnails are same-origin or blob: images), then its page.
    await visit(page, "/admin/media");
    const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
    await page.getByLabel("Image file").setInputFiles({ name: `csp-${RUN}.jpg`, mimeType: "image/jpeg", buffer: photo });
    await page.getByLabel("Alt text (optional now)").fill("An orange test card");
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`Uploaded csp-${RUN}.jpg.`);
    await page.waitForLoadState("networkidle");
    const media = await withDb((db) => db.media.findFirstOrThrow({ where: { originalName: `csp-${RUN}.jpg` }, select: { id: true } }));
    await visit(page, `/admin/media/${media.id}`);
    const image = page.getByRole("img", { name: "An orange test card" });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // The story editor (Tiptap): typing, a toolbar button and the image picker.
    const storyId = await withDb(async (db) => {
      const editor = await db.user.findUniqueOrThrow({ where: { email: STAFF.editor.email }, select: { id: true } });
      const story = await db.article.create({ data: { slug: `csp-draft-${RUN}`, headline: `Policy check draft ${RUN}`, body: "First paragraph.", createdById: editor.id } });
      return story.id;
    });
    await visit(page, `/admin/stories/${storyId}`);
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Typed under the policy.");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Bold" }).click();
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image" }).click();
    await expect(page.getByRole("list", { name: "Images to insert" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    // The rest of the newsroom an editor sees: lists, history (the diff view), account security (its QR code is a
    // data: image).
    for (const path of ["/admin/stories", "/admin/review", `/admin/stories/${storyId}/history`, "/admin/account/security"]) await visit(page, path);

    // Draft mode: the preview switch redirects to the preview page.
    const preview = await page.goto(`/api/preview?id=${storyId}`);
    await expect(page).toHaveURL(new RegExp(`/preview/${storyId}$`));
    expectSecurityHeaders(preview, "preview");
    await expect(page.getByRole("heading", { level: 1, name: `Policy check draft ${RUN}` })).toBeVisible();
    await page.waitForLoadState("networkidle");

    expect(problems).toEqual([]);
  });
});

test.describe("signed in as the owner", () => {
  test.use({ storageState: STAFF.owner.storageState });

  test("settings, people, audit log and taxonomy pages run under the policy", async ({ page }) => {
    const problems = await watchPolicy(page);
    for (const path of ["/admin/settings", "/admin/people", "/admin/audit", "/admin/sections", "/admin/tags", "/admin/bylines"]) await visit(page, path);
    expect(problems).toEqual([]);
  });
});
