import { expect, test } from "@playwright/test";
import { articleOgImagePath } from "../lib/seo/urls";
import { HIDDEN_MARKER, HIDDEN_SLUGS, SOURCE_SLUG } from "./support/site";

// Every reader-facing surface; none may mention a draft, a story in review, a scheduled story before its time, an
// archived story or a future-dated one.
const SURFACES = [
  "/",
  "/sections/world",
  "/tags/mexico",
  "/authors/breakingon-newsroom",
  "/search?q=cartels",
  "/search?q=zebracorn",
  "/feeds/rss.xml",
  "/feeds/atom.xml",
  "/feeds/sections/world/rss.xml",
  "/feeds/authors/breakingon-newsroom/atom.xml",
  "/sitemap.xml",
  "/sitemaps/articles-1.xml",
  "/sitemaps/pages-1.xml",
  "/news-sitemap.xml",
  `/articles/${SOURCE_SLUG}`,
];

test("hidden stories never reach readers on any page, feed or sitemap", async ({ request }) => {
  for (const path of SURFACES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    expect(text, path).not.toContain(HIDDEN_MARKER);
    for (const slug of HIDDEN_SLUGS) expect(text, path).not.toContain(slug);
  }
});

test("hidden stories answer 404 at their own URLs and OpenGraph images", async ({ request }) => {
  // The same image URL answers for a published story, so a 404 below means "hidden", not "wrong path".
  const published = await request.get(articleOgImagePath(SOURCE_SLUG));
  expect(published.status()).toBe(200);
  expect(published.headers()["content-type"]).toBe("image/png");
  for (const slug of HIDDEN_SLUGS) {
    expect((await request.get(`/articles/${slug}`)).status(), slug).toBe(404);
    expect((await request.get(articleOgImagePath(slug))).status(), `${slug} image`).toBe(404);
  }
});
