import { beforeAll, expect, it, vi } from "vitest";
import { markdownNestingDepth } from "@/lib/content/markdown-limits";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { createStory, getStoryForEdit, saveStory, importStory } = await import("./stories");
const { transitionStory, addCorrection, scheduleUpdate } = await import("./workflow");
const { listRevisions, restoreRevision, compareRevisions } = await import("./revisions");
const { heartbeat } = await import("./presence");
const { applyDueUpdates } = await import("./scheduling");

function fieldsFrom(story: NonNullable<Awaited<ReturnType<typeof getStoryForEdit>>>, changes: Partial<StoryFields> = {}): StoryFields {
  return storyFieldsSchema.parse({
    ...story.fields,
    sectionId: story.fields.sectionId ?? "",
    heroMediaId: story.fields.heroMediaId ?? "",
    seoTitle: story.fields.seoTitle ?? "",
    seoDescription: story.fields.seoDescription ?? "",
    breakingUntil: story.fields.breakingUntil?.toISOString() ?? "",
    ...changes,
  });
}

describeEachEngine("stories: ownership, conflicts, workflow, revisions", (database) => {
  const ids = { editor: "", writer: "", otherWriter: "", byline: "" };

  beforeAll(async () => {
    const { db } = database();
    const make = (email: string, role: "EDITOR" | "WRITER") => db.user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "x" }, select: { id: true } });
    ids.editor = (await make("eddie@news.test", "EDITOR")).id;
    ids.writer = (await make("wren@news.test", "WRITER")).id;
    ids.otherWriter = (await make("otto@news.test", "WRITER")).id;
    ids.byline = (await db.byline.create({ data: { slug: "wren", name: "Wren", userId: ids.writer }, select: { id: true } })).id;
    await db.section.create({ data: { slug: "world", name: "World" } });
  });

  it("a writer creates a draft with their byline; other writers cannot see or change it", async () => {
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Ferries Run All Night" });
    const story = (await getStoryForEdit(id))!;
    expect(story).toMatchObject({ status: "DRAFT", version: 1, own: true, canEdit: true, transitions: ["IN_REVIEW"] });
    expect(story.fields.bylineIds).toEqual([ids.byline]);
    expect(story.fields.slug).toBe("ferries-run-all-night");

    session.userId = ids.otherWriter;
    expect(await getStoryForEdit(id)).toBeNull();
    await expect(saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { body: "Hijacked" }), mode: "manual" })).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(transitionStory({ id, baseVersion: 1, to: "IN_REVIEW" })).rejects.toMatchObject({ name: "ForbiddenError" });
    const { db } = database();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).body).toBe("");
    expect(await db.auditLog.count({ where: { action: "permission.denied", entityId: id, actorId: ids.otherWriter } })).toBe(2);
  });

  it("a breaking flag whose time has passed counts as off: a writer's form that still shows it saves, and nothing revives it", async () => {
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Flag Ran Out" });
    const { db } = database();
    const past = new Date(Date.now() - 60_000);
    // An editor flagged it until a minute ago; the scheduler cleared it without a new version, so the writer's form,
    // opened before, still says breaking until then.
    const opened = (await getStoryForEdit(id))!;
    const stale = fieldsFrom(opened, { breaking: true, breakingUntil: past.toISOString() as unknown as Date, body: "More text." });
    await db.article.update({ where: { id }, data: { breaking: false, breakingUntil: null } });
    await saveStory({ id, baseVersion: opened.version, fields: stale, mode: "manual" });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { breaking: true, breakingUntil: true, body: true } })).toEqual({ breaking: false, breakingUntil: null, body: "More text." });
    // Turning it on for real is still an editor's call.
    const now = (await getStoryForEdit(id))!;
    await expect(saveStory({ id, baseVersion: now.version, fields: fieldsFrom(now, { breaking: true }), mode: "manual" })).rejects.toMatchObject({ name: "ForbiddenError" });
  });

  it("refuses a save that started from an older version, naming who saved and when; nothing is overwritten", async () => {
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Library Hours" });
    const story = (await getStoryForEdit(id))!;
    const first = await saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { body: "Mine first." }), mode: "autosave" });
    expect(first.version).toBe(2);
    session.userId = ids.editor;
    const error = await saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { body: "Stale copy." }), mode: "autosave" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConflictError", details: { currentVersion: 2, savedBy: "wren" } });
    expect((error as Error).message).toMatch(/^wren saved this story at \d\d:\d\d UTC/);
    const { db } = database();
    expect((await db.article.findUniqueOrThrow({ where: { id } })).body).toBe("Mine first.");
    // Autosaves keep no revision; manual saves do.
    expect((await listRevisions(id))!.revisions.map((r) => r.reason)).toEqual(["Created"]);
    await saveStory({ id, baseVersion: 2, fields: fieldsFrom(story, { body: "Editor's fix." }), mode: "manual" });
    expect((await listRevisions(id))!.revisions.map((r) => r.reason)).toEqual(["Saved", "Created"]);
  });

  it("only editors publish; publishing needs a byline and alt text, and refreshes reader pages", async () => {
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Storm Nears Coast" });
    let story = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { body: "Winds rise.", tags: ["Weather", "Coast"] }), mode: "manual" });
    await expect(transitionStory({ id, baseVersion: saved.version, to: "PUBLISHED" })).rejects.toMatchObject({ name: "ForbiddenError" });
    const submitted = await transitionStory({ id, baseVersion: saved.version, to: "IN_REVIEW" });
    expect(submitted.status).toBe("IN_REVIEW");
    // In review, the writer can no longer edit.
    story = (await getStoryForEdit(id))!;
    expect(story.canEdit).toBe(false);

    session.userId = ids.editor;
    const { db } = database();
    const media = await db.media.create({ data: { storageKey: "k1", originalName: "a.jpg", mimeType: "image/jpeg", width: 10, height: 10, bytes: 10 } });
    story = (await getStoryForEdit(id))!;
    const withHero = await saveStory({ id, baseVersion: story.version, fields: fieldsFrom(story, { heroMediaId: media.id }), mode: "manual" });
    const refused = await transitionStory({ id, baseVersion: withHero.version, to: "PUBLISHED" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ValidationError", fieldErrors: { heroMediaId: [expect.stringContaining("alt text")] } });
    await db.media.update({ where: { id: media.id }, data: { alt: "Waves over the sea wall" } });
    revalidatedTags.length = 0;
    const published = await transitionStory({ id, baseVersion: withHero.version, to: "PUBLISHED" });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(revalidatedTags.map((r) => r.tag)).toEqual(expect.arrayContaining(["front", "article:storm-nears-coast", "tag:weather", "byline:wren"]));
    expect((await listRevisions(id))!.revisions[0]!.reason).toBe("Published");
  });

  it("a published story's slug change keeps the old address as a redirect; substantive updates move the Updated time", async () => {
    session.userId = ids.editor;
    const { db } = database();
    const article = await db.article.findFirstOrThrow({ where: { slug: "storm-nears-coast" } });
    let story = (await getStoryForEdit(article.id))!;
    const typo = await saveStory({ id: article.id, baseVersion: story.version, fields: fieldsFrom(story, { body: "Winds rise fast." }), mode: "manual", substantive: false });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).substantiveUpdatedAt).toBeNull();
    story = (await getStoryForEdit(article.id))!;
    revalidatedTags.length = 0;
    await saveStory({ id: article.id, baseVersion: typo.version, fields: fieldsFrom(story, { slug: "storm-hits-coast" }), mode: "manual", substantive: true });
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.slug).toBe("storm-hits-coast");
    expect(after.substantiveUpdatedAt).toBeInstanceOf(Date);
    expect(await db.slugRedirect.findUnique({ where: { fromSlug: "storm-nears-coast" } })).toMatchObject({ articleId: article.id });
    expect(revalidatedTags.map((r) => r.tag)).toEqual(expect.arrayContaining(["article:storm-hits-coast", "article:storm-nears-coast"]));

    // Another story cannot take a slug in use (or an old slug that redirects).
    const { id: other } = await createStory({ headline: "Other Story" });
    const otherStory = (await getStoryForEdit(other))!;
    await expect(saveStory({ id: other, baseVersion: 1, fields: fieldsFrom(otherStory, { slug: "storm-nears-coast" }), mode: "manual" })).rejects.toMatchObject({ fieldErrors: { slug: [expect.any(String)] } });

    // A correction marked as a typo fix does not move the Updated time; a substantive one does.
    const before = after.substantiveUpdatedAt!;
    revalidatedTags.length = 0;
    await addCorrection({ id: article.id, kind: "CORRECTION", body: "Fixed a misspelt name.", substantive: false }, new Date(before.getTime() + 60_000));
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).substantiveUpdatedAt).toEqual(before);
    // The public corrections page and feed list every note.
    expect(revalidatedTags.map((r) => r.tag)).toContain("corrections");
    const later = new Date(before.getTime() + 120_000);
    await addCorrection({ id: article.id, kind: "UPDATE", body: "Evacuations ordered.", substantive: true }, later);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).substantiveUpdatedAt).toEqual(later);
    expect(await db.correction.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("stores the type of work and the dateline the editor sets, and keeps them when a save leaves them out", async () => {
    const { db } = database();
    session.userId = ids.editor;
    const { id } = await createStory({ headline: "Why the Bridge Matters" });
    const story = (await getStoryForEdit(id))!;
    expect(story.fields).toMatchObject({ workType: "NEWS", dateline: null });
    const saved = await saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { workType: "OPINION", dateline: " WASHINGTON " }), mode: "manual" });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { workType: true, dateline: true } })).toEqual({ workType: "OPINION", dateline: "WASHINGTON" });
    const { workType: _workType, dateline: _dateline, ...older } = fieldsFrom((await getStoryForEdit(id))!, { body: "Words." });
    await saveStory({ id, baseVersion: saved.version, fields: older, mode: "manual" });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { workType: true, dateline: true } })).toEqual({ workType: "OPINION", dateline: "WASHINGTON" });
    expect(storyFieldsSchema.safeParse({ ...older, workType: "PROPAGANDA" }).success).toBe(false);
    expect(storyFieldsSchema.safeParse({ ...older, dateline: "LINE ONE\nLINE TWO" }).success).toBe(false);
  });

  it("restores an old revision as a new one, and diffs any two", async () => {
    session.userId = ids.editor;
    const { id } = await createStory({ headline: "Bridge Repairs" });
    const story = (await getStoryForEdit(id))!;
    const v2 = await saveStory({ id, baseVersion: 1, fields: fieldsFrom(story, { body: "Crews arrive Monday." }), mode: "manual" });
    const v3 = await saveStory({ id, baseVersion: v2.version, fields: fieldsFrom(story, { body: "Crews arrive Tuesday.", headline: "Bridge Repairs Delayed" }), mode: "manual" });
    const history = (await listRevisions(id))!.revisions;
    const [latest, middle] = history;
    const diff = (await compareRevisions(id, middle!.id, latest!.id))!;
    expect(diff.fields).toEqual(expect.arrayContaining([{ field: "Headline", before: "Bridge Repairs", after: "Bridge Repairs Delayed" }]));
    expect(diff.body[0]).toMatchObject({ kind: "changed" });
    await expect(restoreRevision({ id, revisionId: middle!.id, baseVersion: v2.version })).rejects.toMatchObject({ name: "ConflictError" });
    const restored = await restoreRevision({ id, revisionId: middle!.id, baseVersion: v3.version });
    const { db } = database();
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ body: "Crews arrive Monday.", headline: "Bridge Repairs", version: restored.version });
    expect((await listRevisions(id))!.revisions).toHaveLength(4);

    session.userId = ids.writer;
    await expect(restoreRevision({ id, revisionId: middle!.id, baseVersion: restored.version })).rejects.toMatchObject({ name: "ForbiddenError" });
  });

  it("applies a scheduled update only when the story was not edited since", async () => {
    session.userId = ids.editor;
    const { db } = database();
    const article = await db.article.findFirstOrThrow({ where: { slug: "storm-hits-coast" } });
    let story = (await getStoryForEdit(article.id))!;
    const runAt = new Date(Date.now() + 60_000);
    await scheduleUpdate({ id: article.id, baseVersion: story.version, fields: fieldsFrom(story, { body: "Evening update: winds ease." }), runAt, substantive: true });
    expect(await applyDueUpdates(new Date())).toEqual([]);
    const changes = await applyDueUpdates(new Date(runAt.getTime() + 1));
    expect(changes.map((c) => c.slug)).toEqual(["storm-hits-coast"]);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Evening update: winds ease.");

    story = (await getStoryForEdit(article.id))!;
    await scheduleUpdate({ id: article.id, baseVersion: story.version, fields: fieldsFrom(story, { body: "Stale scheduled text." }), runAt, substantive: false });
    await saveStory({ id: article.id, baseVersion: story.version, fields: fieldsFrom(story, { body: "Live fix after scheduling." }), mode: "manual" });
    expect(await applyDueUpdates(new Date(runAt.getTime() + 1))).toEqual([]);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).body).toBe("Live fix after scheduling.");
    expect((await db.scheduledUpdate.findFirstOrThrow({ where: { failure: { not: null } } })).failure).toMatch(/edited after/);

    session.userId = ids.writer;
    await expect(scheduleUpdate({ id: article.id, baseVersion: 1, fields: fieldsFrom(story), runAt, substantive: true })).rejects.toMatchObject({ name: "ForbiddenError" });
  });

  it("imports a raw story through the seed's parser, and refuses text it cannot read", async () => {
    session.userId = ids.writer;
    const raw = "BREAKINGON\n\nPort Reopens After Storm\n\n8/10/2025\n\nShips returned on Sunday.\n\nThe port reopened at dawn after three days.\n\nWhat Comes Next\n\nOfficials expect full traffic by Friday.\n";
    const { id } = await importStory(raw);
    const story = (await getStoryForEdit(id))!;
    expect(story.fields.headline).toBe("Port Reopens After Storm");
    expect(story.fields.body).toContain("The port reopened at dawn");
    await expect(importStory("   ")).rejects.toMatchObject({ name: "ValidationError", fieldErrors: { raw: [expect.any(String)] } });
  });

  it("imports through the same schema as a save: refuses what the editor could not save, changes nothing", async () => {
    session.userId = ids.writer;
    const { db } = database();
    const count = await db.article.count();
    const tooLong = `BREAKINGON\n\n${"Long ".repeat(80)}\n\n8/10/2025\n\nA standfirst.\n\nText.\n`;
    await expect(importStory(tooLong)).rejects.toMatchObject({ name: "ValidationError", fieldErrors: { raw: [expect.stringMatching(/headline under 300/)] } });
    expect(await db.article.count()).toBe(count);
    // The parser escapes Markdown, so pasted quotes never nest.
    const { id } = await importStory(`BREAKINGON\n\nDeep Quotes\n\n8/10/2025\n\nA standfirst.\n\n${">".repeat(5000)} quoted\n`);
    expect(markdownNestingDepth((await getStoryForEdit(id))!.fields.body)).toBe(0);
  });

  it("tells each editor who else has the story open", async () => {
    const { db } = database();
    const article = await db.article.findFirstOrThrow({ where: { createdById: ids.writer, status: "DRAFT" } });
    session.userId = ids.writer;
    expect(await heartbeat(article.id)).toEqual([]);
    session.userId = ids.editor;
    expect((await heartbeat(article.id))!.map((p) => p.name)).toEqual(["wren"]);
    session.userId = ids.otherWriter;
    expect(await heartbeat(article.id)).toBeNull();
    session.userId = null;
    await expect(heartbeat(article.id)).rejects.toMatchObject({ name: "UnauthorizedError" });
    await expect(saveStory({ id: article.id, baseVersion: 1, fields: storyFieldsSchema.parse({ headline: "x", standfirst: "", body: "", slug: "" }), mode: "manual" })).rejects.toMatchObject({ name: "UnauthorizedError" });
    const anonymous = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: null }, select: { ip: true, details: true } });
    expect(anonymous).toHaveLength(2);
    expect(anonymous[0]).toMatchObject({ ip: "203.0.113.9", details: { reason: "not signed in" } });
  });
});
