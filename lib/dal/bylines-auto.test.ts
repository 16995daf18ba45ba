import { expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { ensureBylineForUser } from "./bylines-auto";
import { createOwner } from "./users";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

describeEachEngine("automatic bylines for new people", (database) => {
  it("creates the owner's byline at first-run setup, linked to the account", async () => {
    const owner = await createOwner({ name: "Ada Lovelace", email: "ada@news.example", password: "correct horse battery staple" }, { ip: "192.0.2.1" });
    const byline = await database().db.byline.findUnique({ where: { userId: owner.id } });
    expect(byline).toMatchObject({ name: "Ada Lovelace", slug: "ada-lovelace" });
  });

  it("is idempotent and picks a free slug when the name's is taken", async () => {
    const { db } = database();
    await db.byline.create({ data: { slug: "sam-reed", name: "Sam Reed (wire)" } });
    await db.byline.create({ data: { slug: "sam-reed-2", name: "Another Sam" } });
    const sam = await db.user.create({ data: { email: "sam@news.example", name: "Sam Reed", passwordHash: "x", role: "WRITER" } });
    const first = await db.$transaction((tx) => ensureBylineForUser(tx, sam.id));
    expect(first).toMatchObject({ slug: "sam-reed-3", created: true });
    const again = await db.$transaction((tx) => ensureBylineForUser(tx, sam.id));
    expect(again).toEqual({ id: first.id, slug: "sam-reed-3", created: false });
    expect(await db.byline.count({ where: { userId: sam.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: first.id, action: "byline.create" } })).toBe(1);
  });

  it("gives a name that makes no slug the slug 'author'", async () => {
    const { db } = database();
    const user = await db.user.create({ data: { email: "dash@news.example", name: "—", passwordHash: "x", role: "WRITER" } });
    expect((await db.$transaction((tx) => ensureBylineForUser(tx, user.id))).slug).toBe("author");
  });
});
