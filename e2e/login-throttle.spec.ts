// Login throttling through the real form: five wrong passwords bring a wait, an unknown email reads exactly the
// same (no enumeration), the right password waits too, the wait doubles and is capped at 15 minutes (read from the
// stored counters rather than waited out), and afterwards the right password signs in.
import { expect, test, type Page } from "@playwright/test";
import { MAX_WAIT_SECONDS } from "../lib/auth/throttle-policy";
import { withDb } from "./support/site";
import { STAFF, createStaff, resetThrottling } from "./support/newsroom";

test.describe.configure({ mode: "serial" });

const THEO = { role: "WRITER", name: "Theo Throttle", email: "theo.throttle@breakingon.test", password: "quiet rivers carry old boats" } as const;
const UNKNOWN = "nobody.at.all@breakingon.test";
const INCORRECT = "The email or password is incorrect.";

/** One sign-in through the form, from a freshly loaded page; returns what the form says. */
async function attempt(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeVisible();
  return (await alert.textContent())?.trim() ?? "";
}

/** The waits stored for an email (the "_block" counters), in seconds from now. */
async function storedWaits(email: string): Promise<number[]> {
  const rows = await withDb((db) => db.rateLimiterFlexible.findMany({ where: { key: { contains: email } } }));
  return rows.filter((row) => row.key.includes("_block") && row.expire).map((row) => (row.expire!.getTime() - Date.now()) / 1000);
}

/** Lets the current wait pass at once, as if the time had gone by. */
async function skipWait(email: string) {
  await withDb((db) => db.rateLimiterFlexible.updateMany({ where: { key: { contains: email }, AND: { key: { contains: "_block" } } }, data: { expire: new Date(Date.now() - 1000) } }));
}

test.beforeAll(async () => {
  await resetThrottling();
  await createStaff(THEO);
});

test.afterAll(async () => {
  await resetThrottling();
});

test("five wrong passwords bring a wait, and an unknown email gets exactly the same answers", async ({ page }) => {
  const known: string[] = [];
  for (let i = 1; i <= 5; i++) known.push(await attempt(page, THEO.email, `wrong guess number ${i}`));
  expect(known.slice(0, 4)).toEqual(Array(4).fill(INCORRECT));
  expect(known[4]).toBe("Too many sign-in attempts. Try again in 30 seconds.");

  const unknown: string[] = [];
  for (let i = 1; i <= 5; i++) unknown.push(await attempt(page, UNKNOWN, `wrong guess number ${i}`));
  expect(unknown).toEqual(known);
});

test("during the wait even the right password is refused; the wait doubles, never past 15 minutes; then the password works", async ({ page, browser }) => {
  expect(await attempt(page, THEO.email, THEO.password)).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/);
  const first = await storedWaits(THEO.email);
  expect(first.length).toBeGreaterThan(0);
  for (const wait of first) {
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
  }

  // Someone else at the same address is not held up by Theo's wait.
  const other = await browser.newPage();
  try {
    await other.goto("/admin/login");
    await other.getByLabel("Email").fill(STAFF.editor.email);
    await other.getByLabel("Password").fill(STAFF.editor.password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  } finally {
    await other.close();
  }

  await skipWait(THEO.email);
  expect(await attempt(page, THEO.email, "yet another wrong guess")).toBe("Too many sign-in attempts. Try again in 1 minute.");
  for (let i = 0; i < 5; i++) {
    await skipWait(THEO.email);
    await attempt(page, THEO.email, `persistent guess ${i}`);
  }
  const capped = await storedWaits(THEO.email);
  expect(Math.max(...capped)).toBeGreaterThan(MAX_WAIT_SECONDS - 60);
  for (const wait of capped) expect(wait).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
  expect(await attempt(page, THEO.email, THEO.password)).toBe("Too many sign-in attempts. Try again in 15 minutes.");

  await skipWait(THEO.email);
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(THEO.email);
  await page.getByLabel("Password").fill(THEO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  // Success forgets the account's failures.
  expect(await storedWaits(THEO.email)).toEqual([]);
});
