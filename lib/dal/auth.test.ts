import { afterEach, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { hashPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { currentTotp, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret } from "@/lib/auth/totp";
import { MAX_WAIT_SECONDS } from "@/lib/auth/throttle-policy";
import { verifySignIn } from "./auth";

const PASSWORD = "correct horse battery staple";
const reasonOf = (outcome: Awaited<ReturnType<typeof verifySignIn>>) => (outcome.ok ? "ok" : outcome.reason);
const WRONG = "not the password at all";

afterEach(() => {
  vi.useRealTimers();
});

/** Freezes the clock (Date only: database drivers keep their real timers) so waits can be skipped. */
function frozenClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now());
  return { advance: (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000) };
}

describeEachEngine("signing in", (database) => {
  async function createUser(email: string, extra: { disabled?: boolean; totpSecret?: string; recoveryCodes?: string[] } = {}) {
    const { db } = database();
    return db.user.create({
      data: {
        email,
        name: email.split("@")[0],
        passwordHash: await hashPassword(PASSWORD),
        disabled: extra.disabled ?? false,
        ...(extra.totpSecret && { totpSecret: encryptSecret(extra.totpSecret, authSecret()), totpEnabledAt: new Date() }),
        ...(extra.recoveryCodes && { recoveryCodes: { create: extra.recoveryCodes.map((code) => ({ codeHash: hashRecoveryCode(code) })) } }),
      },
    });
  }

  const fails = async (email: string, ip: string, times: number) => {
    const outcomes = [];
    for (let i = 0; i < times; i++) outcomes.push(await verifySignIn({ email, password: WRONG }, ip));
    return outcomes;
  };

  it("signs in with the right password, case-insensitively, and records it", async () => {
    const { db } = database();
    const user = await createUser("ada@news.example");
    const outcome = await verifySignIn({ email: "  ADA@news.example ", password: PASSWORD }, "10.0.0.1");
    expect(outcome).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.signin", actorId: user.id } })).toBe(1);
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const { db } = database();
    await createUser("bea@news.example");
    const wrongPassword = await fails("bea@news.example", "10.0.1.1", 5);
    const unknownEmail = await fails("nobody-here@news.example", "10.0.1.2", 5);
    expect(unknownEmail).toEqual(wrongPassword);
    expect(wrongPassword.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
    expect(wrongPassword[4]).toEqual({ ok: false, reason: "throttled", waitSeconds: 30 });
    const audit = await db.auditLog.findMany({ where: { action: "auth.signin.failed" }, select: { details: true } });
    expect(audit.filter((row) => (row.details as { email?: string }).email === "nobody-here@news.example")).toHaveLength(5);
  });

  it("after five failures from one address, refuses even the right password until the wait passes; the wait doubles", async () => {
    const clock = frozenClock();
    const user = await createUser("cal@news.example");
    const ip = "10.0.2.1";
    const outcomes = await fails("cal@news.example", ip, 5);
    expect(outcomes.map(reasonOf)).toEqual(["invalid", "invalid", "invalid", "invalid", "throttled"]);

    expect(await verifySignIn({ email: "cal@news.example", password: PASSWORD }, ip)).toEqual({ ok: false, reason: "throttled", waitSeconds: 30 });
    clock.advance(20);
    expect(await verifySignIn({ email: "cal@news.example", password: PASSWORD }, ip)).toEqual({ ok: false, reason: "throttled", waitSeconds: 10 });

    clock.advance(11);
    // Past the first wait: the next failure waits twice as long, then four times.
    expect(await verifySignIn({ email: "cal@news.example", password: WRONG }, ip)).toEqual({ ok: false, reason: "throttled", waitSeconds: 60 });
    clock.advance(61);
    expect(await verifySignIn({ email: "cal@news.example", password: WRONG }, ip)).toEqual({ ok: false, reason: "throttled", waitSeconds: 120 });
    clock.advance(119);
    expect((await verifySignIn({ email: "cal@news.example", password: PASSWORD }, ip)).ok).toBe(false);
    clock.advance(2);
    expect(await verifySignIn({ email: "cal@news.example", password: PASSWORD }, ip)).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
  });

  it("caps the wait at 15 minutes, so nobody is locked out for good", async () => {
    const clock = frozenClock();
    const { db } = database();
    await createUser("dee@news.example");
    const ip = "10.0.3.1";
    await fails("dee@news.example", ip, 5);
    let last = 0;
    for (let i = 0; i < 12; i++) {
      clock.advance(MAX_WAIT_SECONDS + 1);
      const outcome = await verifySignIn({ email: "dee@news.example", password: WRONG }, ip);
      expect(outcome.ok).toBe(false);
      last = outcome.ok === false && outcome.reason === "throttled" ? outcome.waitSeconds : -1;
      expect(last).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
    }
    expect(last).toBe(MAX_WAIT_SECONDS);
    const rows = await db.rateLimiterFlexible.findMany({ where: { key: { contains: "dee@news.example" } } });
    for (const row of rows.filter((r) => r.key.includes("_block"))) {
      expect(row.expire!.getTime() - Date.now()).toBeLessThanOrEqual(MAX_WAIT_SECONDS * 1000);
    }
    clock.advance(MAX_WAIT_SECONDS + 1);
    expect((await verifySignIn({ email: "dee@news.example", password: PASSWORD }, ip)).ok).toBe(true);
  });

  it("lets the owner in from another address, until the account-wide limit is reached", async () => {
    const clock = frozenClock();
    const user = await createUser("eve@news.example");
    await fails("eve@news.example", "10.0.4.1", 5);
    expect((await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.1")).ok).toBe(false);
    expect(await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.2")).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
    // The success forgot the account-wide count, not the first address's own wait.
    expect((await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.1")).ok).toBe(false);

    // A guess spread over addresses: ten failures for the account hold it everywhere.
    await fails("eve@news.example", "10.0.4.3", 4);
    await fails("eve@news.example", "10.0.4.4", 4);
    expect((await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.5")).ok).toBe(true);
    await fails("eve@news.example", "10.0.4.6", 4);
    await fails("eve@news.example", "10.0.4.7", 4);
    const tenth = await fails("eve@news.example", "10.0.4.8", 2);
    expect(tenth.map(reasonOf)).toEqual(["invalid", "throttled"]);
    expect(await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.9")).toMatchObject({ ok: false, reason: "throttled" });
    clock.advance(31);
    expect((await verifySignIn({ email: "eve@news.example", password: PASSWORD }, "10.0.4.9")).ok).toBe(true);
  });

  it("never lets a distributed guess shut the owner out at an address they signed in from before", async () => {
    const clock = frozenClock();
    const user = await createUser("max@news.example");
    const home = "10.0.12.1";
    expect((await verifySignIn({ email: "max@news.example", password: PASSWORD }, home)).ok).toBe(true);
    // An attacker trips the account-wide limit from many addresses, and keeps it tripped.
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 12; n++) await verifySignIn({ email: "max@news.example", password: WRONG }, `10.0.13.${round * 12 + n}`);
      expect(await verifySignIn({ email: "max@news.example", password: PASSWORD }, "10.0.14.1")).toMatchObject({ ok: false, reason: "throttled" });
      expect(await verifySignIn({ email: "max@news.example", password: PASSWORD }, home)).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
      clock.advance(10 * 60);
    }
  });

  it("clears the account's counters on success", async () => {
    const { db } = database();
    await createUser("fay@news.example");
    const ip = "10.0.5.1";
    await fails("fay@news.example", ip, 4);
    expect((await verifySignIn({ email: "fay@news.example", password: PASSWORD }, ip)).ok).toBe(true);
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: "fay@news.example" }, NOT: { key: { startsWith: "login_known" } } } })).toBe(0);
    const again = await fails("fay@news.example", ip, 5);
    expect(again.map(reasonOf)).toEqual(["invalid", "invalid", "invalid", "invalid", "throttled"]);
  });

  it("holds an address that sprays many accounts", async () => {
    const ip = "10.0.6.1";
    const outcomes = [];
    for (let i = 0; i < 20; i++) outcomes.push(await verifySignIn({ email: `spray${i}@news.example`, password: WRONG }, ip));
    expect(outcomes.slice(0, 19).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes[19]).toEqual({ ok: false, reason: "throttled", waitSeconds: 30 });
    await createUser("gus@news.example");
    expect(await verifySignIn({ email: "gus@news.example", password: PASSWORD }, ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await verifySignIn({ email: "gus@news.example", password: PASSWORD }, "10.0.6.2")).ok).toBe(true);
  });

  it("refuses a disabled account with the same answer as a wrong password", async () => {
    await createUser("hal@news.example", { disabled: true });
    expect(await verifySignIn({ email: "hal@news.example", password: PASSWORD }, "10.0.7.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("asks for the second factor, accepts a code once and refuses its replay", async () => {
    frozenClock();
    const { db } = database();
    const secret = newTotpSecret();
    const user = await createUser("ivy@news.example", { totpSecret: secret });
    const ip = "10.0.8.1";
    expect(await verifySignIn({ email: "ivy@news.example", password: PASSWORD }, ip)).toEqual({ ok: false, reason: "two-factor-required" });
    // A wrong password still reads as a wrong password: the second step is only offered after the first.
    expect(await verifySignIn({ email: "ivy@news.example", password: WRONG, code: await currentTotp(secret) }, ip)).toEqual({ ok: false, reason: "invalid" });

    const code = await currentTotp(secret);
    expect(await verifySignIn({ email: "ivy@news.example", password: PASSWORD, code }, ip)).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
    expect(await verifySignIn({ email: "ivy@news.example", password: PASSWORD, code }, ip)).toEqual({ ok: false, reason: "two-factor-invalid" });
    expect(await db.auditLog.count({ where: { action: "auth.signin.failed", actorId: user.id } })).toBe(2);

    const next = await currentTotp(secret, Math.floor(Date.now() / 1000) + 30);
    expect((await verifySignIn({ email: "ivy@news.example", password: PASSWORD, code: next }, ip)).ok).toBe(true);
    expect(await verifySignIn({ email: "ivy@news.example", password: PASSWORD, code: "000000" === next ? "111111" : "000000" }, ip)).toMatchObject({ ok: false });
  });

  it("counts wrong authenticator codes towards the throttle", async () => {
    const secret = newTotpSecret();
    await createUser("jo@news.example", { totpSecret: secret });
    const ip = "10.0.9.1";
    const near = await Promise.all([-30, 0, 30].map((d) => currentTotp(secret, Math.floor(Date.now() / 1000) + d)));
    const wrong = ["000000", "111111", "222222"].find((c) => !near.includes(c))!;
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await verifySignIn({ email: "jo@news.example", password: PASSWORD, code: wrong }, ip));
    expect(outcomes.map(reasonOf)).toEqual(["two-factor-invalid", "two-factor-invalid", "two-factor-invalid", "two-factor-invalid", "throttled"]);
    expect(await verifySignIn({ email: "jo@news.example", password: PASSWORD, code: await currentTotp(secret) }, ip)).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("accepts each recovery code once", async () => {
    const { db } = database();
    const codes = newRecoveryCodes(3);
    const user = await createUser("kit@news.example", { totpSecret: newTotpSecret(), recoveryCodes: codes });
    const ip = "10.0.10.1";
    expect(await verifySignIn({ email: "kit@news.example", password: PASSWORD, code: codes[1].toUpperCase() }, ip)).toEqual({ ok: true, user: { id: user.id, sessionVersion: 0 } });
    expect(await verifySignIn({ email: "kit@news.example", password: PASSWORD, code: codes[1] }, ip)).toEqual({ ok: false, reason: "two-factor-invalid" });
    expect(await verifySignIn({ email: "kit@news.example", password: PASSWORD, code: "abcd-efgh-jkmn" }, ip)).toEqual({ ok: false, reason: "two-factor-invalid" });
    expect((await verifySignIn({ email: "kit@news.example", password: PASSWORD, code: codes[2] }, ip)).ok).toBe(true);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "auth.recovery-code.used", actorId: user.id } })).toBe(2);
  });

  it("ignores a pending (unconfirmed) authenticator enrolment", async () => {
    const { db } = database();
    const user = await createUser("lu@news.example");
    await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptSecret(newTotpSecret(), authSecret()) } });
    expect((await verifySignIn({ email: "lu@news.example", password: PASSWORD }, "10.0.11.1")).ok).toBe(true);
  });
});
