import { describe, expect, it } from "vitest";
import type { ArticleDetail } from "@/lib/dal/articles";
import { articleMetadata, authorMetadata, homeMetadata, notFoundMetadata, openGraphLocale, pageMetadata, sectionMetadata, tagMetadata } from "./metadata";

const SITE_URL = "https://news.example.com";
const site = { name: "BreakingOn", description: "Independent news.", language: "en" };

const article: ArticleDetail = {
  id: "a1",
  slug: "cartels",
  headline: "Cartels",
  standfirst: "The standfirst.",
  publishedAt: new Date("2025-08-09T12:00:00.000Z"),
  updatedAt: new Date("2025-08-10T08:00:00.000Z"),
  section: { slug: "world", name: "World" },
  bylines: [{ slug: "jane-doe", name: "Jane Doe" }],
  hero: null,
  breaking: false,
  body: "",
  seoTitle: "Cartels: what we know",
  seoDescription: null,
  tags: [{ slug: "mexico", name: "Mexico" }],
  corrections: [],
  workType: "NEWS",
  dateline: null,
};

const siteCard = [{ url: "/opengraph-image", width: 1200, height: 630, alt: "BreakingOn" }];

describe("articleMetadata", () => {
  const metadata = articleMetadata(article, site, { siteUrl: SITE_URL });

  it("titles, describes and canonicalises the story", () => {
    expect(metadata.title).toBe("Cartels: what we know");
    expect(metadata.description).toBe("The standfirst.");
    expect(metadata.alternates?.canonical).toBe("/articles/cartels");
  });

  it("gives Open Graph the article facts and leaves the image to opengraph-image.tsx", () => {
    expect(metadata.openGraph).toEqual({
      type: "article",
      url: "/articles/cartels",
      title: "Cartels",
      description: "The standfirst.",
      siteName: "BreakingOn",
      locale: "en_US",
      publishedTime: "2025-08-09T12:00:00.000Z",
      modifiedTime: "2025-08-10T08:00:00.000Z",
      section: "World",
      tags: ["Mexico"],
      authors: [`${SITE_URL}/authors/jane-doe`],
    });
    // Next only adds the file-based card when `images` is absent, not merely undefined.
    expect(Object.hasOwn(metadata.openGraph!, "images")).toBe(false);
    expect(Object.hasOwn(metadata.twitter!, "images")).toBe(false);
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "Cartels", description: "The standfirst." });
  });

  it("modified time falls back to publication", () => {
    const og = articleMetadata({ ...article, updatedAt: null }, site, { siteUrl: SITE_URL }).openGraph as { modifiedTime?: string };
    expect(og.modifiedTime).toBe("2025-08-09T12:00:00.000Z");
  });

  it("links the site's and the section's feeds", () => {
    expect(metadata.alternates?.types).toEqual({
      "application/rss+xml": [
        { url: "/feeds/rss.xml", title: "BreakingOn (RSS)" },
        { url: "/feeds/sections/world/rss.xml", title: "BreakingOn: World (RSS)" },
      ],
      "application/atom+xml": [
        { url: "/feeds/atom.xml", title: "BreakingOn (Atom)" },
        { url: "/feeds/sections/world/atom.xml", title: "BreakingOn: World (Atom)" },
      ],
      "application/feed+json": [
        { url: "/feeds/feed.json", title: "BreakingOn (JSON Feed)" },
        { url: "/feeds/sections/world/feed.json", title: "BreakingOn: World (JSON Feed)" },
      ],
    });
  });
});

describe("listing pages", () => {
  it("section: canonical, website card, section and site feeds", () => {
    const metadata = sectionMetadata({ slug: "world", name: "World", description: "International news." }, site);
    expect(metadata).toMatchObject({
      title: "World",
      description: "International news.",
      alternates: {
        canonical: "/sections/world",
        types: {
          "application/rss+xml": [
            { url: "/feeds/sections/world/rss.xml", title: "BreakingOn: World (RSS)" },
            { url: "/feeds/rss.xml", title: "BreakingOn (RSS)" },
          ],
        },
      },
      openGraph: { type: "website", url: "/sections/world", siteName: "BreakingOn", images: siteCard },
      twitter: { card: "summary_large_image", title: "World" },
    });
  });

  it("later pages have their own canonical URL and title", () => {
    const metadata = sectionMetadata({ slug: "world", name: "World", description: "" }, site, { page: 3 });
    expect(metadata.title).toBe("World (page 3)");
    expect(metadata.alternates?.canonical).toBe("/sections/world?page=3");
    expect(metadata.description).toBe("The latest World news from BreakingOn.");
  });

  it("tag pages link only the site feed; author pages their own feed too", () => {
    expect(tagMetadata({ slug: "mexico", name: "Mexico" }, site).alternates?.types?.["application/atom+xml"]).toEqual([
      { url: "/feeds/atom.xml", title: "BreakingOn (Atom)" },
    ]);
    const author = authorMetadata({ slug: "jane-doe", name: "Jane Doe", bio: "" }, site);
    expect(author.description).toBe("Stories by Jane Doe for BreakingOn.");
    expect(author.alternates?.types?.["application/atom+xml"]).toEqual([
      { url: "/feeds/authors/jane-doe/atom.xml", title: "BreakingOn: Jane Doe (Atom)" },
      { url: "/feeds/atom.xml", title: "BreakingOn (Atom)" },
    ]);
  });

  it("home: the site's own title, canonical root and site feeds", () => {
    expect(homeMetadata(site)).toMatchObject({
      title: { absolute: "BreakingOn" },
      description: "Independent news.",
      alternates: { canonical: "/" },
      openGraph: { type: "website", url: "/", images: siteCard },
      twitter: { card: "summary_large_image" },
    });
  });

  it("any other page", () => {
    expect(pageMetadata({ title: "About BreakingOn", description: "Who we are.", path: "/about" }, site)).toMatchObject({
      title: "About BreakingOn",
      alternates: { canonical: "/about" },
      openGraph: { url: "/about", images: siteCard },
    });
  });
});

it("openGraphLocale", () => {
  expect(openGraphLocale("en-us")).toBe("en_US");
  expect(openGraphLocale("pt_BR")).toBe("pt_BR");
  // A bare language gets its usual country.
  expect(openGraphLocale("en")).toBe("en_US");
  expect(openGraphLocale("fr")).toBe("fr_FR");
  expect(openGraphLocale("de")).toBe("de_DE");
  expect(openGraphLocale("ja")).toBe("ja_JP");
  expect(openGraphLocale("ca")).toBe("ca_ES");
  expect(openGraphLocale("EN")).toBe("en_US");
  // Nothing for what is not a language tag Open Graph can use.
  expect(openGraphLocale("")).toBeUndefined();
  expect(openGraphLocale("english")).toBeUndefined();
  expect(openGraphLocale("zh-Hant-TW")).toBeUndefined();
  expect(openGraphLocale("en-123")).toBeUndefined();
});

it("names the publication's X/Twitter account when the settings have one", () => {
  expect(homeMetadata(site).twitter).not.toHaveProperty("site");
  const withHandle = { ...site, twitterHandle: "breakingon" };
  for (const metadata of [homeMetadata(withHandle), tagMetadata({ slug: "mexico", name: "Mexico" }, withHandle), articleMetadata(article, withHandle)]) {
    expect(metadata.twitter).toMatchObject({ site: "@breakingon" });
  }
});

it("lets search engines show large image previews of reader pages, and keeps 404s out of the index", () => {
  for (const metadata of [homeMetadata(site), sectionMetadata({ slug: "world", name: "World", description: "" }, site), articleMetadata(article, site)]) {
    expect(metadata.robots).toEqual({ index: true, follow: true, "max-image-preview": "large" });
  }
  expect(notFoundMetadata()).toEqual({ title: "Page not found", robots: { index: false, follow: true } });
});
