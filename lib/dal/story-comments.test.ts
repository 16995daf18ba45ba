import { beforeAll, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { createStory, getStoryForEdit, saveStory } = await import("./stories");
const { transitionStory } = await import("./workflow");
const { listRevisions, compareRevisions } = await import("./revisions");
const { loadFeed } = await import("./feeds");
const { searchArticles } = await import("./search");
const { loadArticlePage } = await import("./articles");
const { addNote, deleteNote, editNote, listStoryComments, noteEventsFor, openNotesFor, setNoteResolved } = await import("./story-comments");

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

describeEachEngine("story notes: newsroom only, with the story's permissions", (database) => {
  const ids = { editor: "", writer: "", other: "", disabled: "", byline: "" };

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: "BreakingOn", feedFullContent: true }, update: { feedFullContent: true } });
    const user = async (name: string, role: "EDITOR" | "WRITER", disabled = false) => (await db.user.create({ data: { email: `${name}@news.test`, name, role, passwordHash: "x", disabled }, select: { id: true } })).id;
    ids.editor = await user("Ana", "EDITOR");
    ids.writer = await user("Wren", "WRITER");
    ids.other = await user("Olly", "WRITER");
    ids.disabled = await user("Dee", "EDITOR", true);
    ids.byline = (await db.byline.create({ data: { slug: "wren", name: "Wren", userId: ids.writer }, select: { id: true } })).id;
  });

  async function writersDraft(headline: string) {
    session.userId = ids.writer;
    const { id } = await createStory({ headline, body: "First paragraph about the harbour.\n\nSecond paragraph about ferries." });
    return id;
  }

  it("the writer and editors read and add notes; another writer and a disabled editor cannot, and nothing is stored", async () => {
    const id = await writersDraft("Harbour Works");
    session.userId = ids.editor;
    const { id: noteId } = await addNote({ articleId: id, body: "Check the ferry times.", anchorIndex: 1, anchorText: "Second paragraph about ferries." });
    session.userId = ids.writer;
    const notes = await listStoryComments(id);
    expect(notes).toMatchObject([{ id: noteId, body: "Check the ferry times.", authorName: "Ana", anchorIndex: 1, anchorText: "Second paragraph about ferries.", canEdit: false, canResolve: true, replies: [] }]);

    const { db } = database();
    const before = await db.storyComment.count();
    session.userId = ids.other;
    await expect(listStoryComments(id)).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(addNote({ articleId: id, body: "Sneaky." })).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(addNote({ articleId: id, body: "Sneaky.", parentId: noteId })).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(setNoteResolved({ id: noteId, resolved: true })).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(deleteNote({ id: noteId })).rejects.toMatchObject({ name: "NotFoundError" });
    session.userId = ids.disabled;
    await expect(addNote({ articleId: id, body: "From a disabled account." })).rejects.toMatchObject({ name: "UnauthorizedError" });
    await expect(listStoryComments(id)).rejects.toMatchObject({ name: "UnauthorizedError" });
    session.userId = null;
    await expect(listStoryComments(id)).rejects.toMatchObject({ name: "UnauthorizedError" });
    expect(await db.storyComment.count()).toBe(before);
    expect((await db.storyComment.findUniqueOrThrow({ where: { id: noteId } })).resolvedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "story.note.add", entityId: id } })).toBe(1);
  });

  it("replies stay one level deep; only the author edits or deletes; resolve and reopen are recorded", async () => {
    const id = await writersDraft("Night Buses");
    session.userId = ids.editor;
    const { id: noteId } = await addNote({ articleId: id, body: "Source for the timetable?" });
    session.userId = ids.writer;
    const { id: replyId } = await addNote({ articleId: id, body: "The council's PDF.", parentId: noteId });
    session.userId = ids.editor;
    await addNote({ articleId: id, body: "Thanks.", parentId: replyId });
    let [note] = await listStoryComments(id);
    expect(note!.replies.map((r) => [r.authorName, r.body])).toEqual([
      ["Wren", "The council's PDF."],
      ["Ana", "Thanks."],
    ]);

    // Only the author may change or delete a note; a refusal is audited and changes nothing.
    session.userId = ids.writer;
    await expect(editNote({ id: noteId, body: "Rewritten by someone else." })).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(deleteNote({ id: noteId })).rejects.toMatchObject({ name: "ForbiddenError" });
    const { db } = database();
    expect((await db.storyComment.findUniqueOrThrow({ where: { id: noteId } })).body).toBe("Source for the timetable?");
    expect(await db.auditLog.count({ where: { action: "permission.denied", entityId: noteId } })).toBe(2);
    await editNote({ id: replyId, body: "The council's timetable PDF." });

    // The writer may resolve notes on their own draft; editors resolve any.
    await setNoteResolved({ id: noteId, resolved: true });
    [note] = await listStoryComments(id);
    expect(note).toMatchObject({ resolvedByName: "Wren", resolvedAt: expect.any(Date) });
    expect((await openNotesFor([id])).get(id)).toBeUndefined();
    session.userId = ids.editor;
    await setNoteResolved({ id: noteId, resolved: false });
    expect((await openNotesFor([id])).get(id)).toMatchObject({ open: 1, latest: { body: "Source for the timetable?", authorName: "Ana" } });
    await setNoteResolved({ id: noteId, resolved: true });
    const actions = (await db.auditLog.findMany({ where: { entityId: id, action: { startsWith: "story.note." } }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["story.note.add", "story.note.reply", "story.note.reply", "story.note.edit", "story.note.resolve", "story.note.reopen", "story.note.resolve"]);

    // The history lists each note, reply and resolution.
    const events = await noteEventsFor(id);
    expect(events.map((e) => `${e.kind}:${e.who}`)).toEqual(["note:Ana", "reply:Wren", "reply:Ana", "resolved:Ana"]);

    // Deleting one's own note takes its replies with it.
    await deleteNote({ id: noteId });
    expect(await listStoryComments(id)).toEqual([]);
    expect(await db.storyComment.count({ where: { articleId: id } })).toBe(0);
  });

  it("a writer cannot resolve notes once the story left their hands (in review), but can still reply", async () => {
    const id = await writersDraft("Tram Line");
    session.userId = ids.editor;
    const { id: noteId } = await addNote({ articleId: id, body: "Tighten the top." });
    session.userId = ids.writer;
    const story = (await getStoryForEdit(id))!;
    await transitionStory({ id, baseVersion: story.version, to: "IN_REVIEW" });
    expect((await listStoryComments(id))[0]!.canResolve).toBe(false);
    await expect(setNoteResolved({ id: noteId, resolved: true })).rejects.toMatchObject({ name: "ForbiddenError" });
    await addNote({ articleId: id, body: "Done.", parentId: noteId });
    const { db } = database();
    expect((await db.storyComment.findUniqueOrThrow({ where: { id: noteId } })).resolvedAt).toBeNull();
  });

  it("refuses bad input with a message and stores nothing", async () => {
    const id = await writersDraft("Empty Notes");
    const { db } = database();
    const before = await db.storyComment.count();
    await expect(addNote({ articleId: id, body: "x", anchorIndex: 0, anchorText: "" })).rejects.toMatchObject({ name: "ValidationError" });
    await expect(addNote({ articleId: "no-such-story", body: "x" })).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await db.storyComment.count()).toBe(before);
  });

  it("never reaches readers: not in the article page, feeds, search or revisions' text", async () => {
    const id = await writersDraft("Lighthouse Keeper Retires");
    session.userId = ids.editor;
    const secret = "Zanzibarquokka";
    await addNote({ articleId: id, body: `${secret} is our source, keep it quiet.`, anchorIndex: 0, anchorText: "First paragraph about the harbour." });
    const story = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { bylineIds: [ids.byline] }), mode: "manual" });
    await transitionStory({ id, baseVersion: saved.version, to: "PUBLISHED" });
    await addNote({ articleId: id, body: `After publishing: ${secret}.` });

    const page = await loadArticlePage({ id });
    expect(page).not.toBeNull();
    expect(JSON.stringify(page)).toContain("First paragraph about the harbour.");
    expect(JSON.stringify(page)).not.toContain(secret);
    const feed = await loadFeed({ kind: "site" });
    expect(feed?.entries.map((e) => e.slug)).toContain("lighthouse-keeper-retires");
    expect(JSON.stringify(feed)).not.toContain(secret);
    expect((await searchArticles(secret)).results).toEqual([]);
    expect((await searchArticles("lighthouse")).results.length).toBeGreaterThan(0);
    const revisions = (await listRevisions(id))!;
    expect(JSON.stringify(revisions)).not.toContain(secret);
    const [a, b] = revisions.revisions;
    expect(JSON.stringify(await compareRevisions(id, b!.id, a!.id))).not.toContain(secret);
  });
});
