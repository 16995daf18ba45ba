import { beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-policy";
import { ANONYMOUS_REFUSALS_RECORDED, ForbiddenError, getCurrentUser, requirePermission, requireUser, revokeSession, UnauthorizedError } from "./session";

const request = vi.hoisted(() => ({ address: "192.0.2.7" }));
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.address }), cookies: async () => ({ get: () => undefined }) }));

const now = () => Math.floor(Date.now() / 1000);

function signedInAs(userId: string, sessionVersion = 0, authTime = now(), sessionId?: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion, authTime, sessionId } });
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

  it("ends a signed-out session for good, and only that one; expired revocations are swept", async () => {
    const { db } = database();
    signedInAs(adminId, 0, now(), "session-one");
    expect(await getCurrentUser()).not.toBeNull();
    await revokeSession("session-one", now());
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser()).rejects.toBeInstanceOf(UnauthorizedError);
    // The same user's other session (another browser) carries on.
    signedInAs(adminId, 0, now(), "session-two");
    expect(await getCurrentUser()).not.toBeNull();
    // Signing out twice (two tabs) is fine; the row lasts as long as the session could have.
    await revokeSession("session-one", now());
    const row = await db.revokedSession.findUniqueOrThrow({ where: { id: "session-one" } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_ABSOLUTE_SECONDS - 60) * 1000);
    await db.revokedSession.create({ data: { id: "long-gone", expiresAt: new Date(Date.now() - 1000) } });
    await revokeSession("session-three");
    expect(await db.revokedSession.findUnique({ where: { id: "long-gone" } })).toBeNull();
  });

  it("records anonymous refusals from one address a few at a time, then one summary, not one row each", async () => {
    const { db } = database();
    request.address = `198.51.100.${database().engine === "sqlite" ? 1 : 2}`;
    vi.mocked(getServerSession).mockResolvedValue(null);
    try {
      const results = await Promise.allSettled(Array.from({ length: 300 }, () => requireUser()));
      expect(results.every((result) => result.status === "rejected" && result.reason instanceof UnauthorizedError)).toBe(true);
      const rows = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: null, ip: request.address }, select: { details: true } });
      expect(rows).toHaveLength(ANONYMOUS_REFUSALS_RECORDED + 1);
      expect(rows.filter((row) => (row.details as { summary?: string }).summary)).toHaveLength(1);
      // Another address is recorded on its own.
      request.address = `198.51.100.${database().engine === "sqlite" ? 3 : 4}`;
      await expect(requireUser()).rejects.toBeInstanceOf(UnauthorizedError);
      expect(await db.auditLog.count({ where: { action: "permission.denied", ip: request.address } })).toBe(1);
    } finally {
      request.address = "192.0.2.7";
    }
  });
});
