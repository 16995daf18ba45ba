// What the validators found (issue #11 §4), each pinned so it cannot come back:
// 1. every 404 is the whole page, server-rendered (header, footer, `lang`, status 404), readable without JavaScript,
//    and kept only seconds (a story published at that address a moment later appears);
// 2. a page's <title>, <meta> and <link> are in <head> for every client, on the first request after a restart too;
// 3. NewsArticle images: 16x9, 4x3 and 1x1, at least 1200 px wide, that answer with those sizes;
// 4. an old slug's redirect has one Location header and a lifetime a CDN cannot hold against a later slug change.
import http from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ArticleStatus, type Db } from "../lib/db";
import { AppServer, createAppDatabase, E2E_PORT, extraPort } from "./support/app-server";
import { SOURCE_SLUG, withDb } from "./support/site";

const NOT_FOUND_PATHS = ["/articles/no-such-story", "/no/such/page", "/sections/no-such-section", "/tags/no-such-tag", "/authors/no-such-author"];

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const GOOGLEBOT =
  "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** The s-maxage a response allows a shared cache, 0 for no-store / no-cache / private. */
function sharedLifetime(response: APIResponse): number {
  const value = response.headers()["cache-control"] ?? "";
  if (/no-store|no-cache|private/.test(value)) return 0;
  const match = /s-maxage=(\d+)/.exec(value);
  expect(match, `Cache-Control "${value}" names an s-maxage`).not.toBeNull();
  return Number(match![1]);
}

function expectWholeNotFoundPage(html: string, label: string) {
  expect(html, label).not.toContain("__next_error__");
  // (A release with a deployment id puts data-dpl-id on <html> first.)
  expect(html, `${label}: lang`).toMatch(/^<!DOCTYPE html><html(?: data-dpl-id="[\w-]+")? lang="en"/);
  expect(html, `${label}: the message`).toContain("Page not found</h1>");
  expect(html, `${label}: the header`).toMatch(/<header[\s>][\s\S]*aria-label="Sections"[\s\S]*<\/header>/);
  expect(html, `${label}: the footer`).toMatch(/<footer[\s>][\s\S]*<\/footer>/);
  expect(html, `${label}: kept out of the index`).toMatch(/<meta name="robots" content="noindex, follow"\/>/);
}

test.describe("404s", () => {
  test("every kind is the whole page: status 404, header, footer and lang, for seconds at most", async ({ request }) => {
    for (const path of NOT_FOUND_PATHS) {
      // Twice: the second answer must not be a cached copy of anything else either.
      for (const attempt of [1, 2]) {
        const response = await request.get(path);
        const label = `${path} (request ${attempt})`;
        expect(response.status(), label).toBe(404);
        expectWholeNotFoundPage(await response.text(), label);
        expect(sharedLifetime(response), `${label}: Cache-Control`).toBeLessThanOrEqual(10);
      }
    }
  });

  test("read without JavaScript, a 404 still shows the message inside the site", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of NOT_FOUND_PATHS) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "BreakingOn home" }), path).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Sections" }), path).toBeVisible();
      await expect(page.getByRole("contentinfo"), path).toBeVisible();
      await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
      await expect(page).toHaveTitle("Page not found | BreakingOn");
    }
    await context.close();
  });

  test("with JavaScript the page stays the same, and in dark mode the theme button offers the light theme", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    for (const path of ["/articles/no-such-story", "/no/such/page"]) {
      await page.goto(path);
      await expect(page.locator("html"), path).toHaveAttribute("data-theme", "dark");
      await expect(page.getByRole("banner").getByRole("button", { name: "Switch to light theme" }), path).toHaveText("Light");
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toHaveCount(1);
      await expect(page.getByRole("contentinfo"), path).toBeVisible();
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a story published at an address that was a 404 a moment ago appears at once", async ({ request }) => {
    const slug = `validators-late-story-${Date.now()}`;
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    await withDb((db) =>
      db.article.create({
        data: { slug, headline: "A Story Published Just Now", body: "Words.", status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 60_000) },
      }),
    );
    const response = await request.get(`/articles/${slug}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("A Story Published Just Now");
  });
});

/** The PNG's or JPEG's pixel size, read by sharp. */
async function imageSize(request: APIRequestContext, url: string, type: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toBe(type);
  const meta = await sharp(await response.body()).metadata();
  return { width: meta.width, height: meta.height };
}

async function newsArticleImages(request: APIRequestContext, path: string): Promise<{ url: string; width: number; height: number }[]> {
  const html = await (await request.get(path)).text();
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => [JSON.parse(m[1])].flat());
  const article = blocks.find((block) => block["@type"] === "NewsArticle");
  expect(article, `${path} has NewsArticle structured data`).toBeTruthy();
  return article.image;
}

async function expectThreeCrops(request: APIRequestContext, path: string, type: string) {
  const images = await newsArticleImages(request, path);
  expect(images.map((image) => image.width / image.height)).toEqual([16 / 9, 4 / 3, 1]);
  for (const image of images) {
    expect(image.width, image.url).toBeGreaterThanOrEqual(1200);
    expect(await imageSize(request, image.url, type), image.url).toEqual({ width: image.width, height: image.height });
  }
}

test.describe("NewsArticle images", () => {
  test("a story without a picture offers its card as 16x9, 4x3 and 1x1, at least 1200 px wide", async ({ request }) => {
    await expectThreeCrops(request, `/articles/${SOURCE_SLUG}`, "image/png");
  });

  test("a story with a picture offers crops of it, made on first request and served from then on", async ({ request }) => {
    const slug = `validators-hero-story-${Date.now()}`;
    const storageKey = `validators${Date.now().toString(36)}`.padEnd(22, "x");
    const picture = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 30, g: 90, b: 150 } } }).jpeg().toBuffer();
    // The e2e server's media store (scripts/e2e-server.ts), laid out as lib/media/storage.ts LocalDiskStorage does.
    const folder = path.join(`data/e2e-storage-${E2E_PORT}`, storageKey.slice(0, 2), storageKey);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "default.jpg"), picture);
    await withDb(async (db) => {
      const media = await db.media.create({
        data: { storageKey, originalName: "harbour.jpg", mimeType: "image/jpeg", width: 1600, height: 1000, bytes: picture.length, alt: "The harbour at dawn" },
      });
      await db.article.create({
        data: { slug, headline: "Harbour Reopens", body: "Words.", status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 60_000), heroMediaId: media.id },
      });
    });
    const images = await newsArticleImages(request, `/articles/${slug}`);
    expect(images.map((image) => new URL(image.url).pathname)).toEqual(["crop-16x9.jpg", "crop-4x3.jpg", "crop-1x1.jpg"].map((file) => `/media/${storageKey}/${file}`));
    await expectThreeCrops(request, `/articles/${slug}`, "image/jpeg");
  });

  test("reader pages allow large image previews and name their Open Graph locale", async ({ request }) => {
    for (const path of ["/", `/articles/${SOURCE_SLUG}`, "/sections/world", "/tags/mexico", "/authors/breakingon-newsroom"]) {
      const html = await (await request.get(path)).text();
      expect(html, path).toContain('<meta name="robots" content="index, follow, max-image-preview:large"/>');
      expect(html, path).toContain('<meta property="og:locale" content="en_US"/>');
    }
  });
});

/** A GET with no User-Agent header at all (Playwright's request always sends one). */
function getWithoutUserAgent(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

function expectMetadataInHead(html: string, label: string) {
  const headEnd = html.indexOf("</head>");
  expect(headEnd, label).toBeGreaterThan(0);
  const head = html.slice(0, headEnd);
  const body = html.slice(headEnd);
  expect(head, `${label}: <title> in <head>`).toMatch(/<title>[^<]+<\/title>/);
  expect(head, `${label}: description in <head>`).toContain('<meta name="description"');
  expect(head, `${label}: canonical in <head>`).toContain('<link rel="canonical"');
  expect(body, `${label}: no metadata in <body>`).not.toMatch(/<title>|<meta name="description"|<meta property="og:|<link rel="canonical"/);
}

async function expectOneShortRedirect(response: APIResponse, label: string) {
  expect(response.status(), label).toBe(308);
  const locations = response.headersArray().filter((h) => h.name.toLowerCase() === "location");
  expect(locations.map((h) => h.value), `${label}: one Location header`).toEqual([`/articles/${SOURCE_SLUG}`]);
  expect(sharedLifetime(response), `${label}: a lifetime of seconds`).toBeLessThanOrEqual(300);
}

// A server of its own, so that its first requests are the first since it started.
test.describe("first requests after a restart", () => {
  const PORT = extraPort(6);
  let server: AppServer;
  let db: Db;
  let drop: () => Promise<void>;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const database = await createAppDatabase("sqlite", PORT);
    db = database.db;
    drop = () => database.drop();
    const story = await db.article.findUniqueOrThrow({ where: { slug: SOURCE_SLUG }, select: { id: true } });
    await db.slugRedirect.create({ data: { fromSlug: "cartels-story-first-draft", articleId: story.id } });
    server = new AppServer(PORT, database);
    await server.start();
  });

  test.afterAll(async () => {
    await server?.stop("SIGTERM");
    await drop?.();
  });

  test("metadata is in <head> for Chrome, Googlebot and a client without a User-Agent", async ({ request }) => {
    const firsts: [string, string][] = [
      ["/sections/world", CHROME],
      ["/tags/mexico", GOOGLEBOT],
      ["/sections/politics", GOOGLEBOT],
      ["/tags/fentanyl", CHROME],
      [`/articles/${SOURCE_SLUG}`, GOOGLEBOT],
      ["/authors/breakingon-newsroom", CHROME],
    ];
    for (const [path, agent] of firsts) {
      const html = await (await request.get(`${server.url}${path}`, { headers: { "User-Agent": agent } })).text();
      expectMetadataInHead(html, `${path}, first asked for by ${agent === CHROME ? "Chrome" : "Googlebot"}`);
      // The cached page, now read by the other client.
      const again = await (await request.get(`${server.url}${path}`, { headers: { "User-Agent": agent === CHROME ? GOOGLEBOT : CHROME } })).text();
      expectMetadataInHead(again, `${path}, read again from the cache`);
    }
    expectMetadataInHead(await getWithoutUserAgent(`${server.url}/sections/us`), "/sections/us, first asked for without a User-Agent");
    expectMetadataInHead(await (await request.get(`${server.url}/sections/us`, { headers: { "User-Agent": CHROME } })).text(), "/sections/us from the cache");
  });

  test("an old slug answers one 308 with one Location header and a short lifetime, first time and after", async ({ request }) => {
    const url = `${server.url}/articles/cartels-story-first-draft`;
    await expectOneShortRedirect(await request.get(url, { maxRedirects: 0 }), "first GET");
    await expectOneShortRedirect(await request.get(url, { maxRedirects: 0 }), "second GET");
    await expectOneShortRedirect(await request.head(url, { maxRedirects: 0 }), "HEAD");
    // The query string goes along.
    const tracked = await request.get(`${url}?utm_source=feed`, { maxRedirects: 0 });
    expect(tracked.headers()["location"]).toBe(`/articles/${SOURCE_SLUG}?utm_source=feed`);
  });

  test("a slug that moves while the proxy still believes it current is redirected by the page, briefly cached", async ({ request }) => {
    const story = await db.article.create({
      data: { slug: "harbour-story-moved", headline: "Harbour Story", body: "Words.", status: ArticleStatus.PUBLISHED, publishedAt: new Date(Date.now() - 60_000) },
    });
    // Asked for once (a 404, which the proxy remembers as "not moved" for a few seconds), then made an old slug.
    expect((await request.get(`${server.url}/articles/harbour-story-first-draft`, { maxRedirects: 0 })).status()).toBe(404);
    await db.slugRedirect.create({ data: { fromSlug: "harbour-story-first-draft", articleId: story.id } });
    const response = await request.get(`${server.url}/articles/harbour-story-first-draft`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new Set(response.headersArray().filter((h) => h.name.toLowerCase() === "location").map((h) => h.value))).toEqual(new Set(["/articles/harbour-story-moved"]));
    expect(sharedLifetime(response)).toBeLessThanOrEqual(10);
  });
});
