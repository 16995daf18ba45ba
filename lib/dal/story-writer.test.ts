// Every writer of a story (the editor, workflow steps, restore, the scheduler) goes through lib/dal/story-writer.ts:
// the same validation refuses the same things with the same words, and every path records a revision and an audit
// entry and expires the same tags. Plus what rides on the one path: trash, reschedule, notes and notifications.
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { ArticleStatus } from "@/lib/db";
import { tagsForArticle } from "@/lib/cache/tags";
import { describeEachEngine } from "@/lib/testing/databases";
import { revalidatedTags } from "@/lib/testing/next-cache-stub";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";
import type { StoryEvent } from "@/lib/mail/notifications";

const session = vi.hoisted(() => ({ userId: null as string | null }));
const mail = vi.hoisted(() => ({ events: [] as unknown[], fail: false }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));
vi.mock("@/lib/mail/notifications", () => ({
  notifyStoryEvent: async (event: unknown) => {
    if (mail.fail) throw new Error("SMTP is down");
    mail.events.push(event);
  },
}));

const { createStory, getStoryForEdit, saveStory } = await import("./stories");
const { transitionStory, scheduleUpdate } = await import("./workflow");
const { restoreRevision, listRevisions } = await import("./revisions");
const { publishDueArticles, nextScheduledEvent } = await import("./scheduling");
const { transitionStoryAction } = await import("@/lib/actions/stories/transition-story");
const { rescheduleStoryAction } = await import("@/lib/actions/stories/reschedule-story");

const MINUTE = 60_000;
const events = () => mail.events as StoryEvent[];

function fieldsOf(story: NonNullable<Awaited<ReturnType<typeof getStoryForEdit>>>, changes: Partial<Record<keyof StoryFields, unknown>> = {}): StoryFields {
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

describeEachEngine("one story write path", (database) => {
  const ids = { editor: "", writer: "", byline: "", section: "" };

  beforeAll(async () => {
    const { db } = database();
    const make = (email: string, role: "EDITOR" | "WRITER") => db.user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "x" }, select: { id: true } });
    ids.editor = (await make("edna@news.test", "EDITOR")).id;
    ids.writer = (await make("will@news.test", "WRITER")).id;
    ids.byline = (await db.byline.create({ data: { slug: "will", name: "Will", userId: ids.writer }, select: { id: true } })).id;
    ids.section = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
  });

  beforeEach(() => {
    revalidatedTags.length = 0;
    mail.events.length = 0;
    mail.fail = false;
  });

  /** A story written by the writer and published by the editor, with a section and a tag. */
  async function liveStory(headline: string) {
    session.userId = ids.writer;
    const { id } = await createStory({ headline });
    const draft = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: draft.version, fields: fieldsOf(draft, { body: "The council met.", sectionId: ids.section, tags: ["Council"] }), mode: "manual" });
    session.userId = ids.editor;
    await transitionStory({ id, baseVersion: saved.version, to: "PUBLISHED" });
    return (await getStoryForEdit(id))!;
  }

  it("a scheduled update the editor's save would refuse is refused with the editor's words, and changes nothing", async () => {
    const { db } = database();
    const story = await liveStory("Bridge Reopens");
    const long = "H".repeat(301);
    // The editor's save, straight into the data layer (no action in front): refused by the one path's validation.
    const editorError = await saveStory({ id: story.id, baseVersion: story.version, fields: { ...story.fields, headline: long }, mode: "manual" }).catch((e: unknown) => e);
    expect(editorError).toMatchObject({ name: "ValidationError", fieldErrors: { headline: ["Keep the headline under 300 characters."] } });
    // The same change stored as a scheduled update (as an older release or a bad row could have): refused the same way.
    const at = new Date(Date.now() + 5 * MINUTE);
    const { id: updateId } = await scheduleUpdate({ id: story.id, baseVersion: story.version, fields: fieldsOf(story, { headline: "Fine" }), runAt: at, substantive: false });
    await db.scheduledUpdate.update({ where: { id: updateId }, data: { changes: { ...story.fields, headline: long, breakingUntil: null } } });
    const failures: string[] = [];
    expect(await publishDueArticles(new Date(at.getTime() + 1000), { onFailure: (item, reason) => failures.push(`${item}: ${reason}`) })).toEqual([]);
    expect(failures).toEqual([expect.stringContaining("Keep the headline under 300 characters.")]);
    expect(await db.scheduledUpdate.findUniqueOrThrow({ where: { id: updateId } })).toMatchObject({ appliedAt: null, attempts: 1, lastError: expect.stringContaining("Keep the headline under 300 characters.") });

    // A live story without a byline fails the publish checks: the editor is refused, and so is the scheduler.
    const noByline = fieldsOf(story, { bylineIds: [] });
    const editorRefusal = (await saveStory({ id: story.id, baseVersion: story.version, fields: noByline, mode: "manual" }).catch((e: unknown) => e)) as { message: string; fieldErrors: Record<string, string[]> };
    expect(editorRefusal).toMatchObject({ name: "ValidationError", message: "Not updated: the story would not be ready for readers." });
    await db.scheduledUpdate.update({ where: { id: updateId }, data: { changes: { ...noByline, breakingUntil: null }, retryAt: null } });
    const second: string[] = [];
    await publishDueArticles(new Date(at.getTime() + 2000), { onFailure: (_item, reason) => second.push(reason) });
    expect(second).toHaveLength(1);
    expect(second[0]).toContain(editorRefusal.message);
    for (const message of Object.values(editorRefusal.fieldErrors).flat()) expect(second[0]).toContain(message);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { headline: true, version: true } })).toEqual({ headline: "Bridge Reopens", version: story.version });
    // Told once per item (its first failure), with what failed and why.
    expect(events().filter((e) => e.kind === "schedule-failed")).toEqual([{ kind: "schedule-failed", articleId: story.id, what: "update", error: expect.stringContaining("Keep the headline") }]);
    await db.scheduledUpdate.delete({ where: { id: updateId } });
  });

  it("the editor's save and the scheduler's update of a live story each record a revision and an audit entry, and expire the same tags", async () => {
    const { db } = database();
    const story = await liveStory("Tram Line Extended");
    // The editor changes the words only.
    revalidatedTags.length = 0;
    const saved = await saveStory({ id: story.id, baseVersion: story.version, fields: fieldsOf(story, { body: "The council voted." }), mode: "manual" });
    const editorTags = new Set(revalidatedTags.map((r) => r.tag));
    // An update prepared on that version, with the words only, applied by the scheduler.
    const now = (await getStoryForEdit(story.id))!;
    const at = new Date(Date.now() + 5 * MINUTE);
    await scheduleUpdate({ id: story.id, baseVersion: saved.version, fields: fieldsOf(now, { body: "The council voted again." }), runAt: at, substantive: false });
    const changes = await publishDueArticles(new Date(at.getTime() + 1000));
    expect(changes).toHaveLength(1);
    expect(new Set(tagsForArticle(changes[0]!))).toEqual(editorTags);
    expect(editorTags).toEqual(new Set([`story:${story.id}`, "article:tram-line-extended", "sitemaps"]));

    const revisions = (await listRevisions(story.id))!.revisions.map((r) => r.reason);
    expect(revisions.slice(0, 2)).toEqual(["Scheduled update applied", "Updated the live story"]);
    const audits = (await db.auditLog.findMany({ where: { entityId: story.id }, select: { action: true } })).map((a) => a.action);
    for (const action of ["article.update.live", "article.update.scheduled", "article.update.scheduled.applied"]) expect(audits.filter((a) => a === action)).toHaveLength(1);
    // The scheduler credits the person who scheduled the update, as the editor's save credits the editor.
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { body: true, lastEditedById: true } })).toEqual({ body: "The council voted again.", lastEditedById: ids.editor });
  });

  it("a person's publish and the scheduler's publish report the same change, with a revision, an audit entry and a notification each", async () => {
    const { db } = database();
    const byHand = await liveStory("Ferry Timetable");
    const handTags = new Set(revalidatedTags.map((r) => r.tag));
    expect(events()).toEqual(expect.arrayContaining([{ kind: "published", articleId: byHand.id, actorId: ids.editor }]));
    mail.events.length = 0;

    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Ferry Timetable Two" });
    const draft = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: draft.version, fields: fieldsOf(draft, { body: "The council met.", sectionId: ids.section, tags: ["Council"] }), mode: "manual" });
    const submitted = await transitionStory({ id, baseVersion: saved.version, to: "IN_REVIEW" });
    expect(events()).toEqual([{ kind: "submitted", articleId: id, actorId: ids.writer }]);
    session.userId = ids.editor;
    const at = new Date(Date.now() + 5 * MINUTE);
    await transitionStory({ id, baseVersion: submitted.version, to: "SCHEDULED", scheduledAt: at });
    const [change] = await publishDueArticles(new Date(at.getTime() + 1000));
    const swap = (tag: string) => tag.replace(byHand.id, id).replace("ferry-timetable", "ferry-timetable-two");
    expect(new Set(tagsForArticle(change!))).toEqual(new Set([...handTags].map(swap)));
    expect((await listRevisions(id))!.revisions[0]!.reason).toBe("Published on schedule");
    expect(await db.auditLog.count({ where: { entityId: id, action: "article.publish.scheduled" } })).toBe(1);
    expect(events()).toEqual(expect.arrayContaining([{ kind: "published", articleId: id, actorId: null }]));
  });

  it("a story in the trash cannot be written by anyone, and the scheduler skips it", async () => {
    const { db } = database();
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Binned Draft" });
    const story = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: story.version, fields: fieldsOf(story, { body: "Words." }), mode: "manual" });
    const revisionId = (await listRevisions(id))!.revisions.at(-1)!.id;
    await db.article.update({ where: { id }, data: { deletedAt: new Date(), deletedById: ids.editor } });
    await expect(saveStory({ id, baseVersion: saved.version, fields: fieldsOf(story, { body: "More." }), mode: "autosave" })).rejects.toMatchObject({ name: "NotFoundError" });
    await expect(transitionStory({ id, baseVersion: saved.version, to: "IN_REVIEW" })).rejects.toMatchObject({ name: "NotFoundError" });
    session.userId = ids.editor;
    await expect(restoreRevision({ id, revisionId, baseVersion: saved.version })).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { body: true, version: true } })).toEqual({ body: "Words.", version: saved.version });

    // A scheduled story and a live story with a pending update, both in the trash: nothing happens, nothing wakes.
    const at = new Date("2031-03-01T09:00:00Z");
    const scheduled = await db.article.create({ data: { slug: "binned-scheduled", headline: "Binned", status: ArticleStatus.SCHEDULED, scheduledAt: at, deletedAt: new Date() } });
    const live = await db.article.create({ data: { slug: "binned-live", headline: "Binned live", status: ArticleStatus.PUBLISHED, publishedAt: new Date("2030-01-01T00:00:00Z") } });
    const update = await db.scheduledUpdate.create({ data: { articleId: live.id, runAt: at, baseVersion: 1, changes: { headline: "New" } } });
    await db.article.update({ where: { id: live.id }, data: { deletedAt: new Date() } });
    const later = new Date(at.getTime() + MINUTE);
    expect(await nextScheduledEvent(new Date(at.getTime() - MINUTE))).toBeNull();
    expect(await publishDueArticles(later)).toEqual([]);
    expect(await db.article.findUniqueOrThrow({ where: { id: scheduled.id }, select: { status: true, scheduleAttempts: true } })).toEqual({ status: "SCHEDULED", scheduleAttempts: 0 });
    expect(await db.scheduledUpdate.findUniqueOrThrow({ where: { id: update.id } })).toMatchObject({ appliedAt: null, failure: null, attempts: 0 });
    await db.article.deleteMany({ where: { id: { in: [scheduled.id, live.id] } } });
  });

  it("sending a story back to draft from review needs a note, which becomes an editorial note and tells the writer", async () => {
    const { db } = database();
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Budget Draft" });
    const draft = (await getStoryForEdit(id))!;
    const submitted = await transitionStory({ id, baseVersion: draft.version, to: "IN_REVIEW" });
    session.userId = ids.editor;
    mail.events.length = 0;

    // Through the action: no note is a clear field message, and nothing changes.
    const refused = await transitionStoryAction({ id, baseVersion: submitted.version, to: "DRAFT" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/note to the writer/)] } });
    const tooLong = await transitionStoryAction({ id, baseVersion: submitted.version, to: "DRAFT", note: "x".repeat(2001) });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { note: ["Keep the note under 2,000 characters."] } });
    expect(await transitionStoryAction({ id, baseVersion: submitted.version, to: "DRAFT", note: "   " })).toMatchObject({ ok: false, fieldErrors: { note: [expect.any(String)] } });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } })).toEqual({ status: "IN_REVIEW", version: submitted.version });
    expect(await db.storyComment.count({ where: { articleId: id } })).toBe(0);
    expect(events()).toEqual([]);

    // An email problem never fails the step.
    mail.fail = true;
    const sent = await transitionStoryAction({ id, baseVersion: submitted.version, to: "DRAFT", note: "  Needs a second source for the figures.  " });
    expect(sent).toMatchObject({ ok: true, data: { status: "DRAFT" } });
    expect(await db.storyComment.findMany({ where: { articleId: id }, select: { body: true, authorId: true } })).toEqual([{ body: "Needs a second source for the figures.", authorId: ids.editor }]);
    const revision = await db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
    expect(revision.reason).toBe("Moved back to draft");
    expect(`${revision.headline} ${revision.body} ${JSON.stringify(revision.snapshot)}`).not.toContain("second source");
    mail.fail = false;

    // The writer is told, with the note.
    const again = await transitionStory({ id, baseVersion: (await getStoryForEdit(id))!.version, to: "IN_REVIEW" });
    mail.events.length = 0;
    await transitionStory({ id, baseVersion: again.version, to: "DRAFT", note: "Shorter, please." });
    expect(events()).toEqual([{ kind: "sent-back", articleId: id, actorId: ids.editor, note: "Shorter, please." }]);
    // The writer withdrawing their own story needs no note (only going back from review or the schedule does).
  });

  it("a scheduled story is rescheduled or unscheduled (back to review) without going back to draft", async () => {
    const { db } = database();
    session.userId = ids.writer;
    const { id } = await createStory({ headline: "Parade Route" });
    const draft = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: draft.version, fields: fieldsOf(draft, { body: "Floats at noon." }), mode: "manual" });
    session.userId = ids.editor;
    const first = new Date(Date.now() + 60 * MINUTE);
    const scheduled = await transitionStory({ id, baseVersion: saved.version, to: "SCHEDULED", scheduledAt: first });

    // Writers cannot; stale versions conflict; past times are refused; nothing changes.
    session.userId = ids.writer;
    expect(await rescheduleStoryAction({ id, baseVersion: scheduled.version, scheduledAt: null })).toMatchObject({ ok: false });
    session.userId = ids.editor;
    expect(await rescheduleStoryAction({ id, baseVersion: scheduled.version, scheduledAt: new Date(Date.now() - MINUTE * 10).toISOString() })).toMatchObject({ ok: false, fieldErrors: { scheduledAt: ["Choose a time in the future."] } });
    expect(await rescheduleStoryAction({ id, baseVersion: scheduled.version - 1, scheduledAt: null })).toMatchObject({ ok: false, conflict: { currentVersion: scheduled.version } });
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, scheduledAt: true } })).toEqual({ status: "SCHEDULED", scheduledAt: first });

    const second = new Date(Date.now() + 120 * MINUTE);
    const moved = await rescheduleStoryAction({ id, baseVersion: scheduled.version, scheduledAt: second.toISOString() });
    expect(moved).toEqual({ ok: true, message: "Rescheduled.", data: { version: scheduled.version + 1, status: "SCHEDULED", scheduledAt: second.toISOString() } });
    const off = await rescheduleStoryAction({ id, baseVersion: scheduled.version + 1, scheduledAt: null });
    expect(off).toMatchObject({ ok: true, data: { version: scheduled.version + 2, status: "IN_REVIEW", scheduledAt: null } });
    expect((await listRevisions(id))!.revisions.slice(0, 2).map((r) => r.reason)).toEqual(["Unscheduled (back in review)", `Rescheduled for ${second.toISOString()}`]);
    const audits = await db.auditLog.findMany({ where: { entityId: id, action: { startsWith: "article.schedule." } }, select: { action: true, actorId: true } });
    expect(audits).toHaveLength(2);
    expect(audits).toEqual(expect.arrayContaining([
      { action: "article.schedule.changed", actorId: ids.editor },
      { action: "article.schedule.cancelled", actorId: ids.editor },
    ]));
    // Not scheduled any more: a second unschedule is refused with a clear message.
    expect(await rescheduleStoryAction({ id, baseVersion: scheduled.version + 2, scheduledAt: null })).toMatchObject({ ok: false, message: "Only a scheduled story can be rescheduled or unscheduled." });
    // And from review the story can be sent back to draft (with a note) or scheduled again as before.
    expect((await getStoryForEdit(id))!.transitions).toEqual(expect.arrayContaining(["DRAFT", "SCHEDULED", "PUBLISHED"]));
  });
});
