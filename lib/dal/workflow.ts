import "server-only";
import { ArticleStatus, getDb, NoteKind, type Prisma } from "@/lib/db";
import { canTransition, type Status } from "@/lib/auth/permissions";
import { pokeScheduler } from "@/lib/publishing/poke";
import type { StoryFields } from "@/lib/validation/stories";
import { isSchedulableDate, SCHEDULE_MAX_YEARS } from "@/lib/validation/dates";
import { recordAudit } from "./audit";
import { assertEmbargoAllows } from "./embargo";
import { ValidationError } from "./errors";
import { refusal, requirePermission, requireUser } from "./session";
import { transaction } from "./transaction";
import { assertReadyForReaders, conflictError, loadForWrite, snapshotOf, visibleWhere } from "./stories";
import { addStoryComment } from "./story-comments";
import { afterStoryWrite, notifyAfterCommit, personActor, validateStoryFields, writeStory } from "./story-writer";

const STATUS_WORDS: Record<Status, string> = {
  DRAFT: "Moved back to draft",
  IN_REVIEW: "Submitted for review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Unpublished (archived)",
};

export interface TransitionResult {
  status: Status;
  version: number;
  slug: string;
  publishedAt: Date | null;
  scheduledAt: Date | null;
}

/** A story sent back to the writer from review or from the schedule must say why: the note goes to the writer. */
export function needsNoteToWriter(from: Status, to: Status): boolean {
  return to === ArticleStatus.DRAFT && (from === ArticleStatus.IN_REVIEW || from === ArticleStatus.SCHEDULED);
}

export const NOTE_REQUIRED = "Write a note to the writer: say what should change before the story comes back for review.";

function checkScheduleTime(scheduledAt: Date | null | undefined, now: Date, field = "scheduledAt"): asserts scheduledAt is Date {
  if (!scheduledAt || scheduledAt <= now) throw new ValidationError("Check the highlighted fields.", { [field]: ["Choose a time in the future."] });
  if (!isSchedulableDate(scheduledAt, now)) throw new ValidationError("Check the highlighted fields.", { [field]: [`Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`] });
}

/**
 * Moves a story through the workflow (DRAFT → IN_REVIEW → SCHEDULED or PUBLISHED → ARCHIVED and back), as the
 * permissions module allows for the user's role and ownership, through the one story write path
 * (lib/dal/story-writer.ts): status, times, version, a revision and an audit entry change together or not at all.
 * Sending a story back to draft from review or the schedule needs a note to the writer, stored as an editorial note
 * in the same transaction. Then the reader pages are refreshed, the scheduler told and people notified.
 */
export async function transitionStory(input: { id: string; baseVersion: number; to: Status; scheduledAt?: Date | null; note?: string | null }, now: Date = new Date()): Promise<TransitionResult> {
  const user = await requireUser();
  const note = input.note?.trim() || null;
  const written = await transaction(async (tx) => {
    const written = await writeStory(tx, personActor(user), {
      id: input.id,
      baseVersion: input.baseVersion,
      access: { action: `article.transition.${input.to}`, where: visibleWhere(user) },
      now,
      check: (before) => {
        const own = before.createdById === user.id;
        if (!canTransition(user.role, before.status, input.to, { own })) {
          throw refusal(user, `article.transition.${before.status}->${input.to}`, { entityType: "Article", entityId: before.id }, `You cannot move this story from ${before.status.toLowerCase().replace("_", " ")} to ${input.to.toLowerCase().replace("_", " ")}.`);
        }
        if (needsNoteToWriter(before.status, input.to) && !note) throw new ValidationError("Check the highlighted fields.", { note: [NOTE_REQUIRED] });
        if (input.to === ArticleStatus.SCHEDULED) checkScheduleTime(input.scheduledAt, now);
      },
      readyForReaders: input.to === ArticleStatus.PUBLISHED || input.to === ArticleStatus.SCHEDULED ? "This story is not ready to go live yet." : undefined,
      guard: (before) => ({ status: before.status }),
      set: (before) => {
        const data: Prisma.ArticleUncheckedUpdateManyInput = { status: input.to };
        if (input.to === ArticleStatus.PUBLISHED) return { ...data, publishedAt: before.publishedAt ?? now, scheduledAt: null };
        // A new schedule starts with a clean slate: no earlier failure, no retry wait.
        if (input.to === ArticleStatus.SCHEDULED) return { ...data, scheduledAt: input.scheduledAt, scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null };
        return { ...data, scheduledAt: null };
      },
      revision: (after) => `${STATUS_WORDS[input.to]}${after.status === ArticleStatus.SCHEDULED && after.scheduledAt ? ` for ${after.scheduledAt.toISOString()}` : ""}`,
      audit: (_after, before) => ({ action: `article.status.${input.to.toLowerCase()}`, details: { from: before.status, to: input.to, scheduledAt: input.scheduledAt?.toISOString() ?? null, note: !!note } }),
    });
    // The note is an editorial note on the story (never public, never in a revision's text), written with the step.
    if (note) await addStoryComment(tx, { articleId: written.after.id, authorId: user.id, body: note });
    return written;
  });
  const { before, after } = written;
  await afterStoryWrite(written);
  if (after.status === ArticleStatus.SCHEDULED || before.status === ArticleStatus.SCHEDULED) pokeScheduler();
  if (after.status === ArticleStatus.IN_REVIEW) await notifyAfterCommit({ kind: "submitted", articleId: after.id, actorId: user.id });
  if (after.status === ArticleStatus.PUBLISHED) await notifyAfterCommit({ kind: "published", articleId: after.id, actorId: user.id });
  if (after.status === ArticleStatus.DRAFT && note) await notifyAfterCommit({ kind: "sent-back", articleId: after.id, actorId: user.id, note });
  return { status: after.status, version: after.version, slug: after.slug, publishedAt: after.publishedAt, scheduledAt: after.scheduledAt };
}

/**
 * Moves a scheduled story's time, or takes it off the schedule (back to review, not to draft), without touching
 * its text. Needs the same permission as scheduling it.
 */
export async function rescheduleStory(input: { id: string; baseVersion: number; scheduledAt: Date | null }, now: Date = new Date()): Promise<TransitionResult> {
  const user = await requirePermission("article.schedule", { entityType: "Article", entityId: input.id });
  const to = input.scheduledAt;
  const written = await transaction((tx) =>
    writeStory(tx, personActor(user), {
      id: input.id,
      baseVersion: input.baseVersion,
      access: { action: "article.reschedule", where: visibleWhere(user) },
      now,
      check: (before) => {
        if (before.status !== ArticleStatus.SCHEDULED) throw new ValidationError("Only a scheduled story can be rescheduled or unscheduled.", { scheduledAt: ["This story is not scheduled (any more). Reload to see its state."] });
        if (to) checkScheduleTime(to, now);
      },
      guard: { status: ArticleStatus.SCHEDULED },
      // Either way the schedule starts over: no earlier failure, no retry wait.
      set: { ...(to ? { scheduledAt: to } : { status: ArticleStatus.IN_REVIEW, scheduledAt: null }), scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null },
      revision: to ? `Rescheduled for ${to.toISOString()}` : "Unscheduled (back in review)",
      audit: (_after, before) => ({ action: to ? "article.schedule.changed" : "article.schedule.cancelled", details: { from: before.scheduledAt?.toISOString() ?? null, to: to?.toISOString() ?? null } }),
    }),
  );
  await afterStoryWrite(written);
  pokeScheduler();
  const { after } = written;
  return { status: after.status, version: after.version, slug: after.slug, publishedAt: after.publishedAt, scheduledAt: after.scheduledAt };
}

/**
 * Appends a dated, public correction or update note to a story. A substantive note moves the story's "Updated"
 * time (and JSON-LD dateModified); a note marked otherwise (a typo fix) does not.
 */
export async function addCorrection(input: { id: string; kind: "CORRECTION" | "UPDATE"; body: string; substantive: boolean }, now: Date = new Date()): Promise<{ version: number }> {
  const user = await requirePermission("article.addCorrection", { entityType: "Article", entityId: input.id });
  const written = await transaction(async (tx) => {
    const written = await writeStory(tx, personActor(user), {
      id: input.id,
      baseVersion: "stored",
      access: { action: "article.addCorrection", where: {} },
      check: (before) => {
        if (before.status !== ArticleStatus.PUBLISHED) throw new ValidationError("Corrections and updates are for published stories.", { body: ["Publish the story first; until then, edit it directly."] });
      },
      guard: { status: ArticleStatus.PUBLISHED },
      set: input.substantive ? { substantiveUpdatedAt: now } : {},
      revision: `${input.kind === "UPDATE" ? "Update" : "Correction"} note added${input.substantive ? " (substantive)" : ""}`,
      audit: { action: `article.${input.kind === "UPDATE" ? "update-note" : "correction"}`, details: { body: input.body, substantive: input.substantive } },
    });
    await tx.correction.create({ data: { articleId: written.after.id, kind: input.kind === "UPDATE" ? NoteKind.UPDATE : NoteKind.CORRECTION, body: input.body, publishedAt: now, authorId: user.id } });
    return written;
  });
  await afterStoryWrite(written);
  return { version: written.after.version };
}

/**
 * Prepares changes to a live story to go out at a set time (the scheduler applies them). The update remembers the
 * version it was prepared against: if the story is edited before it runs, it is not applied over those edits.
 */
export async function scheduleUpdate(input: { id: string; baseVersion: number; fields: StoryFields; runAt: Date; substantive: boolean }, now: Date = new Date()): Promise<{ id: string }> {
  const user = await requirePermission("article.schedule", { entityType: "Article", entityId: input.id });
  if (input.runAt <= now) throw new ValidationError("Check the highlighted fields.", { runAt: ["Choose a time in the future."] });
  if (!isSchedulableDate(input.runAt, now)) throw new ValidationError("Check the highlighted fields.", { runAt: [`Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`] });
  const created = await transaction(async (tx) => {
    const story = await loadForWrite(tx, user, input.id, "article.scheduleUpdate", {});
    if (story.status !== ArticleStatus.PUBLISHED) throw new ValidationError("Only a live story can have an update scheduled; schedule the story itself instead.");
    if (story.version !== input.baseVersion) throw await conflictError(tx, story.id);
    // Checked now as the scheduler will check it when it applies (the editor's schema and the publish checks).
    validateStoryFields(input.fields);
    // A live story cannot be put under embargo, and an update never moves or lifts one (fieldsOfUpdate keeps it).
    await assertEmbargoAllows(tx, story, { status: story.status, scheduledAt: story.scheduledAt, embargoUntil: input.fields.embargoUntil ?? story.embargoUntil }, now);
    await assertReadyForReaders(tx, input.fields, "Not scheduled: the story would not be ready for readers.");
    const update = await tx.scheduledUpdate.create({
      data: {
        articleId: story.id,
        runAt: input.runAt,
        substantive: input.substantive,
        baseVersion: story.version,
        createdById: user.id,
        changes: { headline: input.fields.headline, standfirst: input.fields.standfirst, body: input.fields.body, ...snapshotOf(input.fields) } as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordAudit({ actorId: user.id, action: "article.update.scheduled", entityType: "Article", entityId: story.id, details: { runAt: input.runAt.toISOString() } }, tx);
    return update;
  });
  pokeScheduler();
  return created;
}

/** Cancels a scheduled update that has not gone out yet. */
export async function cancelScheduledUpdate(updateId: string): Promise<void> {
  const user = await requirePermission("article.schedule", { entityType: "ScheduledUpdate", entityId: updateId });
  const db = getDb();
  const update = await db.scheduledUpdate.findUnique({ where: { id: updateId }, select: { articleId: true, appliedAt: true } });
  if (!update || update.appliedAt) throw new ValidationError("That update has already gone out or does not exist.");
  await transaction(async (tx) => {
    await tx.scheduledUpdate.delete({ where: { id: updateId } });
    await recordAudit({ actorId: user.id, action: "article.update.schedule-cancelled", entityType: "Article", entityId: update.articleId }, tx);
  });
}
