import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { bylineSchema, sectionSchema, sectionUpdateSchema, tagSchema } from "@/lib/validation/taxonomy";
import { ForbiddenError } from "./session";
import {
  createByline,
  createSection,
  createTag,
  deleteByline,
  deleteSection,
  deleteTag,
  listBylinesForAdmin,
  listLinkableUsers,
  listSectionsForAdmin,
  listTagsForAdmin,
  moveSection,
  TAG_PAGE_SIZE,
  updateByline,
  updateSection,
  updateTag,
} from "./taxonomy";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.9" }), cookies: async () => ({ get: () => undefined }) }));

function signInAs(userId: string) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

const tags = () => revalidatedTags.map((entry) => entry.tag);

describe("taxonomy schemas", () => {
  it("makes the slug from the name when it is left blank", () => {
    expect(sectionSchema.parse({ name: "  Climate & Energy ", slug: " " })).toEqual({ name: "Climate & Energy", slug: "climate-and-energy", description: "" });
    expect(tagSchema.parse({ name: "U.S. Military" }).slug).toBe("us-military");
    expect(bylineSchema.parse({ name: "Ana Ruiz", slug: "ana", userId: "" })).toMatchObject({ slug: "ana", userId: null, bio: "" });
  });

  it("gives one field error for a bad slug, a missing name, or a name with nothing to slug", () => {
    const bad = sectionSchema.safeParse({ name: "World", slug: "Not A Slug!" });
    expect(bad.error?.flatten().fieldErrors.slug).toEqual(["Use lower-case letters, digits and single hyphens, like “local-news”."]);
    expect(sectionSchema.safeParse({ name: "World", slug: "double--hyphen" }).success).toBe(false);
    expect(sectionSchema.safeParse({ name: " ", slug: "" }).error?.flatten().fieldErrors.name).toEqual(["Enter the section’s name."]);
    expect(tagSchema.safeParse({ name: "!!!" }).error?.flatten().fieldErrors.slug).toEqual(["Enter a slug: the name has no letters or digits to make one from."]);
    expect(sectionUpdateSchema.safeParse({ id: "x'; drop", name: "World" }).error?.flatten().fieldErrors.id).toBeDefined();
  });
});

describeEachEngine("sections, tags and bylines management", (database) => {
  const ids = { admin: "", editor: "", writer: "" };
  let world = "";

  beforeAll(async () => {
    const { db } = database();
    for (const role of ["ADMIN", "EDITOR", "WRITER"] as const) {
      const key = role.toLowerCase() as keyof typeof ids;
      ids[key] = (await db.user.create({ data: { email: `${key}@news.example`, name: `${role[0]}${key.slice(1)} Person`, passwordHash: "x", role } })).id;
    }
    world = (await db.section.create({ data: { slug: "world", name: "World", sortOrder: 0 } })).id;
    await db.section.create({ data: { slug: "politics", name: "Politics", sortOrder: 1 } });
    const desk = await db.byline.create({ data: { slug: "desk", name: "News Desk" } });
    const mexico = await db.tag.create({ data: { slug: "mexico", name: "Mexico" } });
    for (const [n, status] of (["PUBLISHED", "DRAFT"] as const).entries()) {
      await db.article.create({
        data: {
          slug: `story-${n}`,
          headline: `Story ${n}`,
          status,
          sectionId: world,
          bylines: { create: [{ bylineId: desk.id }] },
          tags: { create: [{ tagId: mexico.id }] },
        },
      });
    }
  });

  beforeEach(() => {
    revalidatedTags.length = 0;
    signInAs(ids.admin);
  });

  it("refuses editors and writers every read and write, audits it, and changes nothing", async () => {
    const { db } = database();
    for (const who of [ids.editor, ids.writer]) {
      signInAs(who);
      await expect(listSectionsForAdmin()).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createSection(sectionSchema.parse({ name: "Sneaky" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteSection(world)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createTag(tagSchema.parse({ name: "Sneaky" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createByline(bylineSchema.parse({ name: "Sneaky" }))).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.section.count({ where: { slug: "sneaky" } })).toBe(0);
    expect(await db.section.count({ where: { id: world } })).toBe(1);
    expect(await db.tag.count({ where: { slug: "sneaky" } })).toBe(0);
    const denied = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: ids.writer }, select: { entityType: true, entityId: true, details: true, ip: true } });
    expect(denied).toContainEqual({ entityType: "Section", entityId: world, details: { attempted: "taxonomy.manage", role: "WRITER" }, ip: "192.0.2.9" });
    expect(denied).toHaveLength(5);
    expect(revalidatedTags).toEqual([]);
  });

  it("creates sections last in the nav, refuses a taken slug per field, and expires the nav", async () => {
    const { db } = database();
    const climate = await createSection(sectionSchema.parse({ name: "Climate", description: "Heat and weather." }));
    expect(climate).toMatchObject({ slug: "climate", sortOrder: 2, articleCount: 0 });
    expect(tags()).toEqual(["settings", "sitemaps", "sections", "section:climate"]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "section.create", entityId: climate.id } });
    expect(entry).toMatchObject({ actorId: ids.admin, entityType: "Section", details: { name: "Climate", slug: "climate" }, ip: "192.0.2.9" });

    const taken = createSection(sectionSchema.parse({ name: "Another world", slug: "world" }));
    await expect(taken).rejects.toMatchObject({ name: "ValidationError", fieldErrors: { slug: ["The section “World” already uses this slug."] } });
    expect(await db.section.count()).toBe(3);
    expect((await listSectionsForAdmin()).map((s) => [s.slug, s.articleCount])).toEqual([["world", 2], ["politics", 0], ["climate", 0]]);
  });

  it("updates a section's slug, expiring old and new pages, with a before/after in the audit log", async () => {
    const { db } = database();
    const climate = await db.section.findUniqueOrThrow({ where: { slug: "climate" } });
    const { section, changed } = await updateSection(sectionUpdateSchema.parse({ id: climate.id, name: "Climate & Science", slug: "climate-science", description: "Heat and weather." }));
    expect(changed).toBe(true);
    expect(section).toMatchObject({ name: "Climate & Science", slug: "climate-science" });
    expect(tags()).toEqual(["settings", "sitemaps", "sections", "section:climate", "section:climate-science"]);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "section.update", entityId: climate.id } });
    expect(entry.details).toEqual({
      name: "Climate & Science",
      slug: "climate-science",
      changes: { name: { from: "Climate", to: "Climate & Science" }, slug: { from: "climate", to: "climate-science" } },
    });

    revalidatedTags.length = 0;
    const same = await updateSection(sectionUpdateSchema.parse({ id: climate.id, name: "Climate & Science", slug: "climate-science", description: "Heat and weather." }));
    expect(same.changed).toBe(false);
    expect(revalidatedTags).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "section.update" } })).toBe(1);
    await expect(updateSection(sectionUpdateSchema.parse({ id: climate.id, name: "Climate", slug: "politics" }))).rejects.toMatchObject({
      fieldErrors: { slug: ["The section “Politics” already uses this slug."] },
    });
    await expect(updateSection(sectionUpdateSchema.parse({ id: "nosuchsection", name: "X" }))).rejects.toMatchObject({ name: "NotFoundError" });
  });

  it("moves sections up and down the nav", async () => {
    const { db } = database();
    const climate = await db.section.findUniqueOrThrow({ where: { slug: "climate-science" } });
    expect(await moveSection({ id: climate.id, direction: "up" })).toEqual({ name: "Climate & Science", position: 2, total: 3, moved: true });
    expect(await moveSection({ id: climate.id, direction: "up" })).toMatchObject({ position: 1, moved: true });
    expect(await moveSection({ id: climate.id, direction: "up" })).toMatchObject({ position: 1, moved: false });
    expect((await listSectionsForAdmin()).map((s) => s.slug)).toEqual(["climate-science", "world", "politics"]);
    expect(tags()).toEqual(["settings", "sitemaps", "sections", "settings", "sitemaps", "sections"]);
    await moveSection({ id: climate.id, direction: "down" });
    expect((await listSectionsForAdmin()).map((s) => [s.slug, s.sortOrder])).toEqual([["world", 0], ["climate-science", 1], ["politics", 2]]);
    expect(await db.auditLog.count({ where: { action: "section.reorder" } })).toBe(3);
  });

  it("refuses to delete a section stories are filed in, and deletes an empty one", async () => {
    const { db } = database();
    await expect(deleteSection(world)).rejects.toMatchObject({ name: "InUseError", message: "2 stories are filed in this section; move them first." });
    expect(await db.section.count({ where: { id: world } })).toBe(1);
    expect(await db.article.count({ where: { sectionId: world } })).toBe(2);
    const climate = await db.section.findUniqueOrThrow({ where: { slug: "climate-science" } });
    expect(await deleteSection(climate.id)).toEqual({ name: "Climate & Science", slug: "climate-science" });
    expect(tags()).toEqual(["settings", "sitemaps", "sections", "section:climate-science"]);
    expect(await db.auditLog.count({ where: { action: "section.delete", entityId: climate.id } })).toBe(1);
    await expect(deleteSection(climate.id)).rejects.toMatchObject({ name: "NotFoundError" });
  });

  it("lists tags with counts, searches them case-insensitively, and pages them", async () => {
    const { db } = database();
    await db.tag.createMany({ data: Array.from({ length: TAG_PAGE_SIZE + 2 }, (_, i) => ({ slug: `filler-${String(i).padStart(3, "0")}`, name: `Filler ${String(i).padStart(3, "0")}` })) });
    const first = await listTagsForAdmin();
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: TAG_PAGE_SIZE + 3 });
    expect(first.tags).toHaveLength(TAG_PAGE_SIZE);
    const second = await listTagsForAdmin({ page: 2 });
    expect(second.tags.map((t) => t.name)).toEqual(["Filler 050", "Filler 051", "Mexico"]);
    expect(second.tags.at(-1)).toMatchObject({ slug: "mexico", articleCount: 2 });
    expect((await listTagsForAdmin({ q: "MEXI" })).tags.map((t) => t.slug)).toEqual(["mexico"]);
    expect((await listTagsForAdmin({ q: "filler 05" })).total).toBe(2);
    expect((await listTagsForAdmin({ q: "nothing like it" })).tags).toEqual([]);
  });

  it("creates, renames and deletes tags; a tag in use is refused, not stripped from stories", async () => {
    const { db } = database();
    const tag = await createTag(tagSchema.parse({ name: "Border Policy" }));
    expect(tag).toMatchObject({ slug: "border-policy", articleCount: 0 });
    await expect(createTag(tagSchema.parse({ name: "Mexico!" }))).rejects.toMatchObject({ fieldErrors: { slug: ["The tag “Mexico” already uses this slug."] } });
    revalidatedTags.length = 0;
    const renamed = await updateTag({ id: tag.id, name: "Border policy", slug: "border" });
    expect(renamed).toMatchObject({ changed: true, tag: { name: "Border policy", slug: "border" } });
    expect(tags()).toEqual(["settings", "sitemaps", "tag:border-policy", "tag:border"]);
    const mexico = await db.tag.findUniqueOrThrow({ where: { slug: "mexico" } });
    await expect(deleteTag(mexico.id)).rejects.toMatchObject({ name: "InUseError", message: "2 stories are tagged “Mexico”; take the tag off them first, or rename it." });
    expect(await db.articleTag.count({ where: { tagId: mexico.id } })).toBe(2);
    expect(await deleteTag(tag.id)).toEqual({ name: "Border policy", slug: "border" });
    expect(await db.tag.count({ where: { id: tag.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "Tag", actorId: ids.admin } })).toBe(3);
  });

  it("creates bylines linked to an account, one byline per account, and refuses deleting one in use", async () => {
    const { db } = database();
    const byline = await createByline(bylineSchema.parse({ name: "Wren Writer", bio: "Covers the border.", userId: ids.writer }));
    expect(byline).toMatchObject({ slug: "wren-writer", user: { id: ids.writer, name: "Writer Person", email: "writer@news.example" }, articleCount: 0 });
    expect(tags()).toEqual(["settings", "sitemaps", "byline:wren-writer"]);
    await expect(createByline(bylineSchema.parse({ name: "Wren Again", userId: ids.writer }))).rejects.toMatchObject({
      fieldErrors: { userId: ["Writer Person’s account is already linked to the byline “Wren Writer”."] },
    });
    await expect(createByline(bylineSchema.parse({ name: "Ghost", userId: "nosuchuser" }))).rejects.toMatchObject({ fieldErrors: { userId: ["That account no longer exists."] } });
    expect((await listLinkableUsers()).find((u) => u.id === ids.writer)?.bylineId).toBe(byline.id);

    const updated = await updateByline({ id: byline.id, name: "Wren Writer", slug: "wren", bio: "", jobTitle: "", links: "", expertise: "", languages: "", contactEmail: "", photoMediaId: null, userId: null });
    expect(updated).toMatchObject({ changed: true, byline: { slug: "wren", user: null, bio: "" } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "byline.update", entityId: byline.id } });
    expect(entry.details).toMatchObject({ changes: { slug: { from: "wren-writer", to: "wren" }, bio: { from: "Covers the border.", to: "" }, userId: { from: ids.writer, to: null } } });

    const desk = await db.byline.findUniqueOrThrow({ where: { slug: "desk" } });
    await expect(deleteByline(desk.id)).rejects.toMatchObject({ name: "InUseError", message: "2 stories carry this byline; take it off them first." });
    expect(await db.byline.count({ where: { id: desk.id } })).toBe(1);
    expect(await deleteByline(byline.id)).toEqual({ name: "Wren Writer", slug: "wren" });
    expect((await listBylinesForAdmin()).map((b) => [b.slug, b.articleCount])).toEqual([["desk", 2]]);
  });
});
