// Sessions end when the account changes: an admin disabling someone on the People page, a password change, and
// "sign out everywhere" each end every session of that user at once (the session version checked per request).
// Also the People page itself: adding a person, a taken email refused, a role change.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./support/site";
import { STAFF, createStaff, resetThrottling, signIn } from "./support/newsroom";

test.describe.configure({ mode: "serial" });

const DANA = { role: "WRITER", name: "Dana Disabled", email: "dana.disabled@breakingon.test", password: "lanterns glow over the quiet bay" } as const;
const PAT = { role: "EDITOR", name: "Pat Passwords", email: "pat.passwords@breakingon.test", password: "a teapot full of winter tea" } as const;
const SAM = { role: "WRITER", name: "Sam Everywhere", email: "sam.everywhere@breakingon.test", password: "paper boats on a long canal" } as const;
const NOAH = { name: "Noah Newcomer", email: "noah.newcomer@breakingon.test", password: "bright kites above green hills" } as const;

/** A page in its own browser context (its own cookies), signed in as the account. */
async function signedInPage(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

async function expectSignedOut(page: Page, path = "/admin") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

test.beforeAll(async () => {
  await resetThrottling();
  await withDb((db) => db.user.deleteMany({ where: { email: NOAH.email } }));
  for (const account of [DANA, PAT, SAM]) await createStaff(account);
});

test.afterAll(async () => {
  await resetThrottling();
});

test("an admin disables someone on the People page: their next page load is the sign-in page, and they cannot sign in", async ({ browser }) => {
  const dana = await signedInPage(browser, DANA);
  const admin = await signedInPage(browser, STAFF.owner);
  try {
    await admin.goto("/admin/people");
    const row = admin.getByRole("row", { name: new RegExp(DANA.email) });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: `Disable ${DANA.name}`, exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`${DANA.name} is disabled and signed out everywhere.`);
    await expect(row).toContainText("Disabled");

    await expectSignedOut(dana, "/admin/stories");
    await dana.getByLabel("Email").fill(DANA.email);
    await dana.getByLabel("Password").fill(DANA.password);
    await dana.getByRole("button", { name: "Sign in" }).click();
    await expect(dana.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");

    await row.getByRole("button", { name: `Enable ${DANA.name}`, exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`${DANA.name} can sign in again.`);
    await signIn(dana, DANA);

    // One's own row offers no controls, so nobody disables or demotes themselves here.
    const own = admin.getByRole("row", { name: new RegExp(STAFF.owner.email) });
    await expect(own).toContainText("(you)");
    await expect(own.getByRole("button")).toHaveCount(0);
  } finally {
    await dana.context().close();
    await admin.context().close();
  }
});

test("changing the password ends the other browser's session too", async ({ browser }) => {
  const here = await signedInPage(browser, PAT);
  const there = await signedInPage(browser, PAT);
  const next = "fresh paint on the garden fence";
  try {
    await here.goto("/admin/account/security");
    const form = here.getByRole("region", { name: "Password" });
    await form.getByLabel("Current password").fill("not my password at all");
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("New password again").fill(next);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("That is not your current password.")).toBeVisible();

    await form.getByLabel("Current password").fill(PAT.password);
    await form.getByLabel("New password", { exact: true }).fill("short");
    await form.getByLabel("New password again").fill("short");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Use at least 12 characters.")).toBeVisible();

    await form.getByLabel("Current password").fill(PAT.password);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("New password again").fill(next);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(here).toHaveURL(/\/admin\/login\?email=/);
    await expect(here.getByLabel("Email")).toHaveValue(PAT.email);

    await expectSignedOut(there);
    await signIn(there, { email: PAT.email, password: next });
  } finally {
    await here.context().close();
    await there.context().close();
  }
});

test("sign out everywhere ends every session of the account", async ({ browser }) => {
  const here = await signedInPage(browser, SAM);
  const there = await signedInPage(browser, SAM);
  try {
    await here.goto("/admin/account/security");
    await here.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(here).toHaveURL(/\/admin\/login/);
    await expectSignedOut(there);
    await expectSignedOut(here);
  } finally {
    await here.context().close();
    await there.context().close();
  }
});

test("an admin adds a person, who can sign in at once; a taken email is refused; roles change", async ({ browser }) => {
  const admin = await signedInPage(browser, STAFF.owner);
  try {
    await admin.goto("/admin/people");
    const form = admin.getByRole("region", { name: "Add a person" });
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByText("Enter a name.")).toBeVisible();

    await form.getByLabel("Name").fill("Duplicate Dana");
    await form.getByLabel("Email").fill(DANA.email.toUpperCase());
    await form.getByLabel("Role").selectOption("EDITOR");
    await form.getByLabel("Initial password").fill("another fine long password");
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByText("Someone already has an account with this email address.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Duplicate Dana");
    await expect(form.getByLabel("Role")).toHaveValue("EDITOR");

    await form.getByLabel("Name").fill(NOAH.name);
    await form.getByLabel("Email").fill(NOAH.email);
    await form.getByLabel("Role").selectOption("WRITER");
    await form.getByLabel("Initial password").fill(NOAH.password);
    await form.getByRole("button", { name: "Add person" }).click();
    await expect(form.getByRole("status")).toHaveText(`${NOAH.name} can now sign in as ${NOAH.email} with the password you chose.`);

    const row = admin.getByRole("row", { name: new RegExp(NOAH.email) });
    await expect(row).toContainText("Never");
    await row.getByLabel(`Role for ${NOAH.name}`).selectOption("EDITOR");
    await row.getByRole("button", { name: "Change" }).click();
    await expect(row.getByRole("status")).toHaveText(`${NOAH.name} is now an editor.`);
    expect((await withDb((db) => db.user.findUniqueOrThrow({ where: { email: NOAH.email } }))).role).toBe("EDITOR");

    const noah = await signedInPage(browser, NOAH);
    await expect(noah.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Review queue" })).toBeVisible();
    await noah.context().close();
    await admin.reload();
    await expect(admin.getByRole("row", { name: new RegExp(NOAH.email) })).not.toContainText("Never");
  } finally {
    await admin.context().close();
  }
});

test("the People page and its actions are for admins only", async ({ browser }) => {
  const editor = await signedInPage(browser, STAFF.editor);
  try {
    const response = await editor.goto("/admin/people");
    expect(response?.status()).toBe(403);
    await expect(editor.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  } finally {
    await editor.context().close();
  }
});
