// Email in a real browser, read from a real SMTP server: invitations, "Forgot password?" and notifications.
import { expect, test, type Browser } from "@playwright/test";
import type { TestSmtpServer } from "../lib/testing/smtp-server";
import { STAFF, resetThrottling, signIn } from "./support/newsroom";
import { linkIn, startE2eSmtp } from "./support/smtp";
import { withDb } from "./support/site";

test.describe.configure({ mode: "serial", timeout: 120_000 });

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startE2eSmtp();
  await resetThrottling();
});
test.afterAll(async () => {
  await smtp?.close();
});

// Jobs retry with backoff when the SMTP server was not up yet, so allow for a retry.
const MAIL_WAIT = 90_000;

async function signedIn(browser: Browser, account: (typeof STAFF)[keyof typeof STAFF]) {
  const context = await browser.newContext({ storageState: account.storageState });
  return context.newPage();
}

test("an admin invites a person by email; the link sets their password once, and they sign in", async ({ browser }) => {
  const email = `invitee-${Date.now()}@breakingon.test`;
  const admin = await signedIn(browser, STAFF.owner);
  await admin.goto("/admin/people");
  const form = admin.getByRole("region", { name: "Add a person" });
  await form.getByLabel("Name").fill("Ines Invitee");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("WRITER");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation emailed to ${email}. The link works once, for 7 days.`);
  await expect(admin.getByRole("row", { name: new RegExp(email) })).toContainText("Invited");

  const mail = await smtp.waitFor((m) => m.to.includes(email), MAIL_WAIT);
  expect(mail.subject).toContain("invited");
  const link = linkIn(mail.text);

  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Welcome to the newsroom" })).toBeVisible();
  await person.getByLabel("Choose a password").fill("harbour lights at midnight");
  await person.getByLabel("Type it again").fill("harbour lights at midnight");
  await person.getByRole("button", { name: "Set my password" }).click();
  await expect(person.getByRole("status")).toHaveText("Your password is set. Sign in with it now.");
  await person.getByRole("link", { name: "Sign in" }).click();
  await person.getByLabel("Password").fill("harbour lights at midnight");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("navigation", { name: "Newsroom" })).toBeVisible();

  // The link was one-time.
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await person.context().close();
  await admin.context().close();
});

test("forgot password: the same answer for any address; the real one gets a link that works once and signs the old session out", async ({ browser }) => {
  const old = await signedIn(browser, STAFF.writer);
  await old.goto("/admin");
  await expect(old.getByRole("navigation", { name: "Newsroom" })).toBeVisible();

  const answers: string[] = [];
  for (const email of [STAFF.writer.email, "nobody-here@breakingon.test"]) {
    const page = await (await browser.newContext()).newPage();
    await page.goto("/admin/login");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("status")).toContainText("If that address belongs to an account");
    answers.push((await page.getByRole("status").textContent()) ?? "");
    await page.context().close();
  }
  expect(answers[0]).toContain("If that address belongs to an account");
  expect(answers[1]).toBe(answers[0]);

  const mail = await smtp.waitFor((m) => m.to.includes(STAFF.writer.email) && m.subject.startsWith("Reset"), MAIL_WAIT);
  const link = linkIn(mail.text);
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("New password").fill(STAFF.writer.password);
  await page.getByLabel("Type it again").fill(STAFF.writer.password);
  await page.getByRole("button", { name: "Change my password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is set. Sign in with it now.");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await page.context().close();
  expect(smtp.messages.some((m) => m.to.includes("nobody-here@breakingon.test"))).toBe(false);

  // The session from before the reset has ended.
  await old.goto("/admin");
  await expect(old).toHaveURL(/\/admin\/login/);
  await old.context().close();
  // Later specs use the writer's saved session: sign in again so it is valid.
  const again = await (await browser.newContext()).newPage();
  await signIn(again, STAFF.writer);
  await again.context().storageState({ path: STAFF.writer.storageState });
  await again.context().close();
});

test("submitting a story for review emails the editors", async ({ browser }) => {
  const headline = `Mail Desk Story ${Date.now()}`;
  const id = await withDb(async (db) => {
    const writer = await db.user.findUniqueOrThrow({ where: { email: STAFF.writer.email }, select: { id: true } });
    const section = await db.section.findUniqueOrThrow({ where: { slug: "world" }, select: { id: true } });
    const byline = await db.byline.findUniqueOrThrow({ where: { slug: "breakingon-newsroom" }, select: { id: true } });
    const story = await db.article.create({
      data: { slug: `mail-desk-${Date.now()}`, headline, body: "The desk files a story.", sectionId: section.id, createdById: writer.id, bylines: { create: [{ bylineId: byline.id }] } },
      select: { id: true },
    });
    return story.id;
  });
  const writer = await signedIn(browser, STAFF.writer);
  await writer.goto(`/admin/stories/${id}`);
  await writer.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.getByTestId("story-status")).toHaveText("In review");
  const mail = await smtp.waitFor((m) => m.to.includes(STAFF.editor.email) && m.subject === `For review: ${headline}`, MAIL_WAIT);
  expect(mail.text).toContain(`/admin/stories/${id}`);
  await writer.context().close();
});
