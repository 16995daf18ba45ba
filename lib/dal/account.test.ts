import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { currentTotp, decryptSecret, recoveryCodeMatches } from "@/lib/auth/totp";
import { changePasswordSchema, totpCodeSchema } from "@/lib/validation/account";
import {
  changePassword,
  confirmTotpEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  signOutEverywhere,
  startTotpEnrolment,
} from "./account";
import { ValidationError } from "./errors";
import { getCurrentUser, ForbiddenError, UnauthorizedError } from "./session";
import { verifySignIn } from "./auth";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.20" }), cookies: async () => ({ get: () => undefined }) }));

const PASSWORD = "a long and memorable passphrase";

afterEach(() => {
  vi.useRealTimers();
});

function signedInAs(userId: string, sessionVersion: number) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion, authTime: Math.floor(Date.now() / 1000) } });
}

/** Codes the app would show half a minute apart, so the second is not a replay of the first. */
const codeAt = (secret: string, offsetSeconds = 0) => currentTotp(secret, Math.floor(Date.now() / 1000) + offsetSeconds);

describeEachEngine("the signed-in user's security settings", (database) => {
  let userId = "";
  let version = 0;
  const signIn = () => signedInAs(userId, version);

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test" }, update: {} });
    userId = (await db.user.create({ data: { email: "wren@news.example", name: "Wren Writer", passwordHash: await hashPassword(PASSWORD), role: "WRITER" } })).id;
  });

  it("needs a signed-in user for everything", async () => {
    vi.mocked(getServerSession).mockResolvedValue(null);
    await expect(getTwoFactorStatus()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(startTotpEnrolment()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(confirmTotpEnrolment("123456")).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(changePassword(PASSWORD, "another long passphrase")).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(signOutEverywhere()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("enrols an authenticator: a pending secret, confirmed by a code, then recovery codes shown once", async () => {
    const { db } = database();
    // A frozen clock, so no code straddles a 30-second step.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    signIn();
    expect(await getTwoFactorStatus()).toMatchObject({ enabled: false, pending: null, recoveryCodesLeft: 0 });

    const first = await startTotpEnrolment();
    const setup = await startTotpEnrolment();
    expect(setup.secret).not.toBe(first.secret);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.otpauthUri).toContain("wren%40news.example");
    const stored = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecret).not.toContain(setup.secret);
    expect(decryptSecret(stored.totpSecret!, authSecret())).toBe(setup.secret);
    expect((await getTwoFactorStatus()).pending).toEqual(setup);

    // A pending enrolment does not change how this user signs in.
    expect((await verifySignIn({ email: "wren@news.example", password: PASSWORD }, "198.51.100.1")).ok).toBe(true);

    const stale = await codeAt(first.secret);
    const fresh = await codeAt(setup.secret);
    if (stale !== fresh) await expect(confirmTotpEnrolment(stale)).rejects.toBeInstanceOf(ValidationError);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt).toBeNull();

    const { recoveryCodes } = await confirmTotpEnrolment(fresh);
    expect(recoveryCodes).toHaveLength(10);
    const after = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { recoveryCodes: true } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.totpLastStep).toBe(Math.floor(Date.now() / 30_000));
    expect(after.recoveryCodes).toHaveLength(10);
    expect(after.recoveryCodes.every((row, i) => !row.codeHash.includes(recoveryCodes[i]))).toBe(true);
    expect(recoveryCodes.every((code) => after.recoveryCodes.some((row) => recoveryCodeMatches(code, row.codeHash)))).toBe(true);
    expect(await getTwoFactorStatus()).toMatchObject({ enabled: true, pending: null, recoveryCodesLeft: 10 });
    expect(await db.auditLog.count({ where: { actorId: userId, action: "account.two-factor.enabled" } })).toBe(1);

    // The confirming code cannot be replayed to sign in; the app's next code works.
    expect(await verifySignIn({ email: "wren@news.example", password: PASSWORD, code: fresh }, "198.51.100.1")).toEqual({ ok: false, reason: "two-factor-invalid" });
    expect((await verifySignIn({ email: "wren@news.example", password: PASSWORD, code: await codeAt(setup.secret, 30) }, "198.51.100.1")).ok).toBe(true);

    await expect(startTotpEnrolment()).rejects.toBeInstanceOf(ValidationError);
    await expect(confirmTotpEnrolment(await codeAt(setup.secret))).rejects.toBeInstanceOf(ValidationError);
    expect(decryptSecret((await db.user.findUniqueOrThrow({ where: { id: userId } })).totpSecret!, authSecret())).toBe(setup.secret);
  });

  it("replaces the recovery codes only with the right password", async () => {
    const { db } = database();
    signIn();
    const before = await db.recoveryCode.findMany({ where: { userId }, select: { codeHash: true } });
    const wrong = regenerateRecoveryCodes("not my password");
    await expect(wrong).rejects.toBeInstanceOf(ValidationError);
    await expect(wrong).rejects.toMatchObject({ fieldErrors: { password: ["That is not your current password."] } });
    expect(await db.recoveryCode.findMany({ where: { userId }, select: { codeHash: true } })).toEqual(before);

    const { recoveryCodes } = await regenerateRecoveryCodes(PASSWORD);
    const rows = await db.recoveryCode.findMany({ where: { userId } });
    expect(rows).toHaveLength(10);
    expect(rows.some((row) => before.some((old) => old.codeHash === row.codeHash))).toBe(false);
    expect(recoveryCodes.every((code) => rows.some((row) => recoveryCodeMatches(code, row.codeHash)))).toBe(true);
    expect(await db.auditLog.count({ where: { actorId: userId, action: "account.two-factor.recovery-codes-replaced" } })).toBe(1);
  });

  it("refuses to turn two-factor off while an admin requires it, and turns it off with the password otherwise", async () => {
    const { db } = database();
    signIn();
    await db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: true } });
    await expect(disableTwoFactor(PASSWORD)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { actorId: userId, action: "permission.denied" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt).not.toBeNull();
    await db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: false } });

    await expect(disableTwoFactor("wrong password here")).rejects.toBeInstanceOf(ValidationError);
    await disableTwoFactor(PASSWORD);
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
    await expect(disableTwoFactor(PASSWORD)).rejects.toBeInstanceOf(ValidationError);
    await expect(regenerateRecoveryCodes(PASSWORD)).rejects.toBeInstanceOf(ValidationError);
    expect((await verifySignIn({ email: "wren@news.example", password: PASSWORD }, "198.51.100.2")).ok).toBe(true);
  });

  it("changes the password and ends every session, this one included", async () => {
    const { db } = database();
    signIn();
    await expect(changePassword("not my password", "another long passphrase")).rejects.toMatchObject({
      name: "ValidationError",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    await expect(changePassword(PASSWORD, "wren@news.example")).rejects.toMatchObject({
      fieldErrors: { newPassword: ["Don't use your name or email address as your password."] },
    });
    expect(await getCurrentUser()).not.toBeNull();

    await changePassword(PASSWORD, "another long passphrase");
    expect(await getCurrentUser()).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(row.sessionVersion).toBe(version + 1);
    expect(await verifyPassword(row.passwordHash, "another long passphrase")).toBe(true);
    expect(await db.auditLog.count({ where: { actorId: userId, action: "account.password.changed" } })).toBe(1);
    version = row.sessionVersion;
  });

  it("signs out everywhere", async () => {
    const { db } = database();
    signIn();
    await signOutEverywhere();
    expect(await getCurrentUser()).toBeNull();
    version += 1;
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion).toBe(version);
    expect(await db.auditLog.count({ where: { actorId: userId, action: "account.signed-out-everywhere" } })).toBe(1);
    signIn();
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("slows down password guessing through a borrowed session", async () => {
    const { db } = database();
    await db.rateLimiterFlexible.deleteMany();
    signIn();
    const attempts = [];
    for (let i = 0; i < 6; i++) attempts.push(await regenerateRecoveryCodes(`guess number ${i}`).catch((error: ValidationError) => error.message));
    expect(attempts.slice(0, 4)).toEqual(Array(4).fill("Check the highlighted field."));
    expect(attempts[4]).toBe("Too many sign-in attempts. Try again in 30 seconds.");
    expect(attempts[5]).toMatch(/^Too many sign-in attempts/);
  });
});

it("validates codes and password changes with field messages", () => {
  expect(totpCodeSchema.parse({ code: " 123 456 " })).toEqual({ code: "123456" });
  expect(totpCodeSchema.safeParse({ code: "12345" }).error?.flatten().fieldErrors.code).toEqual(["Enter the six-digit code your app shows."]);
  const mismatch = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "a long new passphrase", confirmPassword: "a long new passphrass" });
  expect(mismatch.error?.flatten().fieldErrors).toEqual({ confirmPassword: ["The two new passwords do not match."] });
  const weak = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short", confirmPassword: "short" });
  expect(weak.error?.flatten().fieldErrors).toEqual({ currentPassword: ["Enter your current password."], newPassword: ["Use at least 12 characters."] });
  const empty = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "", confirmPassword: "" });
  expect(empty.error?.flatten().fieldErrors).toEqual({ currentPassword: ["Enter your current password."], newPassword: ["Use at least 12 characters."] });
  const same = changePasswordSchema.safeParse({ currentPassword: "the same long phrase", newPassword: "the same long phrase", confirmPassword: "the same long phrase" });
  expect(same.error?.flatten().fieldErrors).toEqual({ newPassword: ["Choose a password different from your current one."] });
});
