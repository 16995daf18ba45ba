import { describe, expect, it } from "vitest";
import { fillMetadataSegment } from "next/dist/lib/metadata/get-metadata-route";
import type { ArticleDetail } from "@/lib/dal/articles";
import {
  articleBreadcrumbJsonLd,
  bylineType,
  homeJsonLd,
  MAX_HEADLINE_LENGTH,
  newsArticleJsonLd,
  organizationJsonLd,
  sectionBreadcrumbJsonLd,
  serializeJsonLd,
  truncateHeadline,
  webSiteJsonLd,
  type NewsArticleLd,
} from "./json-ld";
import { articleOgImagePath } from "./urls";

const SITE_URL = "https://news.example.com";
const options = { siteUrl: SITE_URL };
const site = { name: "BreakingOn", description: "Independent news.", language: "en" };

function article(overrides: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    id: "a1",
    slug: "cartels",
    headline: "Trump Administration Considers Military Action Against Mexican Drug Cartels",
    standfirst: "The administration is weighing options.",
    publishedAt: new Date("2025-08-09T12:00:00.000Z"),
    updatedAt: null,
    section: { slug: "world", name: "World" },
    bylines: [
      { slug: "jane-doe", name: "Jane Doe" },
      { slug: "breakingon-newsroom", name: "BreakingOn Newsroom" },
    ],
    hero: null,
    breaking: false,
    body: "## Sub\n\nText.",
    seoTitle: null,
    seoDescription: null,
    tags: [
      { slug: "mexico", name: "Mexico" },
      { slug: "fentanyl", name: "Fentanyl" },
    ],
    corrections: [],
    workType: "NEWS",
    dateline: null,
    ...overrides,
  };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * Google's Article structured data (developers.google.com/search/docs/appearance/structured-data/article) has no
 * required properties and recommends: author (each with @type Person or Organization, name, url), dateModified,
 * datePublished (ISO 8601), headline, image (URLs or ImageObjects). schema.org's NewsArticle adds the publisher
 * (an Organization with name and logo), mainEntityOfPage, articleSection, keywords and correction.
 */
function expectGoogleArticle(ld: NewsArticleLd) {
  expect(ld["@context"]).toBe("https://schema.org");
  expect(ld["@type"]).toBe("NewsArticle");
  expect(typeof ld.headline).toBe("string");
  expect(ld.headline.length).toBeGreaterThan(0);
  expect(ld.headline.length).toBeLessThanOrEqual(110);
  expect(ld.datePublished).toMatch(ISO_8601);
  expect(ld.dateModified).toMatch(ISO_8601);
  expect(ld.image.length).toBeGreaterThan(0);
  for (const image of ld.image) {
    expect(image["@type"]).toBe("ImageObject");
    expect(image.url).toMatch(/^https:\/\//);
    // Google: at least 50K pixels (width × height); 1200 px wide for large previews (max-image-preview:large).
    expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
    expect(image.width).toBeGreaterThanOrEqual(1200);
  }
  // Google: 16x9, 4x3 and 1x1.
  expect(ld.image.map((image) => image.width / image.height)).toEqual([16 / 9, 4 / 3, 1]);
  expect(ld.author.length).toBeGreaterThan(0);
  for (const author of ld.author) {
    expect(["Person", "Organization"]).toContain(author["@type"]);
    expect(author.name).toBeTruthy();
    expect(author.url).toMatch(/^https:\/\/news\.example\.com\/authors\/[a-z0-9-]+$/);
  }
  expect(ld.publisher).toMatchObject({ "@type": "NewsMediaOrganization", name: expect.any(String), url: expect.any(String) });
  expect(ld.publisher.logo).toMatchObject({ "@type": "ImageObject", url: expect.stringMatching(/^https:\/\//) });
  // Google's logo guideline: at least 112×112.
  expect(ld.publisher.logo.width).toBeGreaterThanOrEqual(112);
  expect(ld.publisher.logo.height).toBeGreaterThanOrEqual(112);
  expect(ld.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": ld.url });
}

describe("newsArticleJsonLd", () => {
  it("describes a published story with every recommended property", () => {
    const ld = newsArticleJsonLd(article(), site, options);
    expectGoogleArticle(ld);
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Trump Administration Considers Military Action Against Mexican Drug Cartels",
      description: "The administration is weighing options.",
      image: [
        { "@type": "ImageObject", url: `${SITE_URL}/cards/articles/cartels/16x9.png`, width: 1200, height: 675 },
        { "@type": "ImageObject", url: `${SITE_URL}/cards/articles/cartels/4x3.png`, width: 1200, height: 900 },
        { "@type": "ImageObject", url: `${SITE_URL}/cards/articles/cartels/1x1.png`, width: 1200, height: 1200 },
      ],
      datePublished: "2025-08-09T12:00:00.000Z",
      dateModified: "2025-08-09T12:00:00.000Z",
      author: [
        { "@type": "Person", name: "Jane Doe", url: `${SITE_URL}/authors/jane-doe` },
        { "@type": "Organization", name: "BreakingOn Newsroom", url: `${SITE_URL}/authors/breakingon-newsroom` },
      ],
      publisher: {
        "@type": "NewsMediaOrganization",
        "@id": `${SITE_URL}/#publisher`,
        name: "BreakingOn",
        url: `${SITE_URL}/`,
        logo: { "@type": "ImageObject", url: `${SITE_URL}/publisher-logo.png`, width: 512, height: 512 },
        description: "Independent news.",
      },
      mainEntityOfPage: { "@type": "WebPage", "@id": `${SITE_URL}/articles/cartels` },
      url: `${SITE_URL}/articles/cartels`,
      inLanguage: "en",
      isAccessibleForFree: true,
      articleSection: "World",
      keywords: ["Mexico", "Fentanyl"],
    });
  });

  it("dates the last substantive update as dateModified", () => {
    const ld = newsArticleJsonLd(article({ updatedAt: new Date("2025-08-10T08:30:00.000Z") }), site, options);
    expect(ld.datePublished).toBe("2025-08-09T12:00:00.000Z");
    expect(ld.dateModified).toBe("2025-08-10T08:30:00.000Z");
  });

  it("offers crops of the hero picture when there is one", () => {
    const key = "AbCdEfGhIjKlMnOpQrStUv";
    const hero = { src: `/media/${key}`, width: 1600, height: 900, alt: "Border crossing", caption: "", credit: "" };
    const ld = newsArticleJsonLd(article({ hero }), site, options);
    expectGoogleArticle(ld);
    expect(ld.image).toEqual([
      { "@type": "ImageObject", url: `${SITE_URL}/media/${key}/crop-16x9.jpg`, width: 1200, height: 675, caption: "Border crossing" },
      { "@type": "ImageObject", url: `${SITE_URL}/media/${key}/crop-4x3.jpg`, width: 1200, height: 900, caption: "Border crossing" },
      { "@type": "ImageObject", url: `${SITE_URL}/media/${key}/crop-1x1.jpg`, width: 1200, height: 1200, caption: "Border crossing" },
    ]);
  });

  it("falls back to the generated card for a picture that is not one of ours", () => {
    const hero = { src: "/media/abc.jpg", width: 1600, height: 900, alt: "", caption: "", credit: "" };
    expect(newsArticleJsonLd(article({ hero }), site, options).image.map((image) => image.url)).toEqual([
      `${SITE_URL}/cards/articles/cartels/16x9.png`,
      `${SITE_URL}/cards/articles/cartels/4x3.png`,
      `${SITE_URL}/cards/articles/cartels/1x1.png`,
    ]);
  });

  it("lists corrections as CorrectionComment and leaves update notes out", () => {
    const ld = newsArticleJsonLd(
      article({
        corrections: [
          { kind: "CORRECTION", body: "An earlier version misspelled a name.", publishedAt: new Date("2025-08-11T10:00:00.000Z") },
          { kind: "UPDATE", body: "Adds the ministry's response.", publishedAt: new Date("2025-08-12T10:00:00.000Z") },
        ],
      }),
      site,
      options,
    );
    expect(ld.correction).toEqual([
      { "@type": "CorrectionComment", text: "An earlier version misspelled a name.", datePublished: "2025-08-11T10:00:00.000Z" },
    ]);
  });

  it("prefers the SEO description and leaves out what the story lacks", () => {
    const ld = newsArticleJsonLd(article({ seoDescription: "Short summary.", section: null, tags: [] }), site, options);
    expect(ld.description).toBe("Short summary.");
    expect(ld).not.toHaveProperty("articleSection");
    expect(ld).not.toHaveProperty("keywords");
    expect(ld).not.toHaveProperty("correction");
  });

  it("keeps headlines within 110 characters", () => {
    const long = "Officials say talks will resume next week after a long night of negotiations over the border, tariffs and the fate of the accord";
    const ld = newsArticleJsonLd(article({ headline: long }), site, options);
    expectGoogleArticle(ld);
    expect(ld.headline).toBe("Officials say talks will resume next week after a long night of negotiations over the border, tariffs and…");
  });
});

describe("truncateHeadline", () => {
  it("leaves short headlines alone and cuts long ones at a word", () => {
    expect(truncateHeadline("  Short  ")).toBe("Short");
    const cut = truncateHeadline("word ".repeat(40));
    expect(cut.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
    expect(cut.endsWith("word…")).toBe(true);
  });

  it("cuts a headline without spaces mid-word", () => {
    expect(truncateHeadline("x".repeat(200))).toBe(`${"x".repeat(109)}…`);
  });
});

describe("bylineType", () => {
  it("tells desks and the newsroom from people", () => {
    expect(bylineType("Jane Doe", "BreakingOn")).toBe("Person");
    expect(bylineType("BreakingOn Newsroom", "BreakingOn")).toBe("Organization");
    expect(bylineType("Metro Desk", "BreakingOn")).toBe("Organization");
    expect(bylineType("Associated Press", "BreakingOn")).toBe("Organization");
    expect(bylineType("Jane Doe", "")).toBe("Person");
  });
});

/**
 * Google's Breadcrumb documentation: BreadcrumbList requires itemListElement (at least two ListItems); each ListItem
 * requires position (from 1), name, and item (the page's URL).
 */
describe("breadcrumbs", () => {
  it("article: Home › Section › Story", () => {
    expect(articleBreadcrumbJsonLd(article(), site, options)).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "BreakingOn", item: `${SITE_URL}/` },
        { "@type": "ListItem", position: 2, name: "World", item: `${SITE_URL}/sections/world` },
        {
          "@type": "ListItem",
          position: 3,
          name: "Trump Administration Considers Military Action Against Mexican Drug Cartels",
          item: `${SITE_URL}/articles/cartels`,
        },
      ],
    });
  });

  it("article without a section: Home › Story", () => {
    const list = articleBreadcrumbJsonLd(article({ section: null }), site, options).itemListElement;
    expect(list.map((crumb) => [crumb.position, crumb.item])).toEqual([
      [1, `${SITE_URL}/`],
      [2, `${SITE_URL}/articles/cartels`],
    ]);
  });

  it("section: Home › Section", () => {
    expect(sectionBreadcrumbJsonLd({ slug: "world", name: "World" }, site, options).itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "BreakingOn", item: `${SITE_URL}/` },
      { "@type": "ListItem", position: 2, name: "World", item: `${SITE_URL}/sections/world` },
    ]);
  });
});

/**
 * Google's site-name documentation reads WebSite name and url on the home page; its Organization documentation
 * recommends name, url, logo (at least 112×112) and description. NewsMediaOrganization is a schema.org Organization.
 */
describe("home page", () => {
  it("describes the WebSite and its publisher, linked by @id", () => {
    const [website, organization] = homeJsonLd(site, options);
    expect(website).toEqual(webSiteJsonLd(site, options));
    expect(organization).toEqual(organizationJsonLd(site, options));
    expect(website).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      "@id": `${SITE_URL}/#website`,
      name: "BreakingOn",
      url: `${SITE_URL}/`,
      description: "Independent news.",
      inLanguage: "en",
      publisher: { "@id": `${SITE_URL}/#publisher` },
    });
    expect(organization).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsMediaOrganization",
      "@id": `${SITE_URL}/#publisher`,
      name: "BreakingOn",
      url: `${SITE_URL}/`,
      logo: { "@type": "ImageObject", url: `${SITE_URL}/publisher-logo.png`, width: 512, height: 512 },
    });
  });
});

describe("serializeJsonLd", () => {
  it("keeps a hostile headline inside the script element", () => {
    const ld = newsArticleJsonLd(article({ headline: "</script><script>alert(1)</script> & more" }), site, options);
    const text = serializeJsonLd(ld);
    expect(text).not.toContain("<");
    expect(text).not.toContain(">");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text).headline).toBe("</script><script>alert(1)</script> & more");
  });

  it("escapes the JavaScript line separators", () => {
    const text = serializeJsonLd(webSiteJsonLd({ ...site, description: "a\u2028b\u2029c" }, options));
    expect(text).toContain("a\\u2028b\\u2029c");
    expect(JSON.parse(text).description).toBe("a\u2028b\u2029c");
  });
});

describe("articleOgImagePath", () => {
  it("matches the URL Next.js gives app/(site)/articles/[slug]/opengraph-image.tsx", () => {
    expect(articleOgImagePath("some-story")).toBe(
      fillMetadataSegment("/(site)/articles/[slug]", { slug: "some-story" }, "opengraph-image", false),
    );
  });
});

describe("type of work and dateline (#11 §3)", () => {
  it.each([
    ["NEWS", "NewsArticle"],
    ["ANALYSIS", "AnalysisNewsArticle"],
    ["OPINION", "OpinionNewsArticle"],
    ["REVIEW", "ReviewNewsArticle"],
    ["EXPLAINER", "BackgroundNewsArticle"],
    ["SPONSORED", "AdvertiserContentArticle"],
  ] as const)("maps %s to %s", (workType, type) => {
    expect(newsArticleJsonLd(article({ workType }), site, options)["@type"]).toBe(type);
  });

  it("names the dateline when the story has one, and only then", () => {
    expect(newsArticleJsonLd(article({ workType: "OPINION", dateline: "WASHINGTON" }), site, options).dateline).toBe("WASHINGTON");
    expect(newsArticleJsonLd(article(), site, options)).not.toHaveProperty("dateline");
    expect(newsArticleJsonLd(article({ dateline: "  " }), site, options)).not.toHaveProperty("dateline");
  });

  it("marks sponsored content as such and gives it no NewsArticle-only dateline", () => {
    const ld = newsArticleJsonLd(article({ workType: "SPONSORED", dateline: "PARIS" }), site, options);
    expect(ld.genre).toBe("sponsored");
    expect(ld).not.toHaveProperty("dateline");
    expect(newsArticleJsonLd(article(), site, options)).not.toHaveProperty("genre");
  });
});

describe("the publisher's policies and profiles (#11 §3)", () => {
  it("names the published policy pages and the settings' profiles", () => {
    const org = organizationJsonLd(
      { ...site, sameAs: ["https://social.example/@breakingon"], sitePages: ["about", "ethics-policy", "corrections-policy", "masthead", "ownership-funding"] },
      options,
    );
    expect(org).toMatchObject({
      publishingPrinciples: `${SITE_URL}/pages/ethics-policy`,
      ethicsPolicy: `${SITE_URL}/pages/ethics-policy`,
      correctionsPolicy: `${SITE_URL}/pages/corrections-policy`,
      masthead: `${SITE_URL}/pages/masthead`,
      ownershipFundingInfo: `${SITE_URL}/pages/ownership-funding`,
      sameAs: ["https://social.example/@breakingon"],
    });
  });

  it("leaves out the policies whose pages are not published and an empty sameAs", () => {
    const org = organizationJsonLd({ ...site, sameAs: [], sitePages: ["about", "masthead"] }, options);
    expect(org.masthead).toBe(`${SITE_URL}/pages/masthead`);
    for (const property of ["publishingPrinciples", "ethicsPolicy", "correctionsPolicy", "ownershipFundingInfo", "sameAs"]) {
      expect(org).not.toHaveProperty(property);
    }
    expect(newsArticleJsonLd(article(), { ...site, sameAs: ["https://social.example/@b"] }, options).publisher.sameAs).toEqual(["https://social.example/@b"]);
  });
});
