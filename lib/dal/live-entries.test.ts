import { beforeAll, describe, expect, it, vi } from "vitest";
import { describeEachEngine } from "@/lib/testing/databases";
import { declaredTags, revalidatedTags } from "@/lib/testing/next-cache-stub";
import { liveEntryFieldsSchema, postLiveEntrySchema, type LiveEntryFields } from "@/lib/validation/live";
import { MAX_NESTING_DEPTH } from "@/lib/content/markdown-limits";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { postLiveEntry, updateLiveEntry, deleteLiveEntry, addLiveEntryCorrection, changeCoverage, getLiveCoverage, getLiveUpdates, getLiveDesk, ENDED_MESSAGE } = await import("./live-entries");

const entry = (changes: Partial<LiveEntryFields> = {}): LiveEntryFields => liveEntryFieldsSchema.parse({ title: "Update", body: "Words from the scene.", ...changes });

describe("live entry validation", () => {
  it("applies the story body's nesting limit and needs a title or text", () => {
    const deep = `${">".repeat(MAX_NESTING_DEPTH + 1)} too deep`;
    expect(liveEntryFieldsSchema.safeParse({ title: "x", body: deep }).success).toBe(false);
    expect(liveEntryFieldsSchema.safeParse({ title: "", body: "   " }).success).toBe(false);
    expect(liveEntryFieldsSchema.safeParse({ title: "x".repeat(201), body: "ok" }).success).toBe(false);
    expect(liveEntryFieldsSchema.safeParse({ title: "", body: "x".repeat(50_001) }).success).toBe(false);
    expect(postLiveEntrySchema.safeParse({ articleId: "a", fields: { title: "Only a title", body: "" } }).success).toBe(true);
  });
});

describeEachEngine("live coverage entries", (database) => {
  const ids = { editor: "", writer: "", outsider: "", writerByline: "", editorByline: "", story: "", draft: "" };

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.create({ data: { id: 1, name: "The Example" } });
    const make = (email: string, role: "EDITOR" | "WRITER") => db.user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "x" }, select: { id: true } });
    ids.editor = (await make("eddie@news.test", "EDITOR")).id;
    ids.writer = (await make("wren@news.test", "WRITER")).id;
    ids.outsider = (await make("otto@news.test", "WRITER")).id;
    ids.writerByline = (await db.byline.create({ data: { slug: "wren", name: "Wren", userId: ids.writer }, select: { id: true } })).id;
    ids.editorByline = (await db.byline.create({ data: { slug: "eddie", name: "Eddie", userId: ids.editor }, select: { id: true } })).id;
    await db.byline.create({ data: { slug: "otto", name: "Otto", userId: ids.outsider } });
    ids.story = (
      await db.article.create({
        data: { slug: "storm-live", headline: "Storm live", body: "Intro.", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), createdById: ids.editor, bylines: { create: [{ bylineId: ids.writerByline, position: 0 }] } },
        select: { id: true },
      })
    ).id;
    ids.draft = (await db.article.create({ data: { slug: "plain-draft", headline: "Plain", createdById: ids.writer, bylines: { create: [{ bylineId: ids.writerByline, position: 0 }] } }, select: { id: true } })).id;
  });

  it("posting needs a live coverage; editors mark it, writers may not start or end it", async () => {
    session.userId = ids.editor;
    await expect(postLiveEntry({ articleId: ids.story, fields: entry() })).rejects.toMatchObject({ name: "ValidationError" });
    session.userId = ids.writer;
    await expect(changeCoverage({ articleId: ids.story, step: "enable" })).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(changeCoverage({ articleId: ids.story, step: "start" })).rejects.toMatchObject({ name: "ForbiddenError" });
    session.userId = ids.editor;
    const versionBefore = (await database().db.article.findUniqueOrThrow({ where: { id: ids.story } })).version;
    revalidatedTags.length = 0;
    await changeCoverage({ articleId: ids.story, step: "enable" });
    await changeCoverage({ articleId: ids.story, step: "start" });
    const row = await database().db.article.findUniqueOrThrow({ where: { id: ids.story } });
    expect(row).toMatchObject({ liveCoverage: true, coverageEndedAt: null, version: versionBefore });
    expect(row.coverageStartedAt).toBeInstanceOf(Date);
    expect(revalidatedTags.map((t) => t.tag)).toEqual(expect.arrayContaining([`story:${ids.story}`, `live:${ids.story}`]));
    expect(await database().db.auditLog.count({ where: { action: "article.coverage.start", entityId: ids.story } })).toBe(1);
  });

  it("a bylined writer and an editor post; a writer not on the coverage is refused and logged", async () => {
    const { db } = database();
    session.userId = ids.writer;
    revalidatedTags.length = 0;
    const first = await postLiveEntry({ articleId: ids.story, fields: entry({ title: "Winds rise", keyEvent: true }) }, new Date(Date.now() - 30_000));
    expect(revalidatedTags.map((t) => t.tag)).toEqual([`live:${ids.story}`]);
    session.userId = ids.editor;
    const second = await postLiveEntry({ articleId: ids.story, fields: entry({ title: "Roads closed", pinned: true }) }, new Date(Date.now() - 20_000));
    session.userId = ids.outsider;
    await expect(postLiveEntry({ articleId: ids.story, fields: entry({ title: "Not mine" }) })).rejects.toMatchObject({ name: "ForbiddenError" });
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: ids.outsider, entityId: ids.story } })).toBe(1);
    expect(await db.liveEntry.count({ where: { title: "Not mine" } })).toBe(0);

    const stored = await db.liveEntry.findUniqueOrThrow({ where: { id: first.id }, select: { createdById: true, bylines: { select: { bylineId: true } }, revisions: { select: { action: true, version: true } } } });
    expect(stored).toMatchObject({ createdById: ids.writer, bylines: [{ bylineId: ids.writerByline }], revisions: [{ action: "posted", version: 1 }] });
    expect(await db.auditLog.count({ where: { action: "live.entry.post", entityId: second.id, actorId: ids.editor } })).toBe(1);

    declaredTags.length = 0;
    const coverage = await getLiveCoverage(ids.story);
    expect(declaredTags).toEqual(expect.arrayContaining([`live:${ids.story}`, `story:${ids.story}`]));
    expect(coverage.entries.map((e) => e.title)).toEqual(["Roads closed", "Winds rise"]);
    expect(coverage.entries[0]).toMatchObject({ pinned: true, bylines: [{ slug: "eddie", name: "Eddie" }] });
    expect(coverage.entries[1]).toMatchObject({ keyEvent: true, bylines: [{ slug: "wren", name: "Wren" }] });
    expect(coverage.entries[1].html).toContain("<p>Words from the scene.</p>");
    const updates = await getLiveUpdates(ids.story);
    expect(updates).toMatchObject({ open: true, endedAt: null, latest: [{ id: second.id }, { id: first.id }] });
    expect(updates!.stamp).toBe(coverage.stamp);
  });

  it("pinning one entry unpins the others", async () => {
    session.userId = ids.editor;
    const pinned = await postLiveEntry({ articleId: ids.story, fields: entry({ title: "New pin", pinned: true }) }, new Date(Date.now() - 10_000));
    const coverage = await getLiveCoverage(ids.story);
    expect(coverage.entries.filter((e) => e.pinned).map((e) => e.id)).toEqual([pinned.id]);
  });

  it("edits show as updated with a revision; a stale version is a conflict; writers change only their own entries", async () => {
    const { db } = database();
    const mine = await db.liveEntry.findFirstOrThrow({ where: { title: "Winds rise" } });
    const theirs = await db.liveEntry.findFirstOrThrow({ where: { title: "Roads closed" } });
    session.userId = ids.writer;
    const { version } = await updateLiveEntry({ entryId: mine.id, baseVersion: mine.version, fields: entry({ title: "Winds rise to 90 km/h", keyEvent: true }) });
    expect(version).toBe(2);
    await expect(updateLiveEntry({ entryId: mine.id, baseVersion: 1, fields: entry({ title: "Stale" }) })).rejects.toMatchObject({ name: "ConflictError" });
    await expect(updateLiveEntry({ entryId: theirs.id, baseVersion: theirs.version, fields: entry({ title: "Hijack" }) })).rejects.toMatchObject({ name: "ForbiddenError" });
    await expect(deleteLiveEntry({ entryId: theirs.id, baseVersion: theirs.version })).rejects.toMatchObject({ name: "ForbiddenError" });
    const edited = (await getLiveCoverage(ids.story)).entries.find((e) => e.id === mine.id)!;
    expect(edited.title).toBe("Winds rise to 90 km/h");
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect((await db.liveEntryRevision.findMany({ where: { entryId: mine.id }, orderBy: { version: "asc" } })).map((r) => [r.version, r.action])).toEqual([
      [1, "posted"],
      [2, "edited"],
    ]);
  });

  it("a deleted entry leaves the page and the endpoint, and keeps its record", async () => {
    const { db } = database();
    const doomed = await db.liveEntry.findFirstOrThrow({ where: { title: "New pin" } });
    session.userId = ids.editor;
    await deleteLiveEntry({ entryId: doomed.id, baseVersion: doomed.version });
    expect((await getLiveCoverage(ids.story)).entries.map((e) => e.id)).not.toContain(doomed.id);
    expect((await getLiveUpdates(ids.story))!.latest.map((e) => e.id)).not.toContain(doomed.id);
    expect(await db.liveEntryRevision.count({ where: { entryId: doomed.id, action: "deleted" } })).toBe(1);
    await expect(updateLiveEntry({ entryId: doomed.id, baseVersion: doomed.version + 1, fields: entry() })).rejects.toMatchObject({ name: "NotFoundError" });
  });

  it("a correction on an entry shows on it and on the corrections list; writers cannot add one", async () => {
    const { db } = database();
    const target = await db.liveEntry.findFirstOrThrow({ where: { title: "Roads closed" } });
    session.userId = ids.writer;
    await expect(addLiveEntryCorrection({ entryId: target.id, kind: "CORRECTION", body: "No." })).rejects.toMatchObject({ name: "ForbiddenError" });
    session.userId = ids.editor;
    revalidatedTags.length = 0;
    await addLiveEntryCorrection({ entryId: target.id, kind: "CORRECTION", body: "Only two roads were closed." });
    expect(revalidatedTags.map((t) => t.tag)).toEqual(expect.arrayContaining(["corrections", `live:${ids.story}`]));
    const shown = (await getLiveCoverage(ids.story)).entries.find((e) => e.id === target.id)!;
    expect(shown.corrections).toMatchObject([{ kind: "CORRECTION", body: "Only two roads were closed." }]);
    expect(await db.correction.count({ where: { liveEntryId: target.id } })).toBe(1);
  });

  it("the desk: writers see coverage they are bylined on; outsiders do not", async () => {
    session.userId = ids.writer;
    const desk = (await getLiveDesk(ids.story))!;
    expect(desk).toMatchObject({ liveCoverage: true, canOpenEditor: false, ownBylineId: ids.writerByline, can: { post: true, manage: false, correct: false } });
    expect(desk.entries.find((e) => e.title === "Roads closed")!.canEdit).toBe(false);
    expect(desk.entries.find((e) => e.title.startsWith("Winds"))!.canEdit).toBe(true);
    session.userId = ids.outsider;
    expect(await getLiveDesk(ids.story)).toBeNull();
  });

  it("an ended coverage refuses new entries with a clear message, and can be reopened", async () => {
    session.userId = ids.editor;
    await changeCoverage({ articleId: ids.story, step: "end" });
    await expect(changeCoverage({ articleId: ids.story, step: "end" })).rejects.toMatchObject({ name: "ValidationError" });
    await expect(postLiveEntry({ articleId: ids.story, fields: entry({ title: "Too late" }) })).rejects.toMatchObject({ name: "ValidationError", message: ENDED_MESSAGE });
    session.userId = ids.writer;
    await expect(postLiveEntry({ articleId: ids.story, fields: entry({ title: "Too late" }) })).rejects.toMatchObject({ message: ENDED_MESSAGE });
    expect(await getLiveUpdates(ids.story)).toMatchObject({ open: false });
    expect((await getLiveCoverage(ids.story)).endedAt).toBeInstanceOf(Date);
    session.userId = ids.editor;
    await changeCoverage({ articleId: ids.story, step: "reopen" });
    await postLiveEntry({ articleId: ids.story, fields: entry({ title: "Back on" }) });
    expect((await getLiveUpdates(ids.story))!.open).toBe(true);
    expect(await getLiveCoverage(ids.story)).toMatchObject({ endedAt: null, startedAt: expect.any(Date) });
  });

  it("readers get nothing for a story that is not a published live coverage", async () => {
    session.userId = ids.writer;
    await changeCoverage({ articleId: ids.draft, step: "enable" });
    await postLiveEntry({ articleId: ids.draft, fields: entry({ title: "Draft entry" }) });
    expect(await getLiveUpdates(ids.draft)).toBeNull();
    expect((await getLiveCoverage(ids.draft)).entries).toEqual([]);
    expect(await getLiveUpdates("no-such-story")).toBeNull();
  });
});
