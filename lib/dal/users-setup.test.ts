import { beforeEach, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { newAccountSchema } from "@/lib/validation/users";
import { createOwner, SETUP_ATTEMPTS, SetupClosedError } from "./users";

// Counts password hashes: first-run setup must cost nothing once it is closed, and little for anyone while open.
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      hashes.count++;
      return original.hashPassword(password);
    },
  };
});

const account = (n: number) => newAccountSchema.parse({ email: `owner${n}@news.example`, name: `Owner ${n}`, password: "purple elephants dance" });

describeEachEngine("first-run setup under load", (database) => {
  beforeEach(() => {
    hashes.count = 0;
  });

  it(`hashes at most ${SETUP_ATTEMPTS} passwords for 40 simultaneous setups from one address; one wins`, async () => {
    const ip = `203.0.113.${database().engine === "sqlite" ? 1 : 2}`;
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => createOwner(account(i), { ip })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(hashes.count).toBeLessThanOrEqual(SETUP_ATTEMPTS);
    const reasons = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as Error).message] : []));
    expect(reasons.some((message) => /Too many setup attempts from this address\. Try again in \d+ minutes\./.test(message))).toBe(true);
    expect(await database().db.user.count()).toBe(1);
  });

  it("computes no hash at all once setup is closed", async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => createOwner(account(100 + i), { ip: `198.51.100.${i}` })));
    expect(results.every((result) => result.status === "rejected" && result.reason instanceof SetupClosedError)).toBe(true);
    expect(hashes.count).toBe(0);
  });
});
