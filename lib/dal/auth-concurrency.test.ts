import { beforeEach, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { SCOPES } from "@/lib/auth/throttle-policy";
import { verifySignIn } from "./auth";

// Counts every password check: the throttle must decide before one happens, so a burst of simultaneous guesses
// gets no more checks than the free failures of the tightest scope.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      checks.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const BURST = 200;
const burst = <T,>(attempt: (i: number) => Promise<T>) => Promise.all(Array.from({ length: BURST }, (_, i) => attempt(i)));

describeEachEngine("simultaneous sign-in attempts", (database) => {
  beforeEach(async () => {
    checks.count = 0;
  });

  it(`checks at most ${SCOPES.accountAndAddress.freeFailures} passwords of ${BURST} simultaneous guesses at one account from one address`, async () => {
    const { db } = database();
    const { hashPassword } = await import("@/lib/auth/password");
    await db.user.create({ data: { email: "burst@news.example", name: "Burst", passwordHash: await hashPassword("the real password here") } });
    const outcomes = await burst(() => verifySignIn({ email: "burst@news.example", password: "a wrong guess" }, "10.9.0.1"));
    console.log(`[${database().engine}] one account, one address: ${checks.count} of ${BURST} guesses reached the password check`);
    expect(checks.count).toBeGreaterThan(0);
    expect(checks.count).toBeLessThanOrEqual(SCOPES.accountAndAddress.freeFailures);
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    // How many of the burst were checked depends on how the counters' updates interleaved (a guess refused by one
    // scope gives its place back in the others), so fewer than the free failures may have been spent. Guessing on,
    // one at a time, spends the rest: the throttle must still stop at the free failures in all.
    for (let guess = 0; guess < 2 * SCOPES.accountAndAddress.freeFailures; guess++) {
      const outcome = await verifySignIn({ email: "burst@news.example", password: "a wrong guess" }, "10.9.0.1");
      if (!outcome.ok && outcome.reason === "throttled") break;
    }
    expect(checks.count).toBeLessThanOrEqual(SCOPES.accountAndAddress.freeFailures);
    // The counters now hold the account: the right password waits too.
    expect(await verifySignIn({ email: "burst@news.example", password: "the real password here" }, "10.9.0.1")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it(`checks at most ${SCOPES.account.freeFailures} passwords of ${BURST} simultaneous guesses at one account from many addresses`, async () => {
    const outcomes = await burst((i) => verifySignIn({ email: "nobody@news.example", password: "a wrong guess" }, `10.9.${1 + (i >> 8)}.${i & 255}`));
    console.log(`[${database().engine}] one account, ${BURST} addresses: ${checks.count} of ${BURST} guesses reached the password check`);
    expect(checks.count).toBeLessThanOrEqual(SCOPES.account.freeFailures);
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
  });

  it(`checks at most ${SCOPES.address.freeFailures} passwords of ${BURST} simultaneous guesses at many accounts from one address`, async () => {
    await burst((i) => verifySignIn({ email: `spray${i}@news.example`, password: "a wrong guess" }, "10.9.9.9"));
    console.log(`[${database().engine}] ${BURST} accounts, one address: ${checks.count} of ${BURST} guesses reached the password check`);
    expect(checks.count).toBeLessThanOrEqual(SCOPES.address.freeFailures);
  });
});
