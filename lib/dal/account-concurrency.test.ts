import { expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { SCOPES } from "@/lib/auth/throttle-policy";
import { changePassword } from "./account";

// Re-entering the password before a sensitive change is a password check like a sign-in: with a borrowed session,
// a burst of simultaneous guesses must get no more checks than the throttle's free failures.
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
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const BURST = 60;

describeEachEngine("simultaneous password confirmations", (database) => {
  it(`check at most ${SCOPES.accountAndAddress.freeFailures} of ${BURST} wrong current passwords`, async () => {
    const { db } = database();
    const { hashPassword } = await import("@/lib/auth/password");
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test" }, update: {} });
    const user = await db.user.create({ data: { email: "borrowed@news.example", name: "Borrowed", passwordHash: await hashPassword("the real password here") } });
    vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId: user.id, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
    checks.count = 0;
    const outcomes = await Promise.allSettled(Array.from({ length: BURST }, (_, i) => changePassword(`wrong guess ${i}`, "a brand new passphrase")));
    expect(outcomes.every((outcome) => outcome.status === "rejected")).toBe(true);
    expect(checks.count).toBeGreaterThan(0);
    expect(checks.count).toBeLessThanOrEqual(SCOPES.accountAndAddress.freeFailures);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(row.sessionVersion).toBe(0);
  });
});
