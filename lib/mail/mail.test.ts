import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { startSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { createJobRunner } from "@/lib/jobs";
import { BAD_LINK, hashAccountToken, readAccountToken, redeemAccountToken, TOKEN_LIFETIME_MS } from "@/lib/dal/account-tokens";
import { cancelInvitation, invitePerson, resendInvitation, sendPasswordReset } from "@/lib/dal/people";
import { askForPasswordReset, RESET_LIMITS } from "@/lib/dal/reset-throttle";
import { verifySignIn } from "@/lib/dal/auth";
import { notifyStoryEvent } from "./notifications";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.30" }), cookies: async () => ({ get: () => undefined }) }));

const PASSWORD = "a long and memorable passphrase";
const tokenOf = (text: string) => /\/admin\/login\/(?:invite|reset)\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

describeEachEngine("email: invitations, resets and notifications", (database) => {
  let smtp: TestSmtpServer;
  const ids: Record<string, string> = {};
  const runJobs = async () => {
    const runner = createJobRunner({ pollMs: 60_000, db: database().db, log: () => {} });
    let total = 0;
    for (let ran = await runner.runDue(); ran > 0; ran = await runner.runDue()) total += ran;
    await runner.stop();
    return total;
  };
  const signInAs = async (key: string) => {
    const user = await database().db.user.findUniqueOrThrow({ where: { id: ids[key] } });
    vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) } });
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env.SMTP_URL = smtp.url;
    env.MAIL_FROM = "Test Newsroom <newsroom@test.example>";
    const { db } = database();
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "The Test Times" }, update: {} });
    const passwordHash = await hashPassword(PASSWORD);
    for (const [key, role, extra] of [
      ["admin", "ADMIN", {}],
      ["editor", "EDITOR", {}],
      ["quietEditor", "EDITOR", { notifyReview: false, notifyFailures: false }],
      ["disabledEditor", "EDITOR", { disabled: true }],
      ["writer", "WRITER", {}],
      ["coWriter", "WRITER", {}],
    ] as const) {
      ids[key] = (await db.user.create({ data: { email: `${key.toLowerCase()}@test.example`, name: key, role, passwordHash, ...extra } })).id;
    }
  });
  afterAll(async () => {
    env.SMTP_URL = undefined;
    await smtp.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  it("invites by email: only the token's hash is stored, the link works once, and the person then signs in", async () => {
    const { db } = database();
    await signInAs("admin");
    const { link } = await invitePerson({ name: "Ivy Invitee", email: "ivy@test.example", role: "WRITER" });
    expect(link).toBeNull();
    const ivy = await db.user.findUniqueOrThrow({ where: { email: "ivy@test.example" } });
    expect(ivy.invitedAt).not.toBeNull();
    expect(await db.byline.findUnique({ where: { userId: ivy.id } })).not.toBeNull();
    // Pending: no password works, and no email has gone yet (it goes from the job).
    expect(smtp.messages).toHaveLength(0);
    await runJobs();
    const mail = await smtp.waitFor((m) => m.to.includes("ivy@test.example"));
    expect(mail.subject).toBe("You're invited to the The Test Times newsroom");
    expect(mail.from).toContain("newsroom@test.example");
    const token = tokenOf(mail.text);
    expect(mail.text).toContain(`${env.SITE_URL}/admin/login/invite/${token}`);
    expect(mail.html).toContain(`/admin/login/invite/${token}`);
    const stored = await db.accountToken.findMany({ where: { userId: ivy.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashAccountToken(token));
    expect(JSON.stringify(await db.job.findMany())).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBeGreaterThan(TOKEN_LIFETIME_MS.invite - 60_000);

    expect(await readAccountToken(token, "reset")).toBeNull();
    expect(await readAccountToken(token, "invite")).toMatchObject({ email: "ivy@test.example", name: "Ivy Invitee" });
    await expect(redeemAccountToken(token, "invite", "short")).rejects.toThrow("Choose another password.");
    await redeemAccountToken(token, "invite", PASSWORD);
    await expect(redeemAccountToken(token, "invite", "another long passphrase")).rejects.toThrow(BAD_LINK);
    const after = await db.user.findUniqueOrThrow({ where: { id: ivy.id } });
    expect(after.invitedAt).toBeNull();
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
    const audit = await db.auditLog.findMany({ where: { entityId: ivy.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["person.invited", "account.invitation.accepted"]));
  });

  it("resending spends the old link; cancelling removes the account; an accepted invitation cannot be resent", async () => {
    const { db } = database();
    await signInAs("admin");
    await invitePerson({ name: "Pat Pending", email: "pat@test.example", role: "EDITOR" });
    await runJobs();
    const first = tokenOf((await smtp.waitFor((m) => m.to.includes("pat@test.example"))).text);
    smtp.messages.length = 0;
    const pat = await db.user.findUniqueOrThrow({ where: { email: "pat@test.example" } });
    await resendInvitation(pat.id);
    await runJobs();
    const second = tokenOf((await smtp.waitFor((m) => m.to.includes("pat@test.example"))).text);
    expect(second).not.toBe(first);
    expect(await readAccountToken(first, "invite")).toBeNull();
    expect(await readAccountToken(second, "invite")).not.toBeNull();
    await cancelInvitation(pat.id);
    expect(await db.user.findUnique({ where: { id: pat.id } })).toBeNull();
    expect(await readAccountToken(second, "invite")).toBeNull();
    await expect(resendInvitation(ids.writer!)).rejects.toThrow("already accepted");
  });

  it("a reset link expires after an hour, and using one ends every session and spends the person's other links", async () => {
    const { db } = database();
    await signInAs("admin");
    await sendPasswordReset(ids.coWriter!);
    await runJobs();
    const token = tokenOf((await smtp.waitFor((m) => m.to.includes("cowriter@test.example"))).text);
    const before = await db.user.findUniqueOrThrow({ where: { id: ids.coWriter } });
    expect(await readAccountToken(token, "reset", new Date(Date.now() + TOKEN_LIFETIME_MS.reset + 1000))).toBeNull();
    await expect(redeemAccountToken(token, "reset", "a brand new passphrase", null, new Date(Date.now() + TOKEN_LIFETIME_MS.reset + 1000))).rejects.toThrow(BAD_LINK);
    await redeemAccountToken(token, "reset", "a brand new passphrase");
    const after = await db.user.findUniqueOrThrow({ where: { id: ids.coWriter } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await db.accountToken.count({ where: { userId: ids.coWriter, usedAt: null } })).toBe(0);
    const signIn = await verifySignIn({ email: "cowriter@test.example", password: "a brand new passphrase", code: "" }, "192.0.2.31");
    expect(signIn).toMatchObject({ ok: true });
  });

  it("forgot password: the same work for any address, a link only to real enabled accounts, throttled per address", async () => {
    const { db } = database();
    vi.mocked(getServerSession).mockResolvedValue(null);
    await askForPasswordReset("writer@test.example");
    await askForPasswordReset("nobody@test.example");
    await askForPasswordReset("disablededitor@test.example");
    expect(await db.job.count({ where: { name: "mail.forgot-password", doneAt: null } })).toBe(3);
    await runJobs();
    await smtp.waitFor((m) => m.to.includes("writer@test.example"));
    expect(smtp.messages.map((m) => m.to).flat()).toEqual(["writer@test.example"]);
    // Two more for the same address are queued; past the limit nothing is (and the caller is told nothing).
    for (let i = 1; i < RESET_LIMITS.perEmail + 2; i++) await askForPasswordReset("Writer@test.example");
    expect(await db.job.count({ where: { name: "mail.forgot-password" } })).toBe(3 + RESET_LIMITS.perEmail - 1);
  });

  it("notifications go to the right people, never to the actor, nor to those who turned them off, are disabled or invited", async () => {
    const { db } = database();
    const writerByline = await db.byline.create({ data: { slug: "co-writer", name: "Co Writer", userId: ids.coWriter } });
    const story = await db.article.create({ data: { slug: "notify-me", headline: "The council votes", createdById: ids.writer, bylines: { create: [{ bylineId: writerByline.id }] } } });
    await signInAs("admin");
    await invitePerson({ name: "Ed Invited", email: "edinvited@test.example", role: "EDITOR" });
    await runJobs();
    smtp.messages.length = 0;

    await notifyStoryEvent({ kind: "submitted", articleId: story.id, actorId: ids.writer! });
    await runJobs();
    await smtp.waitFor((m) => m.to.includes("editor@test.example"));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["admin@test.example", "editor@test.example"]);
    expect(smtp.messages[0]!.subject).toBe("For review: The council votes");
    expect(smtp.messages[0]!.text).toContain(`${env.SITE_URL}/admin/stories/${story.id}`);

    smtp.messages.length = 0;
    await notifyStoryEvent({ kind: "sent-back", articleId: story.id, actorId: ids.editor!, note: "Needs a second source." });
    await runJobs();
    await smtp.waitFor((m) => m.to.includes("cowriter@test.example"));
    await smtp.waitFor((m) => m.to.includes("writer@test.example"));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["cowriter@test.example", "writer@test.example"]);
    expect(smtp.messages[0]!.text).toContain("Needs a second source.");

    smtp.messages.length = 0;
    await db.user.update({ where: { id: ids.coWriter }, data: { notifyWorkflow: false } });
    await notifyStoryEvent({ kind: "published", articleId: story.id, actorId: ids.writer! });
    await runJobs();
    expect(smtp.messages).toHaveLength(0);

    await notifyStoryEvent({ kind: "schedule-failed", articleId: story.id, what: "publish", error: "database unreachable" });
    await runJobs();
    await smtp.waitFor((m) => m.to.includes("admin@test.example"));
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(["admin@test.example", "editor@test.example"]);
  });
});
