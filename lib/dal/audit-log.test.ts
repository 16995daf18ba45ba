import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { ForbiddenError } from "./session";
import { AUDIT_PAGE_SIZE, auditLogQuerySchema, changedFields, listAuditFilterChoices, listAuditLog } from "./audit-log";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

it("records only the fields that changed, before and after", () => {
  expect(changedFields({ a: 1, b: "x", c: null as string | null }, { a: 1, b: "y", c: "z" }, ["a", "b", "c"])).toEqual({
    b: { from: "x", to: "y" },
    c: { from: null, to: "z" },
  });
  expect(changedFields({ a: true }, { a: true }, ["a"])).toEqual({});
});

it("drops filter values that could not be real", () => {
  expect(auditLogQuerySchema.parse({ actorId: "abc123", action: "section.create", entityType: "Section" })).toEqual({ actorId: "abc123", action: "section.create", entityType: "Section" });
  expect(auditLogQuerySchema.parse({ actorId: "<script>", action: ["a", "b"], entityType: "x".repeat(100) })).toEqual({ actorId: undefined, action: undefined, entityType: undefined });
});

describeEachEngine("the audit log page's data", (database) => {
  const ids = { admin: "", editor: "" };
  const start = Date.now() - 3_600_000;

  beforeAll(async () => {
    const { db } = database();
    ids.admin = (await db.user.create({ data: { email: "ada@news.example", name: "Ada Admin", passwordHash: "x", role: "ADMIN" } })).id;
    ids.editor = (await db.user.create({ data: { email: "eddie@news.example", name: "Eddie Editor", passwordHash: "x", role: "EDITOR" } })).id;
    const rows = Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
      actorId: i % 2 ? ids.admin : ids.editor,
      action: i % 5 === 0 ? "article.publish" : "section.update",
      entityType: i % 5 === 0 ? "Article" : "Section",
      entityId: `entity${i}`,
      details: i === 0 ? { headline: "First" } : undefined,
      ip: "192.0.2.1",
      createdAt: new Date(start + i * 1000),
    }));
    await db.auditLog.createMany({ data: rows });
    await db.auditLog.create({ data: { action: "user.admin.create", entityType: "User", entityId: "cli", createdAt: new Date(start - 1000) } });
  });

  beforeEach(() => signInAs(ids.admin));

  it("lists the newest first, a page at a time, with who, what, where and a link to stories", async () => {
    const first = await listAuditLog({ page: 1 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 6 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]).toEqual({
      id: expect.any(String),
      createdAt: new Date(start + (AUDIT_PAGE_SIZE + 4) * 1000),
      actor: { id: ids.editor, name: "Eddie Editor", email: "eddie@news.example" },
      action: "section.update",
      entityType: "Section",
      entityId: `entity${AUDIT_PAGE_SIZE + 4}`,
      href: null,
      details: null,
      ip: "192.0.2.1",
    });
    const last = (await listAuditLog({ page: 2 })).entries;
    expect(last.map((e) => e.entityId)).toEqual(["entity4", "entity3", "entity2", "entity1", "entity0", "cli"]);
    expect(last[4]).toMatchObject({ action: "article.publish", href: "/admin/stories/entity0", details: { headline: "First" } });
    expect(last[5]).toMatchObject({ actor: null, href: null });
  });

  it("filters by actor, action and kind of record", async () => {
    const byAdmin = await listAuditLog({ actorId: ids.admin });
    expect(byAdmin.entries.every((e) => e.actor?.id === ids.admin)).toBe(true);
    expect(byAdmin.total).toBe(27);
    expect((await listAuditLog({ action: "article.publish" })).total).toBe(11);
    expect((await listAuditLog({ entityType: "Article", actorId: ids.editor })).total).toBe(6);
    expect((await listAuditLog({ entityType: "Nothing" })).entries).toEqual([]);
    expect(await listAuditFilterChoices()).toEqual({
      actors: [
        { id: ids.admin, name: "Ada Admin", email: "ada@news.example" },
        { id: ids.editor, name: "Eddie Editor", email: "eddie@news.example" },
      ],
      actions: ["article.publish", "section.update", "user.admin.create"],
      entityTypes: ["Article", "Section", "User"],
    });
  });

  it("is for admins only; an editor's attempt is refused and itself logged", async () => {
    const { db } = database();
    signInAs(ids.editor);
    await expect(listAuditLog()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditFilterChoices()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: ids.editor, entityType: "AuditLog" } })).toBe(2);
  });
});
