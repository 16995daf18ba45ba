import { beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { createStory, getStoryForEdit, saveStory } = await import("./stories");
const { transitionStory, scheduleUpdate } = await import("./workflow");
const { getRevisionForEditor, listRevisions, restoreRevision, LIVE_RESTORE_REFUSAL } = await import("./revisions");

function editorFields(fields: StoryFields, changes: Partial<StoryFields> = {}): StoryFields {
  return storyFieldsSchema.parse({
    ...fields,
    sectionId: fields.sectionId ?? "",
    heroMediaId: fields.heroMediaId ?? "",
    seoTitle: fields.seoTitle ?? "",
    seoDescription: fields.seoDescription ?? "",
    breakingUntil: fields.breakingUntil?.toISOString() ?? "",
    ...changes,
  });
}

describeEachEngine("revisions: restoring never writes a live story directly", (database) => {
  const ids = { editor: "", writer: "", byline: "" };

  beforeAll(async () => {
    const { db } = database();
    ids.editor = (await db.user.create({ data: { email: "eddie@news.test", name: "eddie", role: "EDITOR", passwordHash: "x" }, select: { id: true } })).id;
    ids.writer = (await db.user.create({ data: { email: "wren@news.test", name: "wren", role: "WRITER", passwordHash: "x" }, select: { id: true } })).id;
    ids.byline = (await db.byline.create({ data: { slug: "eddie", name: "Eddie", userId: ids.editor }, select: { id: true } })).id;
  });

  /** A story created bare (version 1: no body), then written, bylined, re-slugged and published. */
  async function liveStory(headline: string) {
    session.userId = ids.editor;
    const { db } = database();
    const { id } = await createStory({ headline });
    // Version 1 as the trial found it: no body, no byline.
    await db.articleByline.deleteMany({ where: { articleId: id } });
    await db.revision.updateMany({ where: { articleId: id }, data: { snapshot: { ...((await db.revision.findFirstOrThrow({ where: { articleId: id } })).snapshot as object), bylineIds: [] } } });
    const story = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { body: "Crews arrive on Monday.", bylineIds: [ids.byline], slug: `${story.fields.slug}-now` }), mode: "manual" });
    const published = await transitionStory({ id, baseVersion: saved.version, to: "PUBLISHED" });
    const first = (await listRevisions(id))!.revisions.find((r) => r.version === 1)!;
    return { id, version: published.version, slug: published.slug, oldSlug: story.fields.slug, firstRevisionId: first.id };
  }

  it("refuses to restore onto a live story and changes nothing: no new version, no revision, same slug and text", async () => {
    const { id, version, slug, firstRevisionId } = await liveStory("Bridge Repairs Begin");
    const { db } = database();
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    const revisions = await db.revision.count({ where: { articleId: id } });
    await expect(restoreRevision({ id, revisionId: firstRevisionId, baseVersion: version })).rejects.toMatchObject({ name: "ValidationError", message: LIVE_RESTORE_REFUSAL });
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "PUBLISHED", version: before.version, slug: slug, body: "Crews arrive on Monday.", updatedAt: before.updatedAt });
    expect(await db.revision.count({ where: { articleId: id } })).toBe(revisions);
  });

  it("loads the old version for the editor; putting it live runs the publish checks, and keeps the current address", async () => {
    const { id, version, slug, oldSlug, firstRevisionId } = await liveStory("Harbour Ferries Return");
    const loaded = (await getRevisionForEditor(id, firstRevisionId))!;
    expect(loaded).toMatchObject({ version: 1, fields: { body: "", bylineIds: [], slug: oldSlug } });

    // "Update live story" with version 1 as it is: refused with the same checks as publishing, nothing stored.
    const { db } = database();
    const current = (await getStoryForEdit(id))!;
    const restoredAsIs = editorFields(loaded.fields, { slug: current.fields.slug });
    const refused = await saveStory({ id, baseVersion: version, fields: restoredAsIs, mode: "manual", restoredFrom: firstRevisionId }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ValidationError", fieldErrors: { body: ["Write the story before publishing."], bylineIds: ["Add at least one byline before publishing."] } });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ version, body: "Crews arrive on Monday.", slug });

    // Once it is fit for readers it goes live, named in the history, at the story's current address.
    const fixed = await saveStory({ id, baseVersion: version, fields: { ...restoredAsIs, body: "Ferries return on Friday.", bylineIds: [ids.byline] }, mode: "manual", restoredFrom: firstRevisionId });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", version: fixed.version, body: "Ferries return on Friday.", slug });
    expect((await listRevisions(id))!.revisions[0]!.reason).toBe("Restored version 1 to the live story");

    // Writers may not load versions to restore at all.
    session.userId = ids.writer;
    await expect(getRevisionForEditor(id, firstRevisionId)).rejects.toMatchObject({ name: "ForbiddenError" });
  });

  it("any save of a live story must pass the publish checks, and so must a scheduled update", async () => {
    const { id, version } = await liveStory("Council Approves Budget");
    const story = (await getStoryForEdit(id))!;
    await expect(saveStory({ id, baseVersion: version, fields: editorFields(story.fields, { body: "  " }), mode: "manual" })).rejects.toMatchObject({ fieldErrors: { body: [expect.any(String)] } });
    await expect(scheduleUpdate({ id, baseVersion: version, fields: editorFields(story.fields, { bylineIds: [] }), runAt: new Date(Date.now() + 60_000), substantive: true })).rejects.toMatchObject({
      fieldErrors: { bylineIds: [expect.any(String)] },
    });
    const { db } = database();
    expect(await db.scheduledUpdate.count({ where: { articleId: id } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(version);
  });

  it("on a draft, restore is one step and makes a new version; on a scheduled story the version must be fit to go live", async () => {
    session.userId = ids.editor;
    const { id } = await createStory({ headline: "Night Market Opens" });
    let story = (await getStoryForEdit(id))!;
    const v2 = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { body: "Stalls open at dusk." }), mode: "manual" });
    const first = (await listRevisions(id))!.revisions.find((r) => r.version === 1)!;
    const restored = await restoreRevision({ id, revisionId: first.id, baseVersion: v2.version });
    expect(restored.version).toBe(v2.version + 1);
    const { db } = database();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).body).toBe("");
    expect((await listRevisions(id))!.revisions[0]!.reason).toMatch(/^Restored version 1 /);

    story = (await getStoryForEdit(id))!;
    const v4 = await saveStory({ id, baseVersion: restored.version, fields: editorFields(story.fields, { body: "Stalls open at dusk." }), mode: "manual" });
    const scheduled = await transitionStory({ id, baseVersion: v4.version, to: "SCHEDULED", scheduledAt: new Date(Date.now() + 3_600_000) });
    await expect(restoreRevision({ id, revisionId: first.id, baseVersion: scheduled.version })).rejects.toMatchObject({ name: "ValidationError", fieldErrors: { body: [expect.any(String)] } });
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SCHEDULED", version: scheduled.version, body: "Stalls open at dusk." });
  });
});
