// Trust pages (#11 §3) in a real browser: an admin writes and publishes Contact, which readers then find at its
// address and in the footer's links; a writer is refused the newsroom's site pages; a correction published from the
// story's page is listed on /corrections (and in its feed) at once; the new public pages pass axe in both themes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const SOON = { timeout: 5_000, intervals: [100, 250, 500, 1000] };
const CONTACT_TEXT = `Tips go to the **news desk** (ref ${Date.now()}).`;

test.describe.configure({ mode: "serial" });

test.describe("as the owner", () => {
  test.use({ storageState: STAFF.owner.storageState });

  test("edits Contact, previews it, publishes it; readers find it at /pages/contact and in the footer links", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/admin/pages");
    await expect(page.getByRole("heading", { name: "Site pages", level: 1 })).toBeVisible();
    // A retry finds the page under the title the first attempt gave it.
    await page.getByRole("link", { name: /^Contact( the newsroom)?$/ }).click();
    await expect(page).toHaveURL(/\/admin\/pages\/contact$/);

    await page.getByLabel("Title").fill("Contact the newsroom");
    await page.getByLabel("Text (Markdown)").fill(`${CONTACT_TEXT}\n\n<script>window.__owned = true</script>`);
    await page.getByRole("button", { name: "Save page" }).click();
    await expect(page.getByRole("status")).toHaveText("Page saved.");
    await expect(page.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText("Saved");

    await page.getByRole("link", { name: "Preview the saved version" }).click();
    await expect(page.getByRole("heading", { name: "Contact the newsroom" })).toBeVisible();
    await expect(page.locator("article strong", { hasText: "news desk" })).toBeVisible();
    expect(await page.locator("article script").count()).toBe(0);
    await page.getByRole("link", { name: "Back to the editor" }).click();

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Page published");
    await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();

    await expect(async () => {
      await page.goto("/pages/contact");
      await expect(page.getByRole("heading", { name: "Contact the newsroom", level: 1 })).toBeVisible({ timeout: 500 });
    }).toPass(SOON);
    await expect(page.getByRole("main").getByText(/Tips go to the/)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __owned?: boolean }).__owned)).toBeUndefined();
    expect(await page.locator("main script:not([type='application/ld+json'])").count()).toBe(0);

    // The footer links (components/site/footer-links.tsx) on every reader page: the cached home page too, at once.
    const links = page.getByRole("contentinfo").getByRole("navigation", { name: "Site information" });
    await expect(async () => {
      await page.goto("/");
      await expect(links.getByRole("link", { name: "Contact the newsroom" })).toHaveAttribute("href", "/pages/contact", { timeout: 500 });
    }).toPass(SOON);
    await expect(links.getByRole("link", { name: "About BreakingOn" })).toHaveAttribute("href", "/about");
    await expect(links.getByRole("link", { name: "World" })).toHaveAttribute("href", "/sections/world");
    await expect(links.getByRole("link", { name: "Corrections and updates (RSS)" })).toHaveAttribute("href", "/feeds/corrections/rss.xml");
    // Drafts are neither linked nor public.
    await expect(links.getByRole("link", { name: "Privacy" })).toHaveCount(0);
    expect((await page.request.get("/pages/privacy")).status()).toBe(404);
  });
});

test.describe("as a writer", () => {
  test.use({ storageState: STAFF.writer.storageState });

  test("is refused the site pages and their editor", async ({ page }) => {
    for (const path of ["/admin/pages", "/admin/pages/contact", "/admin/pages/contact/preview"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
    await page.goto("/admin");
    await expect(page.getByRole("link", { name: "Site pages" })).toHaveCount(0);
  });
});

test.describe("as an editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("a correction published on a story is listed on /corrections and in its feed, linking to the story", async ({ page }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const slug = `ferry-fares-rise-${stamp}`;
    const note = `The fare rise is 4 per cent, not 40 per cent (${stamp}).`;
    const id = await withDb(async (db) => {
      // A byline of its own, so no other spec's author or section listing gains a story.
      const byline = await db.byline.create({ data: { slug: `ferry-desk-${stamp}`, name: `Ferry Desk ${stamp}` }, select: { id: true } });
      const story = await db.article.create({
        data: { slug, headline: `Ferry Fares Rise ${stamp}`, body: "Fares rise on Monday.", status: "PUBLISHED", publishedAt: new Date(Date.now() - 3_600_000), bylines: { create: [{ bylineId: byline.id }] } },
        select: { id: true },
      });
      return story.id;
    });
    // Cached before the note exists, so the page must be expired by the write, not merely rendered late.
    await page.goto("/corrections");

    await page.goto(`/admin/stories/${id}`);
    await page.getByLabel("Note shown to readers").fill(note);
    await page.getByRole("button", { name: "Publish note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Correction published." })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("region", { name: "Corrections and updates" }).getByText(note)).toBeVisible({ timeout: 15_000 });

    await expect(async () => {
      await page.goto("/corrections");
      await expect(page).toHaveURL(/\/corrections$/);
      await expect(page.getByText(note)).toBeVisible({ timeout: 500 });
    }).toPass(SOON);
    const item = page.getByRole("listitem").filter({ hasText: note });
    await expect(item.getByRole("link", { name: `Ferry Fares Rise ${stamp}` })).toHaveAttribute("href", `/articles/${slug}#corrections-heading`);
    await expect(item).toContainText("Correction");

    const feed = await page.request.get("/feeds/corrections/rss.xml");
    expect(feed.headers()["content-type"]).toContain("application/rss+xml");
    const xml = await feed.text();
    expect(xml).toContain(note);
    expect(xml).toContain(`/articles/${slug}#corrections-heading`);
  });
});

test.describe("a note published beside the editor", () => {
  test.use({ storageState: STAFF.owner.storageState });

  test("keeps a headline change not yet saved, reloads nothing, and the next save goes through without a conflict", async ({ page }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const headlineBefore = `Harbour Tolls Frozen ${stamp}`;
    const note = `The freeze runs to March, not May (${stamp}).`;
    const id = await withDb(async (db) => {
      const byline = await db.byline.create({ data: { slug: `harbour-desk-${stamp}`, name: `Harbour Desk ${stamp}` }, select: { id: true } });
      const story = await db.article.create({
        data: { slug: `harbour-tolls-frozen-${stamp}`, headline: headlineBefore, body: "Tolls stay as they are.", status: "PUBLISHED", publishedAt: new Date(Date.now() - 3_600_000), bylines: { create: [{ bylineId: byline.id }] } },
        select: { id: true },
      });
      return story.id;
    });
    await page.goto(`/admin/stories/${id}`);
    const headline = page.getByLabel("Headline");
    await expect(headline).toHaveValue(headlineBefore);
    let loads = 0;
    page.on("load", () => loads++);

    // Typed, not saved: the note goes out first.
    await headline.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Until March");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "dirty");
    await page.getByLabel("Note shown to readers").fill(note);
    await page.getByRole("button", { name: "Publish note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Correction published." })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("region", { name: "Corrections and updates" }).getByText(note)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Note shown to readers")).toHaveValue("");
    await expect(headline).toHaveValue(`${headlineBefore} Until March`);

    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
    await expect(page.getByText(/Someone else saved meanwhile|overlap/)).toHaveCount(0);
    expect(loads).toBe(0);
    const stored = await withDb((db) => db.article.findUniqueOrThrow({ where: { id }, select: { headline: true, corrections: { select: { body: true } } } }));
    expect(stored.headline).toBe(`${headlineBefore} Until March`);
    expect(stored.corrections.map((c) => c.body)).toEqual([note]);
  });
});

const PAGES = { corrections: "/corrections", contact: "/pages/contact", about: "/about" };

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const [name, path] of Object.entries(PAGES)) {
      test(`${name} has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  });
}
