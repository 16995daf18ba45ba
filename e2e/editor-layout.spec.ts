// The editor at tablet width: the publishing panel stays in reach beside a long story, the headline is large, and the
// page logs no console errors (no prefetched preview 404). Times are on the site's clock with the zone named.
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import { fromZonedInput } from "../lib/content/dates";
import { e2eDb } from "./support/site";
import { STAFF } from "./support/newsroom";

test.use({ storageState: STAFF.editor.storageState });

async function newDraft(page: Page, headline: string): Promise<string> {
  await page.goto("/admin/stories/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL((url) => /^\/admin\/stories\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  return page.url().split("/").pop()!;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

for (const width of [768, 900, 1024]) {
  test(`at ${width} px the publishing panel stays in reach below a long story, and the headline is large`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const id = await newDraft(page, `Long Read At ${width} ${Date.now()}`);
    const db = e2eDb();
    const body = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long story, long enough to need scrolling on any tablet screen.`).join("\n\n");
    await db.article.update({ where: { id }, data: { body } });
    await db.$disconnect();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Story body" })).toContainText("Paragraph 60");

    const headlineSize = await page.getByLabel("Headline").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(headlineSize).toBeGreaterThanOrEqual(28);

    await page.getByRole("textbox", { name: "Story body" }).getByText("Paragraph 60").scrollIntoViewIfNeeded();
    for (const control of [
      page.getByRole("button", { name: /^Save/ }),
      page.getByRole("button", { name: "Publish now" }),
      page.getByRole("button", { name: "Submit for review" }),
      page.getByRole("combobox", { name: "Section" }),
    ]) {
      await expect(control).toBeInViewport();
    }
    await page.getByRole("combobox", { name: "Add a byline" }).scrollIntoViewIfNeeded();
    await expect(page.getByRole("combobox", { name: "Add a byline" })).toBeInViewport();
    await expect(page.getByRole("textbox", { name: "Story body" }).getByText("Paragraph 60")).toBeInViewport();
  });
}

test("the editor page logs no console errors, and its times name the site's zone", async ({ page }) => {
  const errors = collectErrors(page);
  const id = await newDraft(page, `Quiet Console ${Date.now()}`);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Story body" })).toBeVisible();
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("A line to save.");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  // "Saved 3:47:12 PM EST": the zone is named.
  await expect(page.getByTestId("save-state")).toHaveText(/Saved \d{1,2}:\d{2}:\d{2}\s?[AP]M [A-Z]{2,5}/);
  await expect(page.getByText(/Go live at \(\w+, the site’s time\)/)).toBeVisible();
  await page.waitForTimeout(1500);
  expect(errors, `console errors on /admin/stories/${id}`).toEqual([]);
});

test("scheduling reads the time on the site's clock, and a scheduled story says when it goes live", async ({ page }) => {
  const id = await newDraft(page, `Clockwork Story ${Date.now()}`);
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("Text for the schedule.");
  await page.getByRole("combobox", { name: "Add a byline" }).selectOption({ index: 1 });
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await page.getByLabel(/Go live at/).fill("2031-03-04T09:30");
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Scheduled");
  const db = e2eDb();
  const [row, settings] = await Promise.all([db.article.findUniqueOrThrow({ where: { id }, select: { scheduledAt: true } }), db.siteSettings.findFirstOrThrow({ select: { timeZone: true } })]);
  await db.$disconnect();
  const zone = new Intl.DateTimeFormat("en-US", { timeZone: settings.timeZone, timeZoneName: "short" }).formatToParts(new Date("2031-03-04T12:00:00Z")).find((p) => p.type === "timeZoneName")!.value;
  // Shown, and stored, as 9:30 on the site's clock (the browser's own zone plays no part).
  await expect(page.getByTestId("scheduled-at")).toContainText(new RegExp(`Mar 4, 2031.*9:30\\s?AM ${zone}`));
  expect(row.scheduledAt?.toISOString()).toBe(fromZonedInput("2031-03-04T09:30", settings.timeZone)?.toISOString());

  // Reschedule without going back to draft, then unschedule: back to review.
  await page.getByLabel(/New time/).fill("2031-03-05T18:15");
  await page.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByTestId("scheduled-at")).toContainText(new RegExp(`Mar 5, 2031.*6:15\\s?PM ${zone}`));
  await expect(page.getByTestId("story-status")).toHaveText("Scheduled");
  await page.getByRole("button", { name: "Unschedule" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
  await page.reload();
  await expect(page.getByTestId("story-status")).toHaveText("In review");
});
