import { expect, test, type Page } from "@playwright/test";
import { ArticleStatus } from "../lib/db";
import { STAFF } from "./support/newsroom";
import { HIDDEN_MARKER, OLDER_SLUG, e2eDb } from "./support/site";

const STATUSES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;
const RUN = Date.now().toString(36);

/** The headlines in the story table (desktop layout), in order. */
async function listedHeadlines(page: Page): Promise<string[]> {
  return page.getByRole("table", { name: "Stories" }).locator("tbody tr td:first-child a").allTextContents();
}

async function userId(email: string): Promise<string> {
  const db = e2eDb();
  try {
    return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  } finally {
    await db.$disconnect();
  }
}

test.describe("as the editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("the dashboard counts every story by status and links to each filtered list", async ({ page }) => {
    const db = e2eDb();
    const groups = await db.article.groupBy({ by: ["status"], _count: { _all: true } });
    const total = await db.article.count();
    await db.$disconnect();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    for (const status of STATUSES) {
      const expected = groups.find((g) => g.status === status)?._count._all ?? 0;
      await expect(page.getByTestId(`count-${status}`)).toHaveText(String(expected));
    }
    await expect(page.getByTestId("count-all")).toHaveText(String(total));
    await expect(page.getByRole("link", { name: "New story" })).toHaveAttribute("href", "/admin/stories/new");

    const queue = page.getByRole("list", { name: "Waiting for review, oldest first" });
    await expect(queue.getByRole("link", { name: `${HIDDEN_MARKER} zebracorn-in-review cartels Mexico` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Coming up" }).getByRole("link", { name: `${HIDDEN_MARKER} zebracorn-scheduled cartels Mexico` })).toBeVisible();

    await page.getByRole("link", { name: /^Status: In review/ }).click();
    await expect(page).toHaveURL(/\/admin\/stories\?status=in-review/);
    await expect(page.getByLabel("Status")).toHaveValue("in-review");
  });

  test("filtering by Draft lists only drafts", async ({ page }) => {
    const db = e2eDb();
    const drafts = await db.article.findMany({ where: { status: ArticleStatus.DRAFT }, select: { headline: true } });
    await db.$disconnect();
    await page.goto("/admin/stories");
    await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
    // Every hidden state is in the unfiltered list.
    for (const slug of ["zebracorn-draft", "zebracorn-in-review", "zebracorn-scheduled", "zebracorn-archived"]) {
      expect(await listedHeadlines(page)).toContain(`${HIDDEN_MARKER} ${slug} cartels Mexico`);
    }

    await page.getByLabel("Status").selectOption({ label: "Draft" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]status=draft(&|$)/);
    const table = page.getByRole("table", { name: "Stories" });
    await expect(table.locator("tbody tr")).toHaveCount(Math.min(drafts.length, 20));
    for (const status of await table.locator("tbody tr td:nth-child(2)").allTextContents()) expect(status).toContain("Draft");
    const headlines = await listedHeadlines(page);
    expect(headlines).toContain(`${HIDDEN_MARKER} zebracorn-draft cartels Mexico`);
    for (const slug of ["zebracorn-in-review", "zebracorn-scheduled", "zebracorn-archived", "zebracorn-future"]) {
      expect(headlines).not.toContain(`${HIDDEN_MARKER} ${slug} cartels Mexico`);
    }
  });

  test("search finds a story by a word of its headline, in any case", async ({ page }) => {
    await page.goto("/admin/stories");
    await page.getByRole("searchbox", { name: "Search" }).fill("PATROLS");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=PATROLS/);
    expect(await listedHeadlines(page)).toEqual(["Mexico Expands Border Patrols After Talks"]);
    await expect(page.getByRole("link", { name: "Mexico Expands Border Patrols After Talks" })).toHaveAttribute("href", /^\/admin\/stories\/[a-z0-9]+$/);
    await expect(page.getByText(`/${OLDER_SLUG}`)).toBeVisible();

    await page.goto("/admin/stories?q=nothing+like+this+at+all");
    await expect(page.getByText("No stories match these filters.")).toBeVisible();
  });

  test.describe("with more stories than fit on a page", () => {
    const marker = `Pagetest${RUN}`;
    test.beforeAll(async () => {
      const db = e2eDb();
      await db.article.createMany({
        data: Array.from({ length: 25 }, (_, i) => ({
          slug: `${marker.toLowerCase()}-${i}`,
          headline: `${marker} story ${String(i).padStart(2, "0")}`,
          updatedAt: new Date(Date.now() - i * 60_000),
        })),
      });
      await db.$disconnect();
    });
    test.afterAll(async () => {
      const db = e2eDb();
      await db.article.deleteMany({ where: { slug: { startsWith: marker.toLowerCase() } } });
      await db.$disconnect();
    });

    test("pagination keeps the filters and walks every page; a page past the end explains itself", async ({ page }) => {
      await page.goto(`/admin/stories?q=${marker}&sort=headline-asc`);
      await expect(page.getByText("25 stories · showing 1–20")).toBeVisible();
      const first = await listedHeadlines(page);
      expect(first).toHaveLength(20);
      expect(first[0]).toBe(`${marker} story 00`);
      await page.getByRole("navigation", { name: "Story list pages" }).getByRole("link", { name: /Next page/ }).click();
      await expect(page).toHaveURL(new RegExp(`\\?q=${marker}&sort=headline-asc&page=2$`));
      await expect(page.getByText("Page 2 of 2")).toBeVisible();
      expect(await listedHeadlines(page)).toEqual([20, 21, 22, 23, 24].map((n) => `${marker} story ${n}`));
      await page.getByRole("link", { name: /Previous page/ }).click();
      await expect(page).toHaveURL(new RegExp(`\\?q=${marker}&sort=headline-asc$`));

      const past = await page.goto(`/admin/stories?q=${marker}&page=99`);
      expect(past?.status()).toBe(200);
      await expect(page.getByText("There is no page 99.")).toBeVisible();
      await page.getByRole("link", { name: "Go to the first page" }).click();
      await expect(page.getByText("25 stories · showing 1–20")).toBeVisible();

      // Nonsense parameters fall back to the defaults instead of failing.
      const odd = await page.goto(`/admin/stories?page=abc&status=deleted&sort=password&section=%2E%2E`);
      expect(odd?.status()).toBe(200);
      await expect(page.getByLabel("Status")).toHaveValue("all");
    });
  });

  test("the review queue lists stories waiting for an editor", async ({ page }) => {
    await page.goto("/admin/review");
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(page.getByRole("link", { name: `${HIDDEN_MARKER} zebracorn-in-review cartels Mexico` })).toBeVisible();
  });
});

test.describe("as the writer", () => {
  test.use({ storageState: STAFF.writer.storageState });
  const own = `Wren's own draft ${RUN}`;
  const editors = `Eddie's private draft ${RUN}`;

  test.beforeAll(async () => {
    const [writerId, editorId] = await Promise.all([userId(STAFF.writer.email), userId(STAFF.editor.email)]);
    const db = e2eDb();
    await db.article.createMany({
      data: [
        { slug: `wren-own-${RUN}`, headline: own, status: ArticleStatus.DRAFT, createdById: writerId, lastEditedById: writerId },
        { slug: `eddie-private-${RUN}`, headline: editors, standfirst: "Mexico", status: ArticleStatus.DRAFT, createdById: editorId, lastEditedById: editorId },
      ],
    });
    await db.$disconnect();
  });
  test.afterAll(async () => {
    const db = e2eDb();
    await db.article.deleteMany({ where: { slug: { in: [`wren-own-${RUN}`, `eddie-private-${RUN}`] } } });
    await db.$disconnect();
  });

  test("sees their own draft and nobody else's, through the list, filters, search and counts", async ({ page }) => {
    const writerId = await userId(STAFF.writer.email);
    const db = e2eDb();
    const mine = await db.article.count({ where: { createdById: writerId } });
    await db.$disconnect();

    await page.goto("/admin/stories");
    const headlines = await listedHeadlines(page);
    expect(headlines).toContain(own);
    expect(headlines).toHaveLength(mine);
    expect(headlines.join("\n")).not.toContain(HIDDEN_MARKER);
    expect(headlines).not.toContain(editors);

    for (const url of ["/admin/stories?status=draft", "/admin/stories?q=zebracorn", "/admin/stories?q=mexico", "/admin/stories?q=eddie", "/admin/stories?byline=breakingon-newsroom"]) {
      await page.goto(url);
      const content = await page.locator("main").innerText();
      expect(content, url).not.toContain(HIDDEN_MARKER);
      expect(content, url).not.toContain(editors);
    }
    await page.goto("/admin/stories?status=draft");
    expect(await listedHeadlines(page)).toContain(own);

    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 2, name: "Your stories by status" })).toBeVisible();
    await expect(page.getByTestId("count-all")).toHaveText(String(mine));
    await expect(page.getByRole("heading", { name: "Waiting for review" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: /My stories/ }).getByRole("link", { name: own })).toBeVisible();
    const dashboard = await page.locator("main").innerText();
    expect(dashboard).not.toContain(HIDDEN_MARKER);
    expect(dashboard).not.toContain(editors);
  });

  test("is refused the review queue", async ({ page }) => {
    const response = await page.goto("/admin/review");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Review queue" })).toHaveCount(0);
  });
});
