// Two-factor sign-in end to end: enrolling an authenticator (QR code and typed key), signing in with a code, a wrong
// code refused, a recovery code good for one use, an admin's reset, and the site-wide requirement that holds an
// unenrolled user on the security page until they enrol.
import { expect, test, type Page } from "@playwright/test";
import { currentTotp } from "../lib/auth/totp";
import { withDb } from "./support/site";
import { STAFF, createStaff, resetThrottling, signIn } from "./support/newsroom";

test.describe.configure({ mode: "serial" });

const TESS = { role: "WRITER", name: "Tess Twofactor", email: "tess.twofactor@breakingon.test", password: "seven silver spoons in a drawer" } as const;
const FINN = { role: "EDITOR", name: "Finn Forced", email: "finn.forced@breakingon.test", password: "an orange kite over the harbour" } as const;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A fresh account, with no two-factor left over from an earlier run against the same database. */
async function freshStaff(account: typeof TESS | typeof FINN) {
  const id = await createStaff(account);
  await withDb(async (db) => {
    await db.recoveryCode.deleteMany({ where: { userId: id } });
    await db.user.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
  });
}

/** A six-digit code that is none of the codes the server would accept now. */
async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-60, -30, 0, 30, 60].map((offset) => currentTotp(secret, nowSeconds() + offset)));
  return ["000000", "111111", "222222", "333333", "444444", "555555"].find((code) => !near.includes(code))!;
}

/** Next step's code: the enrolment just used this step's, and a code is good only once. */
const nextCode = (secret: string) => currentTotp(secret, nowSeconds() + 30);

async function enrol(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/admin/account/security");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(section.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await section.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await section.getByLabel("Code from your app").fill(await wrongCode(secret));
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(section.getByText("That code did not match.", { exact: false })).toBeVisible();

  await section.getByLabel("Code from your app").fill(await currentTotp(secret));
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = section.getByTestId("recovery-codes");
  await expect(list).toBeVisible();
  await expect(section.getByText("they will not be shown again.")).toBeVisible();
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

  await section.getByRole("link", { name: "I have stored my recovery codes" }).click();
  await expect(page.getByRole("status")).toHaveText("Two-factor sign-in is on. Keep your recovery codes somewhere safe.");
  await expect(section.getByText("You have 10 unused recovery codes.")).toBeVisible();
  return { secret, recoveryCodes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
}

/** The first step of signing in, up to the request for a code. */
async function passwordStep(page: Page, account: { email: string; password: string }) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page.getByText("Enter the six-digit code from your authenticator app, or a recovery code.")).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test.beforeAll(async () => {
  await resetThrottling();
  await freshStaff(TESS);
  await freshStaff(FINN);
});

test.afterAll(async () => {
  await withDb((db) => db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: false } }));
  await resetThrottling();
});

let enrolled: { secret: string; recoveryCodes: string[] } = { secret: "", recoveryCodes: [] };

test("enrol an authenticator, then sign in with its code; a wrong code is refused; a recovery code works once", async ({ page }) => {
  await signIn(page, TESS);
  enrolled = await enrol(page);
  const { secret, recoveryCodes } = enrolled;
  expect(await withDb((db) => db.user.findUniqueOrThrow({ where: { email: TESS.email } }))).toMatchObject({ totpEnabledAt: expect.any(Date) });

  await signOut(page);
  await passwordStep(page, TESS);
  await codeStep(page, await wrongCode(secret));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code did not work. Check your authenticator app and try again.");
  await expect(page).toHaveURL(/\/admin\/login/);
  await codeStep(page, await nextCode(secret));
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();

  await signOut(page);
  await passwordStep(page, TESS);
  await codeStep(page, recoveryCodes[0].toUpperCase());
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();

  await signOut(page);
  await passwordStep(page, TESS);
  await codeStep(page, recoveryCodes[0]);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code did not work. Check your authenticator app and try again.");
  await codeStep(page, recoveryCodes[1]);
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
  await page.goto("/admin/account/security");
  await expect(page.getByText("You have 8 unused recovery codes.")).toBeVisible();
});

test("an admin resets someone's two-factor sign-in: their sessions end and their password alone signs them in", async ({ browser }) => {
  const tess = await browser.newPage();
  const admin = await browser.newPage();
  try {
    await passwordStep(tess, TESS);
    await codeStep(tess, enrolled.recoveryCodes[2]);
    await expect(tess.getByRole("navigation", { name: "Newsroom" })).toBeVisible();

    await signIn(admin, STAFF.owner);
    await admin.goto("/admin/people");
    const row = admin.getByRole("row", { name: new RegExp(TESS.email) });
    await expect(row).toContainText("On");
    await row.getByRole("button", { name: "Reset 2FA" }).click();
    await row.getByRole("button", { name: "Confirm reset" }).click();
    await expect(row.getByRole("status")).toHaveText(`Two-factor sign-in reset for ${TESS.name}: they sign in with their password and set up their app again.`);
    await expect(row).toContainText("Off");

    const after = await withDb((db) => db.user.findUniqueOrThrow({ where: { email: TESS.email }, include: { recoveryCodes: true } }));
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] });
    await tess.goto("/admin");
    await expect(tess).toHaveURL(/\/admin\/login/);
    await signIn(tess, TESS);
  } finally {
    await tess.close();
    await admin.close();
  }
});

test("when an admin requires two-factor sign-in, an unenrolled user is held on the security page until they enrol", async ({ page }) => {
  await withDb((db) => db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: true } }));
  try {
    await signIn(page, FINN);
    await expect(page).toHaveURL(/\/admin\/account\/security$/);
    await expect(page.getByText("An administrator requires two-factor sign-in. Set it up to use the newsroom.")).toBeVisible();
    for (const path of ["/admin", "/admin/stories", "/admin/review"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/admin\/account\/security$/);
    }

    await enrol(page);
    const section = page.getByRole("region", { name: "Two-factor sign-in" });
    await expect(section.getByText("An administrator requires two-factor sign-in for all staff, so it stays on.")).toBeVisible();
    await expect(section.getByRole("button", { name: "Turn off two-factor sign-in…" })).toHaveCount(0);
    await page.goto("/admin/review");
    await expect(page).toHaveURL(/\/admin\/review$/);
    await expect(page.getByText("An administrator requires two-factor sign-in. Set it up to use the newsroom.")).toHaveCount(0);
  } finally {
    await withDb((db) => db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: false } }));
  }
});
