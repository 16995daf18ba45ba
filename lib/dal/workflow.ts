import "server-only";
import { ArticleStatus, getDb, NoteKind, type Prisma } from "@/lib/db";
import { canTransition, type Status } from "@/lib/auth/permissions";
import { invalidateArticle } from "@/lib/cache/invalidate";
import { publishProblems } from "@/lib/content/publish-checks";
import { pokeScheduler } from "@/lib/publishing/poke";
import type { StoryFields } from "@/lib/validation/stories";
import { isSchedulableDate, SCHEDULE_MAX_YEARS } from "@/lib/validation/dates";
import { recordAudit } from "./audit";
import { mediaAltProblem } from "./media";
import { ValidationError } from "./errors";
import { refusal, requirePermission, requireUser } from "./session";
import { transaction } from "./transaction";
import { assertReadyForReaders, changeOf, conflictError, loadForWrite, recordRevision, snapshotOf, storySelect, visibleWhere } from "./stories";

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

/**
 * Moves a story through the workflow (DRAFT → IN_REVIEW → SCHEDULED or PUBLISHED → ARCHIVED and back), as the
 * permissions module allows for the user's role and ownership. The status, times, version, a revision and an audit
 * entry change together or not at all; then the reader pages are refreshed and the scheduler told.
 */
export async function transitionStory(input: { id: string; baseVersion: number; to: Status; scheduledAt?: Date | null }, now: Date = new Date()): Promise<TransitionResult> {
  const user = await requireUser();
  const { before, after } = await transaction(async (tx) => {
    const before = await loadForWrite(tx, user, input.id, `article.transition.${input.to}`, visibleWhere(user));
    const own = before.createdById === user.id;
    if (!canTransition(user.role, before.status, input.to, { own })) {
      throw refusal(user, `article.transition.${before.status}->${input.to}`, { entityType: "Article", entityId: before.id }, `You cannot move this story from ${before.status.toLowerCase().replace("_", " ")} to ${input.to.toLowerCase().replace("_", " ")}.`);
    }
    if (before.version !== input.baseVersion) throw await conflictError(tx, before.id);
    if (input.to === ArticleStatus.PUBLISHED || input.to === ArticleStatus.SCHEDULED) {
      const heroProblem = await mediaAltProblem(before.heroMediaId, tx);
      const problems = publishProblems({ headline: before.headline, body: before.body, bylineCount: before.bylines.length, heroProblem });
      if (Object.keys(problems).length) throw new ValidationError("This story is not ready to go live yet.", problems);
    }
    let data: Prisma.ArticleUncheckedUpdateManyInput = { status: input.to, version: { increment: 1 }, lastEditedById: user.id };
    if (input.to === ArticleStatus.PUBLISHED) data = { ...data, publishedAt: before.publishedAt ?? now, scheduledAt: null };
    if (input.to === ArticleStatus.SCHEDULED) {
      if (!input.scheduledAt || input.scheduledAt <= now) throw new ValidationError("Check the highlighted fields.", { scheduledAt: ["Choose a time in the future."] });
      if (!isSchedulableDate(input.scheduledAt, now)) throw new ValidationError("Check the highlighted fields.", { scheduledAt: [`Choose a time within the next ${SCHEDULE_MAX_YEARS} years.`] });
      // A new schedule starts with a clean slate: no earlier failure, no retry wait.
      data = { ...data, scheduledAt: input.scheduledAt, scheduleAttempts: 0, scheduleError: null, scheduleRetryAt: null };
    }
    if (input.to === ArticleStatus.DRAFT || input.to === ArticleStatus.IN_REVIEW || input.to === ArticleStatus.ARCHIVED) data = { ...data, scheduledAt: null };
    const { count } = await tx.article.updateMany({ where: { id: before.id, version: input.baseVersion, status: before.status }, data });
    if (count === 0) throw await conflictError(tx, before.id);
    const after = await tx.article.findUniqueOrThrow({ where: { id: before.id }, select: storySelect });
    const when = input.to === ArticleStatus.SCHEDULED ? ` for ${input.scheduledAt!.toISOString()}` : "";
    await recordRevision(tx, user, after, `${STATUS_WORDS[input.to]}${when}`);
    await recordAudit({ actorId: user.id, action: `article.status.${input.to.toLowerCase()}`, entityType: "Article", entityId: after.id, details: { from: before.status, to: input.to, scheduledAt: input.scheduledAt?.toISOString() ?? null } }, tx);
    return { before, after };
  });
  if (before.status === ArticleStatus.PUBLISHED || after.status === ArticleStatus.PUBLISHED) await invalidateArticle(changeOf(after, before));
  if (after.status === ArticleStatus.SCHEDULED || before.status === ArticleStatus.SCHEDULED) pokeScheduler();
  return { status: after.status, version: after.version, slug: after.slug, publishedAt: after.publishedAt, scheduledAt: after.scheduledAt };
}

/**
 * Appends a dated, public correction or update note to a story. A substantive note moves the story's "Updated"
 * time (and JSON-LD dateModified); a note marked otherwise (a typo fix) does not.
 */
export async function addCorrection(input: { id: string; kind: "CORRECTION" | "UPDATE"; body: string; substantive: boolean }, now: Date = new Date()): Promise<{ version: number }> {
  const user = await requirePermission("article.addCorrection", { entityType: "Article", entityId: input.id });
  const { after } = await transaction(async (tx) => {
    const before = await loadForWrite(tx, user, input.id, "article.addCorrection", {});
    if (before.status !== ArticleStatus.PUBLISHED) throw new ValidationError("Corrections and updates are for published stories.", { body: ["Publish the story first; until then, edit it directly."] });
    await tx.correction.create({ data: { articleId: before.id, kind: input.kind === "UPDATE" ? NoteKind.UPDATE : NoteKind.CORRECTION, body: input.body, publishedAt: now, authorId: user.id } });
    await tx.article.update({ where: { id: before.id }, data: { version: { increment: 1 }, lastEditedById: user.id, ...(input.substantive && { substantiveUpdatedAt: now }) } });
    const after = await tx.article.findUniqueOrThrow({ where: { id: before.id }, select: storySelect });
    await recordRevision(tx, user, after, `${input.kind === "UPDATE" ? "Update" : "Correction"} note added${input.substantive ? " (substantive)" : ""}`);
    await recordAudit({ actorId: user.id, action: `article.${input.kind === "UPDATE" ? "update-note" : "correction"}`, entityType: "Article", entityId: before.id, details: { body: input.body, substantive: input.substantive } }, tx);
    return { after };
  });
  await invalidateArticle(changeOf(after));
  return { version: after.version };
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
