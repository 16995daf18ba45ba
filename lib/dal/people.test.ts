import { beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { verifyPassword } from "@/lib/auth/password";
import { newPersonSchema, setDisabledSchema } from "@/lib/validation/people";
import { changeRole, createPerson, listPeople, resetTwoFactor, setDisabled } from "./people";
import { NotFoundError, ValidationError } from "./errors";
import { ForbiddenError, getCurrentUser } from "./session";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.30" }), cookies: async () => ({ get: () => undefined }) }));

async function signedInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: await versionOf(userId), authTime: Math.floor(Date.now() / 1000) } });
}
let versionOf: (userId: string) => Promise<number> = async () => 0;

const person = (overrides: Partial<Record<"name" | "email" | "role" | "password", string>> = {}) =>
  newPersonSchema.parse({ name: "Eddie Editor", email: "Eddie@News.Example", role: "EDITOR", password: "copy desk coffee never sleeps", ...overrides });

describeEachEngine("people management", (database) => {
  let adminId = "";
  let writerId = "";

  beforeAll(async () => {
    const { db } = database();
    versionOf = async (userId) => (await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
    adminId = (await db.user.create({ data: { email: "ada@news.example", name: "Ada Admin", passwordHash: "x", role: "ADMIN" } })).id;
    writerId = (await db.user.create({ data: { email: "wren@news.example", name: "Wren Writer", passwordHash: "x", role: "WRITER" } })).id;
  });

  it("is for admins only, and every refusal is audited", async () => {
    const { db } = database();
    await signedInAs(writerId);
    await expect(listPeople()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPerson(person())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(writerId, "ADMIN")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setDisabled(adminId, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetTwoFactor(adminId)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { actorId: writerId, action: "permission.denied" } })).toBe(5);
    expect(await db.user.findUniqueOrThrow({ where: { id: writerId } })).toMatchObject({ role: "WRITER" });
    expect(await db.user.count()).toBe(2);
  });

  it("creates a person with the initial password, once per email", async () => {
    const { db } = database();
    await signedInAs(adminId);
    const created = await createPerson(person());
    expect(created).toMatchObject({ name: "Eddie Editor", email: "eddie@news.example", role: "EDITOR", disabled: false, twoFactorEnabled: false, lastLoginAt: null, isYou: false });
    expect(created).not.toHaveProperty("passwordHash");
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(await verifyPassword(row.passwordHash, "copy desk coffee never sleeps")).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: "person.created", entityId: created.id } })).toMatchObject({ actorId: adminId, details: { email: "eddie@news.example", role: "EDITOR" } });

    const duplicate = createPerson(person({ email: "EDDIE@news.example", name: "Another Eddie" }));
    await expect(duplicate).rejects.toBeInstanceOf(ValidationError);
    await expect(duplicate).rejects.toMatchObject({ fieldErrors: { email: ["Someone already has an account with this email address."] } });
    expect(await db.user.count({ where: { email: "eddie@news.example" } })).toBe(1);
  });

  it("lists people as DTOs, enabled first, marking the viewer", async () => {
    await signedInAs(adminId);
    const people = await listPeople();
    expect(people.map((p) => p.email)).toEqual(["ada@news.example", "eddie@news.example", "wren@news.example"]);
    expect(people.find((p) => p.id === adminId)?.isYou).toBe(true);
    expect(Object.keys(people[0]).sort()).toEqual(["createdAt", "disabled", "email", "id", "invitedAt", "isYou", "lastLoginAt", "name", "role", "twoFactorEnabled"]);
  });

  it("changes roles, but not one's own, and never demotes the last enabled admin", async () => {
    const { db } = database();
    await signedInAs(adminId);
    expect(await changeRole(writerId, "EDITOR")).toEqual({ changed: true, name: "Wren Writer" });
    expect(await changeRole(writerId, "EDITOR")).toEqual({ changed: false, name: "Wren Writer" });
    expect(await db.auditLog.findFirst({ where: { action: "person.role.changed", entityId: writerId } })).toMatchObject({ actorId: adminId, details: { from: "WRITER", to: "EDITOR" } });

    await expect(changeRole(adminId, "EDITOR")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("ADMIN");
    await expect(changeRole("no-such-user", "EDITOR")).rejects.toBeInstanceOf(NotFoundError);

    // Two admins: the second demotes the first, then cannot be left without an admin by anyone.
    expect((await changeRole(writerId, "ADMIN")).changed).toBe(true);
    await signedInAs(writerId);
    expect((await changeRole(adminId, "WRITER")).changed).toBe(true);
    await signedInAs(adminId);
    await expect(listPeople()).rejects.toBeInstanceOf(ForbiddenError);
    await signedInAs(writerId);
    await expect(changeRole(writerId, "EDITOR")).rejects.toThrow("You cannot change your own account here.");
    expect(await changeRole(adminId, "ADMIN")).toMatchObject({ changed: true });
  });

  it("never leaves the newsroom without an enabled admin, even when two admins demote each other at once", async () => {
    const { db } = database();
    await db.user.updateMany({ where: { id: { in: [adminId, writerId] } }, data: { role: "ADMIN", disabled: false } });
    const claims = async (userId: string) => ({ expires: "", claims: { userId, sessionVersion: await versionOf(userId), authTime: Math.floor(Date.now() / 1000) } });
    vi.mocked(getServerSession).mockResolvedValueOnce(await claims(adminId)).mockResolvedValueOnce(await claims(writerId));
    const results = await Promise.allSettled([changeRole(writerId, "WRITER"), changeRole(adminId, "WRITER")]);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as Error).name);
    expect(refusals.length).toBeGreaterThan(0);
    // SQLite runs the two one after the other (the guard refuses); PostgreSQL may abort one as a conflict.
    for (const name of refusals) expect(["ForbiddenError", "ValidationError"]).toContain(name);
    expect(await db.user.count({ where: { role: "ADMIN", disabled: false } })).toBeGreaterThanOrEqual(1);
    // Put both back as they were: Ada the admin, Wren the writer.
    await db.user.update({ where: { id: adminId }, data: { role: "ADMIN" } });
    await db.user.update({ where: { id: writerId }, data: { role: "WRITER" } });
  });

  it("disables and enables, ending the person's sessions, never one's own", async () => {
    const { db } = database();
    await signedInAs(writerId);
    expect(await getCurrentUser()).not.toBeNull();
    const writerSession = vi.mocked(getServerSession).getMockImplementation();
    await signedInAs(adminId);
    expect(await setDisabled(writerId, true)).toEqual({ changed: true, name: "Wren Writer" });
    const row = await db.user.findUniqueOrThrow({ where: { id: writerId } });
    expect(row.disabled).toBe(true);
    if (writerSession) vi.mocked(getServerSession).mockImplementation(writerSession);
    expect(await getCurrentUser()).toBeNull();

    await signedInAs(adminId);
    expect(await setDisabled(writerId, false)).toEqual({ changed: true, name: "Wren Writer" });
    expect(await db.auditLog.count({ where: { entityId: writerId, action: { in: ["person.disabled", "person.enabled"] } } })).toBe(2);
    await expect(setDisabled(adminId, true)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).disabled).toBe(false);
  });

  it("resets someone's two-factor sign-in and ends their sessions", async () => {
    const { db } = database();
    await db.user.update({
      where: { id: writerId },
      data: { totpSecret: "v1.a.b.c", totpEnabledAt: new Date(), totpLastStep: 123, recoveryCodes: { create: [{ codeHash: "aa" }, { codeHash: "bb" }] } },
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: writerId } });
    await signedInAs(adminId);
    expect(await resetTwoFactor(writerId)).toEqual({ changed: true, name: "Wren Writer" });
    const after = await db.user.findUniqueOrThrow({ where: { id: writerId } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: before.sessionVersion + 1 });
    expect(await db.recoveryCode.count({ where: { userId: writerId } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: writerId, action: "person.two-factor.reset" } })).toBe(1);
    expect(await resetTwoFactor(writerId)).toEqual({ changed: false, name: "Wren Writer" });
    await expect(resetTwoFactor(adminId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

it("validates new people with one message per field", () => {
  const bad = newPersonSchema.safeParse({ name: "", email: "nope", role: "OWNER", password: "short" });
  expect(bad.error?.flatten().fieldErrors).toEqual({
    name: ["Enter a name."],
    email: ["Enter a valid email address."],
    role: ["Choose a role."],
    password: ["Use at least 12 characters."],
  });
  const personal = newPersonSchema.safeParse({ name: "Wren Writer", email: "wren.writer@news.example", role: "WRITER", password: "wren.writer@news.example" });
  expect(personal.error?.flatten().fieldErrors.password).toEqual(["Don't use your name or email address as your password."]);
  expect(setDisabledSchema.parse({ userId: "u1", disabled: "true" })).toEqual({ userId: "u1", disabled: true });
  expect(setDisabledSchema.safeParse({ userId: "u1", disabled: "yes" }).success).toBe(false);
});
