// Runs before every other spec (a Playwright set-up project): the first-run flow creates the owner through the
// real form, then each role signs in once and its session is saved for the specs.
import { test as setup, expect } from "@playwright/test";
import { e2eDb } from "./support/site";
import { STAFF, createStaff, resetThrottling, signIn } from "./support/newsroom";

setup("first run creates the owner, then setup closes for good", async ({ page }) => {
  const db = e2eDb();
  // A reused local server keeps its database: start from "nobody has an account" every time.
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
  await db.$disconnect();
  await resetThrottling();

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/setup$/);
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Your name").fill(STAFF.owner.name);
  await page.getByLabel("Email").fill(STAFF.owner.email);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByText(/too common/i)).toBeVisible();
  await page.getByLabel("Password").fill(STAFF.owner.password);
  await page.getByRole("button", { name: "Create owner account" }).click();
  // Setup signs the owner in and opens the newsroom.
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  const closed = await page.request.get("/admin/setup");
  expect(closed.status()).toBe(404);

  await page.context().storageState({ path: STAFF.owner.storageState });
});

for (const key of ["editor", "writer"] as const) {
  setup(`${key} signs in`, async ({ page }) => {
    await createStaff(STAFF[key]);
    await signIn(page, STAFF[key]);
    await page.context().storageState({ path: STAFF[key].storageState });
  });
}
