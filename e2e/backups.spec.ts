// The System page's Backups card (#13 §1): administrators see the last successful backup and its size, and a warning
// when none succeeded in the last 26 hours; nobody else may open the page.
import { expect, test } from "@playwright/test";
import { STAFF } from "./support/newsroom";
import { withDb } from "./support/site";

const HOUR = 3_600_000;

test.describe.configure({ mode: "serial" });

test.describe("as the owner (an administrator)", () => {
  test.use({ storageState: STAFF.owner.storageState });

  test("warns when no backup succeeded in 26 hours, and shows the last one and its size", async ({ page }) => {
    await withDb((db) => db.backupRun.deleteMany({}));
    await page.goto("/admin/system");
    await expect(page.getByRole("heading", { level: 1, name: "System" })).toBeVisible();
    const card = page.getByRole("region", { name: "Backups" });
    await expect(card.getByRole("alert")).toHaveText(/No backup has succeeded yet\./);

    const file = "/srv/breakingon/backups/breakingon-20261127T000000Z-scheduled.tar.gz";
    await withDb((db) => db.backupRun.create({ data: { kind: "scheduled", status: "succeeded", file, sizeBytes: BigInt(5_400_000), startedAt: new Date(Date.now() - 27 * HOUR), finishedAt: new Date(Date.now() - 27 * HOUR) } }));
    await page.reload();
    await expect(card.getByRole("alert")).toHaveText(/No backup has succeeded in the last 26 hours\./);
    await expect(card).toContainText("5.1 MB");

    await withDb((db) => db.backupRun.create({ data: { kind: "manual", status: "succeeded", file, sizeBytes: BigInt(2048), startedAt: new Date(Date.now() - HOUR), finishedAt: new Date(Date.now() - HOUR) } }));
    await page.reload();
    await expect(card.getByRole("alert")).toHaveCount(0);
    await expect(card).toContainText("2.0 KB");
    await expect(card).toContainText("(manual)");
    await expect(card).toContainText(file);
    await expect(page.getByRole("navigation").getByRole("link", { name: "System" })).toHaveAttribute("href", "/admin/system");
    await withDb((db) => db.backupRun.deleteMany({}));
  });
});

test.describe("as the editor", () => {
  test.use({ storageState: STAFF.editor.storageState });

  test("cannot open the System page or see it in the navigation", async ({ page }) => {
    const response = await page.goto("/admin/system");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("region", { name: "Backups" })).toHaveCount(0);
    await page.goto("/admin");
    await expect(page.getByRole("link", { name: "System" })).toHaveCount(0);
  });
});
