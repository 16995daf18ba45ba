import { beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-policy";
import { ForbiddenError, getCurrentUser, requirePermission, requireUser, UnauthorizedError } from "./session";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7" }), cookies: async () => ({ get: () => undefined }) }));

const now = () => Math.floor(Date.now() / 1000);

function signedInAs(userId: string, sessionVersion = 0, authTime = now()) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion, authTime } });
}

describeEachEngine("the session check on every request", (database) => {
  let writerId = "";
  let adminId = "";

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "Test" }, update: { requireTwoFactor: false } });
    writerId = (await db.user.create({ data: { email: "wren@news.example", name: "Wren", passwordHash: "x", role: "WRITER" } })).id;
    adminId = (await db.user.create({ data: { email: "ada@news.example", name: "Ada", passwordHash: "x", role: "ADMIN", totpEnabledAt: new Date() } })).id;
  });

  it("answers the user the claims name, as a DTO without secrets", async () => {
    signedInAs(writerId);
    const user = await getCurrentUser();
    expect(user).toEqual({ id: writerId, email: "wren@news.example", name: "Wren", role: "WRITER", twoFactorEnabled: false, mustEnrolTwoFactor: false });
    signedInAs(adminId);
    expect(await getCurrentUser()).toMatchObject({ id: adminId, role: "ADMIN", twoFactorEnabled: true });
  });

  it("reads no session, unknown users and unreadable claims as signed out", async () => {
    vi.mocked(getServerSession).mockResolvedValue(null);
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser()).rejects.toBeInstanceOf(UnauthorizedError);
    vi.mocked(getServerSession).mockResolvedValue({ expires: "" });
    expect(await getCurrentUser()).toBeNull();
    signedInAs("no-such-user");
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends every session when the session version moves on", async () => {
    const { db } = database();
    signedInAs(writerId, 0);
    expect(await getCurrentUser()).not.toBeNull();
    await db.user.update({ where: { id: writerId }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
    signedInAs(writerId, 1);
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("ends the session of a disabled user at once", async () => {
    const { db } = database();
    signedInAs(writerId, 1);
    await db.user.update({ where: { id: writerId }, data: { disabled: true } });
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser()).rejects.toBeInstanceOf(UnauthorizedError);
    await db.user.update({ where: { id: writerId }, data: { disabled: false } });
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("ends a session past its absolute lifetime, however active", async () => {
    signedInAs(writerId, 1, now() - SESSION_ABSOLUTE_SECONDS - 60);
    expect(await getCurrentUser()).toBeNull();
    signedInAs(writerId, 1, now() - SESSION_ABSOLUTE_SECONDS + 60);
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("refuses a missing permission with a permission.denied audit entry", async () => {
    const { db } = database();
    signedInAs(writerId, 1);
    await expect(requirePermission("people.manage", { entityType: "User", entityId: adminId })).rejects.toBeInstanceOf(ForbiddenError);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "permission.denied", actorId: writerId } });
    expect(entry).toMatchObject({ entityType: "User", entityId: adminId, ip: "192.0.2.7", details: { attempted: "people.manage", role: "WRITER" } });
    expect(await requirePermission("article.create")).toMatchObject({ id: writerId });
    signedInAs(adminId);
    expect(await requirePermission("people.manage")).toMatchObject({ id: adminId });
  });

  it("when an admin requires two-factor sign-in, holds unenrolled users to the security page", async () => {
    const { db } = database();
    await db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: true } });
    try {
      signedInAs(writerId, 1);
      expect(await getCurrentUser()).toMatchObject({ mustEnrolTwoFactor: true });
      await expect(requirePermission("article.create")).rejects.toBeInstanceOf(ForbiddenError);
      signedInAs(adminId);
      expect(await getCurrentUser()).toMatchObject({ mustEnrolTwoFactor: false });
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { requireTwoFactor: false } });
    }
  });
});
