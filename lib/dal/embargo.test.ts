// Embargoes (#12 §3): until its embargo a story can be edited and reviewed, but nothing publishes it or schedules
// it before then, by any path: the editor's save, a workflow step, a reschedule, the scheduler, a scheduled update,
// a restore, a bulk action or an import. Each refusal changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ArticleStatus } from "@/lib/db";
import { describeEachEngine } from "@/lib/testing/databases";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { expires: "", claims: { userId: session.userId, sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) } } : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));
const redirected = vi.hoisted(() => ({ to: null as string | null }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    redirected.to = to;
  },
}));

const { embargoBreach, embargoTimeText, listEmbargoedStories } = await import("./embargo");
const { createStory, getStoryForEdit, saveStory } = await import("./stories");
const { transitionStory, rescheduleStory, scheduleUpdate } = await import("./workflow");
const { listRevisions, restoreRevision, compareRevisions } = await import("./revisions");
const { publishDueArticles, nextScheduledEvent, applyDueUpdates } = await import("./scheduling");
const { bulkMoveToSection } = await import("./story-bulk");
const { writeStory, SCHEDULER } = await import("./story-writer");
const { importStoryAction } = await import("@/lib/actions/stories/import-story");
const { saveStoryAction } = await import("@/lib/actions/stories/save-story");
const { transitionStoryAction } = await import("@/lib/actions/stories/transition-story");

const HOUR = 3_600_000;

function editorFields(fields: StoryFields, changes: Record<string, unknown> = {}): StoryFields {
  return storyFieldsSchema.parse({
    ...fields,
    sectionId: fields.sectionId ?? "",
    heroMediaId: fields.heroMediaId ?? "",
    seoTitle: fields.seoTitle ?? "",
    seoDescription: fields.seoDescription ?? "",
    breakingUntil: fields.breakingUntil?.toISOString() ?? "",
    embargoUntil: fields.embargoUntil?.toISOString() ?? "",
    dateline: fields.dateline ?? "",
    ...changes,
  });
}

describe("embargoBreach", () => {
  const now = new Date("2026-08-09T12:00:00Z");
  const embargo = new Date("2026-08-09T13:00:00Z");
  const state = (status: string, embargoUntil: Date | null, scheduledAt: Date | null = null) => ({ status, embargoUntil, scheduledAt });

  it("refuses going live, scheduling before it, and an embargo on a live story; allows the rest", () => {
    expect(embargoBreach(state("IN_REVIEW", embargo), state("PUBLISHED", embargo), now)).toBe("publish");
    expect(embargoBreach(state("IN_REVIEW", embargo), state("SCHEDULED", embargo, new Date("2026-08-09T12:59:59Z")), now)).toBe("schedule");
    expect(embargoBreach(state("IN_REVIEW", embargo), state("SCHEDULED", embargo, embargo), now)).toBeNull();
    expect(embargoBreach(state("PUBLISHED", null), state("PUBLISHED", embargo), now)).toBe("live");
    expect(embargoBreach(state("SCHEDULED", null, new Date("2026-08-09T12:30:00Z")), state("SCHEDULED", embargo, new Date("2026-08-09T12:30:00Z")), now)).toBe("schedule");
    // A lifted (past) embargo, or none, never refuses.
    expect(embargoBreach(state("DRAFT", embargo), state("PUBLISHED", embargo), new Date("2026-08-09T13:00:00Z"))).toBeNull();
    expect(embargoBreach(state("DRAFT", null), state("PUBLISHED", null), now)).toBeNull();
    // Editing and review are fine; so is an untouched live story.
    expect(embargoBreach(state("DRAFT", null), state("IN_REVIEW", embargo), now)).toBeNull();
    expect(embargoBreach(state("PUBLISHED", embargo), state("PUBLISHED", embargo), now)).toBeNull();
  });

  it("names the time on the site's clock and the zone", () => {
    expect(embargoTimeText(new Date("2025-08-09T13:00:00Z"), "Europe/London")).toMatch(/^Aug 9, 2025, 2:00\sPM GMT\+1 \(Europe\/London\)$/);
    expect(embargoTimeText(new Date("2025-08-09T13:00:00Z"), "UTC")).toMatch(/^Aug 9, 2025, 1:00\sPM UTC$/);
  });
});

describeEachEngine("embargoes hold on every path", (database) => {
  const ids = { editor: "", writer: "", byline: "", section: "", otherSection: "" };
  let counter = 0;

  beforeAll(async () => {
    const { db } = database();
    await db.siteSettings.create({ data: { id: 1, name: "Test", timeZone: "Europe/London" } });
    ids.editor = (await db.user.create({ data: { email: "eddie@news.test", name: "Eddie", role: "EDITOR", passwordHash: "x" } })).id;
    ids.writer = (await db.user.create({ data: { email: "wren@news.test", name: "Wren", role: "WRITER", passwordHash: "x" } })).id;
    ids.byline = (await db.byline.create({ data: { slug: "eddie", name: "Eddie", userId: ids.editor } })).id;
    ids.section = (await db.section.create({ data: { slug: "world", name: "World" } })).id;
    ids.otherSection = (await db.section.create({ data: { slug: "business", name: "Business" } })).id;
  });

  /** A story ready for readers, in `status`, under an embargo `hours` ahead (set by the editor through a save). */
  async function embargoedStory(hours = 48, as: "editor" | "writer" = "editor") {
    session.userId = ids.editor;
    const { db } = database();
    counter += 1;
    const { id } = await createStory({ headline: `Embargoed report ${counter}` });
    if (as === "writer") await db.article.update({ where: { id }, data: { createdById: ids.writer } });
    const story = (await getStoryForEdit(id))!;
    const embargoUntil = new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000);
    const saved = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { body: "The findings are out.", bylineIds: [ids.byline], sectionId: ids.section, embargoUntil: embargoUntil.toISOString() }), mode: "manual" });
    return { id, version: saved.version, embargoUntil };
  }

  async function row(id: string) {
    return database().db.article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, publishedAt: true, scheduledAt: true, embargoUntil: true, sectionId: true, updatedAt: true } });
  }

  async function unchanged(id: string, run: () => Promise<unknown>) {
    const { db } = database();
    const before = await row(id);
    const revisions = await db.revision.count({ where: { articleId: id } });
    const refused = await run().catch((error: unknown) => error);
    expect(await row(id)).toEqual(before);
    expect(await db.revision.count({ where: { articleId: id } })).toBe(revisions);
    return refused;
  }

  it("an editor's save sets the embargo, the revision snapshot keeps it, and the editor's page reports it", async () => {
    const { id, version, embargoUntil } = await embargoedStory();
    expect(await row(id)).toMatchObject({ status: "DRAFT", embargoUntil, version });
    const story = (await getStoryForEdit(id))!;
    expect(story.fields.embargoUntil).toEqual(embargoUntil);
    expect(story.can.embargo).toBe(true);
    const latest = await database().db.revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { version: "desc" } });
    expect(latest.snapshot).toMatchObject({ embargoUntil: embargoUntil.toISOString() });
  });

  it("only those who may publish set, move or lift an embargo; a writer's save leaves it as it is", async () => {
    const { id, embargoUntil } = await embargoedStory(48, "writer");
    session.userId = ids.writer;
    const story = (await getStoryForEdit(id))!;
    expect(story.can.embargo).toBe(false);
    // The writer's form sends the embargo back unchanged: the save goes through and keeps it.
    const saved = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { headline: "Embargoed report, revised" }), mode: "manual" });
    expect(await row(id)).toMatchObject({ embargoUntil, version: saved.version });
    for (const change of ["", new Date(embargoUntil.getTime() - HOUR).toISOString()]) {
      const refused = await unchanged(id, () => saveStory({ id, baseVersion: saved.version, fields: editorFields(story.fields, { embargoUntil: change }), mode: "manual" }));
      expect(refused).toMatchObject({ name: "ForbiddenError", message: "Only editors can set or lift an embargo." });
    }
    // The action answers with the message, not a crash.
    const answer = await saveStoryAction({ id, baseVersion: saved.version, fields: { ...editorFields(story.fields), embargoUntil: "", breakingUntil: "", dateline: "" }, mode: "manual" });
    expect(answer).toMatchObject({ ok: false, message: "Only editors can set or lift an embargo." });
  });

  it("the embargo field takes only sensible dates (the shared date schema)", async () => {
    expect(storyFieldsSchema.safeParse({ ...editorFields({ headline: "x", standfirst: "", body: "", slug: "", tags: [], bylineIds: [], breaking: false, featured: false }), embargoUntil: "+010000-01-01T00:00:00Z" }).error?.issues[0]).toMatchObject({ path: ["embargoUntil"] });
    expect(storyFieldsSchema.safeParse({ ...editorFields({ headline: "x", standfirst: "", body: "", slug: "", tags: [], bylineIds: [], breaking: false, featured: false }), embargoUntil: "tomorrow" }).error?.issues[0]).toMatchObject({ path: ["embargoUntil"], message: "Enter a valid date and time." });
  });

  it("publishing before the embargo is refused with the time in the site's zone, and nothing changes; the action answers 4xx-style", async () => {
    const { id, version } = await embargoedStory();
    session.userId = ids.editor;
    await transitionStory({ id, baseVersion: version, to: "IN_REVIEW" });
    const reviewed = await row(id);
    const refused = await unchanged(id, () => transitionStory({ id, baseVersion: reviewed.version, to: "PUBLISHED" }));
    expect(refused).toMatchObject({ name: "ValidationError" });
    expect((refused as Error).message).toMatch(/^Embargoed until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M GMT(\+1)? \(Europe\/London\): it cannot be published before then\.$/);
    const answer = await transitionStoryAction({ id, baseVersion: reviewed.version, to: "PUBLISHED" });
    expect(answer).toMatchObject({ ok: false, message: (refused as Error).message, fieldErrors: { embargoUntil: ["Lift or move the embargo to publish it sooner."] } });
    expect(await row(id)).toMatchObject({ status: "IN_REVIEW", publishedAt: null });
  });

  it("scheduling before the embargo is refused; at or after it is accepted; rescheduling earlier is refused", async () => {
    const { id, version, embargoUntil } = await embargoedStory();
    session.userId = ids.editor;
    const early = await unchanged(id, () => transitionStory({ id, baseVersion: version, to: "SCHEDULED", scheduledAt: new Date(embargoUntil.getTime() - 60_000) }));
    expect(early).toMatchObject({ name: "ValidationError", message: expect.stringMatching(/^Embargoed until .* \(Europe\/London\): it cannot be scheduled to go live before then\.$/), fieldErrors: { scheduledAt: [expect.stringMatching(/or later: the story is embargoed until then\.$/)] } });
    const scheduled = await transitionStory({ id, baseVersion: version, to: "SCHEDULED", scheduledAt: embargoUntil });
    expect(scheduled).toMatchObject({ status: "SCHEDULED", scheduledAt: embargoUntil });
    const earlier = await unchanged(id, () => rescheduleStory({ id, baseVersion: scheduled.version, scheduledAt: new Date(embargoUntil.getTime() - HOUR) }));
    expect(earlier).toMatchObject({ name: "ValidationError", fieldErrors: { scheduledAt: [expect.any(String)] } });
    const later = await rescheduleStory({ id, baseVersion: scheduled.version, scheduledAt: new Date(embargoUntil.getTime() + HOUR) });
    expect(later.scheduledAt).toEqual(new Date(embargoUntil.getTime() + HOUR));
    // Moving the embargo past the schedule is refused too: the story would then be scheduled before it.
    const story = (await getStoryForEdit(id))!;
    const moved = await unchanged(id, () => saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { embargoUntil: new Date(embargoUntil.getTime() + 2 * HOUR).toISOString() }), mode: "manual" }));
    expect(moved).toMatchObject({ name: "ValidationError", fieldErrors: { embargoUntil: [expect.stringMatching(/^The story is scheduled for .*before this embargo\. Reschedule it to .* or later first\.$/)] } });
  });

  it("a live story cannot be put under embargo; lifting an embargo lets the story be published", async () => {
    const { id, version } = await embargoedStory();
    session.userId = ids.editor;
    let story = (await getStoryForEdit(id))!;
    const lifted = await saveStory({ id, baseVersion: version, fields: editorFields(story.fields, { embargoUntil: "" }), mode: "manual" });
    const live = await transitionStory({ id, baseVersion: lifted.version, to: "PUBLISHED" });
    expect(live.status).toBe("PUBLISHED");
    story = (await getStoryForEdit(id))!;
    const refused = await unchanged(id, () => saveStory({ id, baseVersion: live.version, fields: editorFields(story.fields, { embargoUntil: new Date(Date.now() + HOUR).toISOString() }), mode: "manual" }));
    expect(refused).toMatchObject({ name: "ValidationError", message: "This story is already live, so it cannot be put under embargo." });
  });

  it("the scheduler never publishes an embargoed story early, even when its row says it is due, and publishes it once the embargo lifts", async () => {
    const { id, version, embargoUntil } = await embargoedStory(2);
    session.userId = ids.editor;
    await transitionStory({ id, baseVersion: version, to: "SCHEDULED", scheduledAt: embargoUntil });
    // As if the embargo had been moved later after scheduling, by a path that skipped the checks.
    const { db } = database();
    const later = new Date(embargoUntil.getTime() + 3 * HOUR);
    await db.article.update({ where: { id }, data: { embargoUntil: later } });
    const due = new Date(embargoUntil.getTime() + HOUR);
    const before = await row(id);
    expect(await publishDueArticles(due)).toEqual([]);
    expect(await row(id)).toEqual(before);
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { scheduleAttempts: true, scheduleError: true } })).toEqual({ scheduleAttempts: 0, scheduleError: null });
    // The scheduler wakes when the embargo lifts.
    expect((await nextScheduledEvent(due))!.getTime()).toBeLessThanOrEqual(later.getTime());
    // Even a write that skips the scheduler's own filter is refused by the write path, and nothing changes.
    const forced = await unchanged(id, () =>
      db.$transaction((tx) => writeStory(tx, SCHEDULER, { id, baseVersion: "stored", now: due, set: { status: ArticleStatus.PUBLISHED, publishedAt: due, scheduledAt: null }, revision: "Published on schedule", audit: null })),
    );
    expect(forced).toMatchObject({ name: "ValidationError", message: expect.stringMatching(/^Embargoed until .*: it cannot be published before then\.$/) });
    // Once it lifts, the next pass publishes it.
    const changes = await publishDueArticles(new Date(later.getTime() + 1000));
    expect(changes.map((c) => c.id)).toContain(id);
    expect(await row(id)).toMatchObject({ status: "PUBLISHED" });
  });

  it("a scheduled update cannot carry an embargo onto a live story, and one applied never moves or lifts the stored embargo", async () => {
    session.userId = ids.editor;
    const { db } = database();
    const { id } = await createStory({ headline: "Live and updated" });
    let story = (await getStoryForEdit(id))!;
    const saved = await saveStory({ id, baseVersion: story.version, fields: editorFields(story.fields, { body: "First take.", bylineIds: [ids.byline] }), mode: "manual" });
    const live = await transitionStory({ id, baseVersion: saved.version, to: "PUBLISHED" });
    story = (await getStoryForEdit(id))!;
    const refused = await scheduleUpdate({ id, baseVersion: live.version, fields: editorFields(story.fields, { body: "Second take.", embargoUntil: new Date(Date.now() + 5 * HOUR).toISOString() }), runAt: new Date(Date.now() + HOUR), substantive: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "ValidationError", message: "This story is already live, so it cannot be put under embargo." });
    expect(await db.scheduledUpdate.count({ where: { articleId: id } })).toBe(0);
    // An update stored with an embargo in its changes (written before the check, or by hand) applies its text only.
    const runAt = new Date(Date.now() + HOUR);
    await scheduleUpdate({ id, baseVersion: live.version, fields: editorFields(story.fields, { body: "Second take." }), runAt, substantive: true });
    const update = await db.scheduledUpdate.findFirstOrThrow({ where: { articleId: id } });
    await db.scheduledUpdate.update({ where: { id: update.id }, data: { changes: { ...(update.changes as object), embargoUntil: new Date(Date.now() + 5 * HOUR).toISOString() } } });
    await applyDueUpdates(new Date(runAt.getTime() + 1000));
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { body: true, embargoUntil: true, status: true } })).toEqual({ body: "Second take.", embargoUntil: null, status: "PUBLISHED" });
  });

  it("a restore never lifts or moves the embargo (a version from before it included), and the history shows the embargo", async () => {
    const { id, embargoUntil } = await embargoedStory();
    session.userId = ids.editor;
    const history = (await listRevisions(id))!.revisions;
    const first = history.find((r) => r.version === 1)!;
    const latest = history[0]!;
    const comparison = (await compareRevisions(id, first.id, latest.id))!;
    expect(comparison.fields).toContainEqual({ field: "Embargo until", before: "—", after: `${embargoUntil.toISOString().slice(0, 16).replace("T", " ")} UTC` });
    // Scheduled at the embargo, then restored to version 1 (no embargo in its snapshot): the embargo stays.
    const current = await row(id);
    const scheduled = await transitionStory({ id, baseVersion: current.version, to: "SCHEDULED", scheduledAt: embargoUntil });
    await database().db.revision.update({ where: { id: first.id }, data: { body: "Restored words.", snapshot: { ...((await database().db.revision.findUniqueOrThrow({ where: { id: first.id } })).snapshot as object), bylineIds: [ids.byline] } } });
    const restored = await restoreRevision({ id, revisionId: first.id, baseVersion: scheduled.version });
    expect(await row(id)).toMatchObject({ status: "SCHEDULED", embargoUntil, scheduledAt: embargoUntil, version: restored.version });
    // Nor does a snapshot carrying another embargo move it.
    await database().db.revision.update({ where: { id: first.id }, data: { snapshot: { ...((await database().db.revision.findUniqueOrThrow({ where: { id: first.id } })).snapshot as object), embargoUntil: null } } });
    const again = await restoreRevision({ id, revisionId: first.id, baseVersion: restored.version });
    expect(await row(id)).toMatchObject({ embargoUntil, version: again.version });
    // And publishing now is still refused.
    await expect(transitionStory({ id, baseVersion: again.version, to: "PUBLISHED" })).rejects.toMatchObject({ name: "ValidationError", message: expect.stringMatching(/^Embargoed until/) });
  });

  it("a bulk action keeps the embargo, and the story still cannot be published before it", async () => {
    const { id } = await embargoedStory();
    session.userId = ids.editor;
    const moved = await bulkMoveToSection([id], "business");
    expect(moved).toMatchObject({ done: 1, skipped: [] });
    const after = await row(id);
    expect(after).toMatchObject({ sectionId: ids.otherSection, embargoUntil: expect.any(Date) });
    await expect(transitionStory({ id, baseVersion: after.version, to: "PUBLISHED" })).rejects.toMatchObject({ name: "ValidationError" });
  });

  it("an import can arrive under embargo (for those who may publish); the draft then cannot be published before it", async () => {
    const { db } = database();
    const embargoUntil = new Date(Math.floor((Date.now() + 24 * HOUR) / 60_000) * 60_000);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    session.userId = ids.writer;
    const before = await db.article.count();
    const refused = await importStoryAction(null, form({ headline: "Wire copy", standfirst: "", body: "Embargoed wire text.", format: "plain", embargoUntil: embargoUntil.toISOString() }));
    expect(refused).toMatchObject({ ok: false, message: "Only editors can set or lift an embargo." });
    expect(await db.article.count()).toBe(before);

    session.userId = ids.editor;
    redirected.to = null;
    const imported = await importStoryAction(null, form({ headline: "Wire copy", standfirst: "", body: "Embargoed wire text.", format: "plain", embargoUntil: embargoUntil.toISOString() }));
    expect(imported).toMatchObject({ ok: true });
    const id = (imported as { data: { id: string } }).data.id;
    expect(redirected.to).toBe(`/admin/stories/${id}?imported=1`);
    expect(await row(id)).toMatchObject({ status: "DRAFT", embargoUntil });
    await expect(transitionStory({ id, baseVersion: (await row(id)).version, to: "PUBLISHED" })).rejects.toMatchObject({ name: "ValidationError", message: expect.stringMatching(/^Embargoed until/) });
    // Without an embargo an import is as before.
    const plain = await createStory({ headline: "Plain import", body: "Text." });
    expect((await row(plain.id)).embargoUntil).toBeNull();
  });

  it("the dashboard lists stories still under embargo that this person may see, soonest first", async () => {
    const { db } = database();
    const soon = await embargoedStory(1);
    const mine = await embargoedStory(3, "writer");
    const lifted = await embargoedStory(5);
    await db.article.update({ where: { id: lifted.id }, data: { embargoUntil: new Date(Date.now() - HOUR) } });
    const trashed = await embargoedStory(6);
    await db.article.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
    session.userId = ids.editor;
    const seen = await listEmbargoedStories();
    const ids_ = seen.map((s) => s.id);
    expect(ids_).toContain(soon.id);
    expect(ids_).toContain(mine.id);
    expect(ids_).not.toContain(lifted.id);
    expect(ids_).not.toContain(trashed.id);
    expect(ids_.indexOf(soon.id)).toBeLessThan(ids_.indexOf(mine.id));
    expect(seen.find((s) => s.id === soon.id)).toMatchObject({ embargoUntil: soon.embargoUntil, status: "DRAFT" });
    session.userId = ids.writer;
    const writers = (await listEmbargoedStories()).map((s) => s.id);
    expect(writers).toContain(mine.id);
    expect(writers).not.toContain(soon.id);
    expect(await database().db.article.count({ where: { id: { in: writers }, createdById: { not: ids.writer } } })).toBe(0);
  });
});
