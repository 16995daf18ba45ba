import { beforeAll, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { ArticleStatus } from "@/lib/db";
import { storyListParams } from "@/lib/validation/story-list";
import { getDashboard, listReviewQueue, listStories } from "./story-list";
import { bulkArchive, bulkMoveToSection, bulkTrash, describeBulk } from "./story-bulk";
import { deleteStoryForever, listTrash, purgeExpiredTrash, restoreStory, trashedStoryHeadline, trashStory, TRASH_DAYS } from "./trash";
import { saveStory } from "./stories";
import { ForbiddenError } from "./session";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const DAY = 24 * 3_600_000;
const signedIn = vi.mocked(getServerSession);
function signInAs(userId: string) {
  signedIn.mockResolvedValue({ expires: "", claims: { userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } });
}

describeEachEngine("trash and bulk actions", (database) => {
  const users = { editor: "", wren: "", walt: "" };
  const ids: Record<string, string> = {};
  let worldId = "";

  async function story(slug: string, status: ArticleStatus, owner: keyof typeof users, extra: Record<string, unknown> = {}) {
    const { db } = database();
    const byline = await db.byline.upsert({ where: { slug: "desk" }, create: { slug: "desk", name: "Desk" }, update: {} });
    const row = await db.article.create({
      data: {
        slug,
        headline: `Headline ${slug}`,
        body: "Body text.",
        status,
        publishedAt: status === ArticleStatus.PUBLISHED || status === ArticleStatus.ARCHIVED ? new Date(Date.now() - DAY) : null,
        scheduledAt: status === ArticleStatus.SCHEDULED ? new Date(Date.now() + DAY) : null,
        createdById: users[owner],
        bylines: { create: [{ bylineId: byline.id, position: 0 }] },
        ...extra,
      },
    });
    ids[slug] = row.id;
    return row.id;
  }

  beforeAll(async () => {
    const { db } = database();
    for (const [key, role] of [["editor", "EDITOR"], ["wren", "WRITER"], ["walt", "WRITER"]] as const) {
      users[key] = (await db.user.create({ data: { email: `${key}@news.example`, name: key, passwordHash: "x", role } })).id;
    }
    worldId = (await db.section.create({ data: { slug: "world", name: "World" } })).id;
    await story("wren-draft", ArticleStatus.DRAFT, "wren");
    await story("wren-review", ArticleStatus.IN_REVIEW, "wren");
    await story("walt-draft", ArticleStatus.DRAFT, "walt");
    await story("live", ArticleStatus.PUBLISHED, "editor");
    await story("scheduled", ArticleStatus.SCHEDULED, "editor");
    await story("archived", ArticleStatus.ARCHIVED, "editor");
  });

  it("refuses to trash a live or scheduled story, saying what to do first, and changes nothing", async () => {
    signInAs(users.editor);
    await expect(trashStory(ids.live)).rejects.toThrow(/Unpublish this story before deleting it/);
    await expect(trashStory(ids.scheduled)).rejects.toThrow("Unschedule this story before deleting it: it is set to go live. Unscheduling puts it back in review, and then it can be deleted.");
    const { db } = database();
    expect((await db.article.findUniqueOrThrow({ where: { id: ids.live } })).deletedAt).toBeNull();
  });

  it("lets a writer trash and restore only their own draft, hides it from every list, and audits both", async () => {
    signInAs(users.wren);
    await expect(trashStory(ids["wren-review"])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(trashStory(ids["walt-draft"])).rejects.toBeInstanceOf(ForbiddenError);
    expect(await trashedStoryHeadline(ids["wren-draft"])).toBeNull();
    await trashStory(ids["wren-draft"]);
    // The notice on the story list names it; only for someone who may see it.
    expect(await trashedStoryHeadline(ids["wren-draft"])).toBe("Headline wren-draft");
    expect(await trashedStoryHeadline(ids["walt-draft"])).toBeNull();
    expect((await listStories(storyListParams.parse({}))).items.map((s) => s.slug)).toEqual(["wren-review"]);
    expect((await listStories(storyListParams.parse({ q: "wren-draft" }))).total).toBe(0);
    expect((await getDashboard()).counts.DRAFT).toBe(0);
    expect((await listTrash()).map((t) => [t.headline, t.canRestore, t.canDeleteForever])).toEqual([["Headline wren-draft", true, false]]);
    // Trashed stories cannot be edited: the write path does not find them.
    await expect(saveStory({ id: ids["wren-draft"], baseVersion: 2, mode: "manual", fields: { headline: "x", standfirst: "", body: "", slug: "", tags: [], bylineIds: [], breaking: false, featured: false } as never })).rejects.toThrow();
    await expect(deleteStoryForever(ids["wren-draft"])).rejects.toBeInstanceOf(ForbiddenError);

    signInAs(users.editor);
    expect((await listStories(storyListParams.parse({}))).items.map((s) => s.slug)).not.toContain("wren-draft");
    expect((await getDashboard()).total).toBe(5);

    signInAs(users.wren);
    await restoreStory(ids["wren-draft"]);
    expect((await listStories(storyListParams.parse({}))).total).toBe(2);
    const actions = (await database().db.auditLog.findMany({ where: { entityId: ids["wren-draft"] }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["article.trash", "article.restoreFromTrash"]));
  });

  it("hides a trashed story in review from the review queue, and deletes forever only from the trash", async () => {
    signInAs(users.editor);
    expect((await listReviewQueue()).map((s) => s.id)).toContain(ids["wren-review"]);
    await expect(deleteStoryForever(ids["wren-review"])).rejects.toThrow(/not in the trash/);
    await trashStory(ids["wren-review"]);
    expect((await listReviewQueue()).map((s) => s.id)).not.toContain(ids["wren-review"]);
    await deleteStoryForever(ids["wren-review"]);
    expect(await database().db.article.findUnique({ where: { id: ids["wren-review"] } })).toBeNull();
    expect(await database().db.auditLog.count({ where: { entityId: ids["wren-review"], action: "article.deleteForever" } })).toBe(1);
  });

  it("purges stories trashed more than 30 days ago, and only those (fake clock)", async () => {
    const { db } = database();
    const now = new Date("2030-01-31T12:00:00Z");
    const old = await story("old-trash", ArticleStatus.DRAFT, "editor", { deletedAt: new Date(now.getTime() - TRASH_DAYS * DAY - 1000) });
    const recent = await story("recent-trash", ArticleStatus.DRAFT, "editor", { deletedAt: new Date(now.getTime() - (TRASH_DAYS - 1) * DAY) });
    expect(await purgeExpiredTrash(now, db)).toBe(1);
    expect(await db.article.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.article.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityId: old, action: "article.purge", actorId: null } })).toBe(1);
    expect(await purgeExpiredTrash(now, db)).toBe(0);
    await db.article.delete({ where: { id: recent } });
  });

  it("bulk moves to a section story by story: a writer's own draft moves, others are skipped with the reason", async () => {
    const { db } = database();
    const mine = await story("wren-bulk", ArticleStatus.DRAFT, "wren");
    const review = await story("wren-bulk-review", ArticleStatus.IN_REVIEW, "wren");
    signInAs(users.wren);
    const result = await bulkMoveToSection([mine, review, ids["walt-draft"], "nonexistent"], "world");
    expect(result.done).toBe(1);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "you can't edit “Headline wren-bulk-review”",
      "it no longer exists or you cannot see it",
      "it no longer exists or you cannot see it",
    ]);
    expect(describeBulk(result, "moved")).toMatch(/^1 moved, 3 skipped: you can't edit “Headline wren-bulk-review”; /);
    expect((await db.article.findUniqueOrThrow({ where: { id: mine } })).sectionId).toBe(worldId);
    expect((await db.article.findUniqueOrThrow({ where: { id: review } })).sectionId).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: ids["walt-draft"] } })).sectionId).toBeNull();
    await expect(bulkMoveToSection([mine], "nowhere")).rejects.toThrow(/Check the highlighted fields/);
  });

  it("bulk moves a live story and expires its reader pages", async () => {
    signInAs(users.editor);
    revalidatedTags.length = 0;
    const result = await bulkMoveToSection([ids.live], "world");
    expect(result).toMatchObject({ done: 1, skipped: [] });
    expect(revalidatedTags.map((t) => t.tag)).toEqual(expect.arrayContaining(["section:world"]));
  });

  it("bulk archives only what the workflow allows, and bulk deletes only what may go to the trash", async () => {
    const { db } = database();
    signInAs(users.editor);
    const draft = await story("editor-bulk-draft", ArticleStatus.DRAFT, "editor");
    const archive = await bulkArchive([ids.live, draft, ids.archived]);
    expect(archive.done).toBe(1);
    expect(archive.skipped.map((s) => s.reason)).toEqual(["“Headline editor-bulk-draft”: only published stories can be archived.", "“Headline archived”: it is archived already."]);
    expect((await db.article.findUniqueOrThrow({ where: { id: ids.live } })).status).toBe("ARCHIVED");

    const trash = await bulkTrash([draft, ids.scheduled, ids.live]);
    expect(trash.done).toBe(2);
    expect(trash.skipped).toHaveLength(1);
    expect(trash.skipped[0].reason).toMatch(/Headline scheduled.*Unschedule/);
    expect((await listTrash()).map((t) => t.id)).toEqual(expect.arrayContaining([draft, ids.live]));

    signInAs(users.wren);
    const writer = await bulkArchive([ids.live]);
    expect(writer.done).toBe(0);
  });
});
