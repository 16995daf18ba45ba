// Trust indicators on reader pages (#11 §3): a story's type of work labelled above its headline (Opinion set apart,
// Sponsored marked) and mapped to its JSON-LD @type, its dateline opening the first paragraph, and an author page
// with the byline's photo, job title, expertise, languages and contact, described by ProfilePage JSON-LD.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { withDb } from "./support/site";

const RUN = Date.now().toString(36);
const AUTHOR_SLUG = `rosa-trust-${RUN}`;
const AUTHOR = `Rosa Trust ${RUN}`;
const OPINION_SLUG = `trust-opinion-${RUN}`;
const SPONSORED_SLUG = `trust-sponsored-${RUN}`;
// Old dates keep these stories off the fronts and the news sitemap other specs look at.
const LONG_AGO = new Date("2020-01-02T12:00:00Z");

let photoAlt = "";

test.beforeAll(async () => {
  await withDb(async (db) => {
    const photo = await db.media.findFirstOrThrow({ where: { alt: { not: "" } }, select: { id: true, alt: true } });
    photoAlt = photo.alt;
    const byline = await db.byline.create({
      data: {
        slug: AUTHOR_SLUG,
        name: AUTHOR,
        bio: "Writes about the border.",
        jobTitle: "Border columnist",
        expertise: "Border security\nMigration",
        languages: "English\nSpanish",
        contactEmail: "rosa@news.example",
        links: "https://rosa.example/",
        photoMediaId: photo.id,
      },
      select: { id: true },
    });
    const bylines = { create: [{ bylineId: byline.id, position: 0 }] };
    // Written as a draft with its type of work and dateline, then published, as the newsroom would.
    const opinion = await db.article.create({
      data: { slug: OPINION_SLUG, headline: `The border needs a plan ${RUN}`, body: "Congress should act now.\n\nIt has waited long enough.", workType: "OPINION", dateline: "WASHINGTON", bylines },
      select: { id: true },
    });
    await db.article.update({ where: { id: opinion.id }, data: { status: "PUBLISHED", publishedAt: LONG_AGO } });
    await db.article.create({
      data: { slug: SPONSORED_SLUG, headline: `Travel the coast ${RUN}`, body: "Paid words.", workType: "SPONSORED", status: "PUBLISHED", publishedAt: LONG_AGO, bylines },
    });
  });
});

test.afterAll(async () => {
  await withDb(async (db) => {
    await db.article.deleteMany({ where: { slug: { in: [OPINION_SLUG, SPONSORED_SLUG] } } });
    await db.byline.deleteMany({ where: { slug: AUTHOR_SLUG } });
  });
});

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  return (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text));
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an opinion piece is labelled, opens with its dateline and is an OpinionNewsArticle", async ({ page }) => {
  await page.goto(`/articles/${OPINION_SLUG}`);
  const header = page.locator("article > header");
  await expect(header.locator("[data-work-type]")).toHaveText("Opinion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`The border needs a plan ${RUN}`);
  const first = page.locator(".article-body p").first();
  await expect(first).toHaveText("WASHINGTON — Congress should act now.");
  await expect(first.locator(".dateline")).toHaveCSS("font-variant-caps", "all-small-caps");
  await expect(page.locator("article > header").getByRole("link", { name: AUTHOR })).toHaveAttribute("href", `/authors/${AUTHOR_SLUG}`);
  const article = (await jsonLd(page)).find((doc) => doc.headline === `The border needs a plan ${RUN}`);
  expect(article).toMatchObject({ "@type": "OpinionNewsArticle", dateline: "WASHINGTON" });
});

test("sponsored content is marked on the page and in its JSON-LD", async ({ page }) => {
  await page.goto(`/articles/${SPONSORED_SLUG}`);
  await expect(page.locator("article > header [data-work-type]")).toHaveText("Sponsored");
  await expect(page.getByText("Paid content: produced for an advertiser, not by the newsroom.")).toBeVisible();
  const article = (await jsonLd(page)).find((doc) => doc.headline === `Travel the coast ${RUN}`);
  expect(article).toMatchObject({ "@type": "AdvertiserContentArticle", genre: "sponsored" });
});

test("the author page shows the profile and describes it as a ProfilePage", async ({ page }) => {
  await page.goto(`/authors/${AUTHOR_SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: AUTHOR })).toBeVisible();
  await expect(page.getByRole("img", { name: photoAlt })).toBeVisible();
  await expect(page.getByText("Border columnist")).toBeVisible();
  await expect(page.getByText("Border security, Migration")).toBeVisible();
  await expect(page.getByText("English, Spanish")).toBeVisible();
  await expect(page.getByRole("link", { name: "rosa@news.example" })).toHaveAttribute("href", "mailto:rosa@news.example");
  // The author's stories are listed with their type of work on each card (plain news carries no label).
  const card = (headline: string) => page.getByRole("main").locator("li", { has: page.getByRole("link", { name: headline }) });
  await expect(card(`The border needs a plan ${RUN}`)).toContainText(/Opinion/i);
  await expect(card(`Travel the coast ${RUN}`)).toContainText(/Sponsored/i);
  const profile = (await jsonLd(page)).find((doc) => doc["@type"] === "ProfilePage");
  expect(profile).toMatchObject({
    mainEntity: {
      "@type": "Person",
      name: AUTHOR,
      jobTitle: "Border columnist",
      image: { "@type": "ImageObject" },
      knowsAbout: ["Border security", "Migration"],
      knowsLanguage: ["English", "Spanish"],
      email: "rosa@news.example",
      sameAs: ["https://rosa.example/"],
      url: expect.stringMatching(new RegExp(`/authors/${AUTHOR_SLUG}$`)),
    },
  });
});

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const [name, path] of [
      ["opinion article", `/articles/${OPINION_SLUG}`],
      ["sponsored article", `/articles/${SPONSORED_SLUG}`],
      ["author page", `/authors/${AUTHOR_SLUG}`],
    ] as const) {
      test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await expectNoAxeViolations(page);
      });
    }
  });
}
