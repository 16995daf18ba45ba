import { expect, it } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { verifyPassword } from "@/lib/auth/password";
import { newAccountSchema } from "@/lib/validation/users";
import { createOrResetAdmin, createOwner, isSetupOpen, SetupClosedError } from "./users";

const owner = newAccountSchema.parse({ email: " Owner@News.Example ", name: "Olivia Owner", password: "purple elephants dance" });

describeEachEngine("first-run owner and the admin command", (database) => {
  it("creates the owner once, as an ADMIN, and then closes setup for good", async () => {
    expect(await isSetupOpen()).toBe(true);
    const results = await Promise.allSettled([createOwner(owner), createOwner({ ...owner, email: "rival@news.example" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    if (rejected) expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    await expect(createOwner({ ...owner, email: "late@news.example" })).rejects.toBeInstanceOf(SetupClosedError);
    expect(await isSetupOpen()).toBe(false);
    const { db } = database();
    expect(await db.user.count()).toBe(1);
    const user = await db.user.findFirstOrThrow();
    expect(user.role).toBe("ADMIN");
    expect(user.passwordHash).not.toContain("purple");
    expect(await verifyPassword(user.passwordHash, "purple elephants dance")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.setup.owner" } })).toBe(1);
  });

  it("resets a locked-out account: new password, enabled ADMIN, every session ended", async () => {
    const { db } = database();
    const user = await db.user.findFirstOrThrow();
    await db.user.update({ where: { id: user.id }, data: { disabled: true, role: "WRITER" } });
    const { created } = await createOrResetAdmin({ ...owner, email: user.email, password: "a brand new passphrase" });
    expect(created).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ role: "ADMIN", disabled: false, sessionVersion: user.sessionVersion + 1 });
    expect(await verifyPassword(after.passwordHash, "a brand new passphrase")).toBe(true);
    expect((await createOrResetAdmin({ ...owner, email: "second@news.example" })).created).toBe(true);
  });
});

it("validates new accounts with one message per field", () => {
  const result = newAccountSchema.safeParse({ email: "not-an-email", name: " ", password: "short" });
  expect(result.success).toBe(false);
  const fields = result.error?.flatten().fieldErrors;
  expect(fields?.email).toEqual(["Enter a valid email address."]);
  expect(fields?.name).toEqual(["Enter a name."]);
  expect(fields?.password).toEqual(["Use at least 12 characters."]);
  const personal = newAccountSchema.safeParse({ email: "olivia.owner@x.example", name: "Olivia", password: "olivia.owner@x.example" });
  expect(personal.error?.flatten().fieldErrors.password).toEqual(["Don't use your name or email address as your password."]);
  expect(owner.email).toBe("owner@news.example");
});
