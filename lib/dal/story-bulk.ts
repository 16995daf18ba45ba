import "server-only";
import { ArticleStatus, getDb } from "@/lib/db";
import { canTransition } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "./errors";
import { ForbiddenError, refusal, requireUser, type SessionUser } from "./session";
import { editableWhere, visibleWhere } from "./stories";
import { afterStoryWrite, personActor, writeStory, type StoryWritten } from "./story-writer";
import { transaction } from "./transaction";
import { trashStoryIn } from "./trash";

// Bulk actions on the story list. Each story goes through the same write path as one edited alone (permission in
// the query, state rules, revision, audit, cache), in its own transaction: one refused story never undoes the others,
// and each skipped one is reported with why.

export const BULK_MAX = 100;

export interface BulkSkip {
  id: string;
  /** The story's headline when this person may see it; null for ids they may not see (nothing is given away). */
  headline: string | null;
  reason: string;
}

export interface BulkResult {
  done: number;
  skipped: BulkSkip[];
}

type BulkStep = (user: SessionUser, id: string) => Promise<StoryWritten | null>;

async function eachStory(ids: string[], step: BulkStep): Promise<BulkResult> {
  const user = await requireUser();
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new ValidationError("Select at least one story.");
  if (unique.length > BULK_MAX) throw new ValidationError(`Select at most ${BULK_MAX} stories at a time.`);
  const headlines = new Map(
    (await getDb().article.findMany({ where: { AND: [{ id: { in: unique }, deletedAt: null }, visibleWhere(user)] }, select: { id: true, headline: true } })).map((row) => [row.id, row.headline]),
  );
  const result: BulkResult = { done: 0, skipped: [] };
  for (const id of unique) {
    const headline = headlines.get(id) ?? null;
    try {
      const written = await step(user, id);
      if (written) await afterStoryWrite(written);
      result.done += 1;
    } catch (error) {
      if (!headline || error instanceof NotFoundError) {
        result.skipped.push({ id, headline: null, reason: "it no longer exists or you cannot see it" });
      } else if (error instanceof ForbiddenError) {
        result.skipped.push({ id, headline, reason: `you can't edit “${headline}”` });
      } else if (error instanceof ValidationError) {
        result.skipped.push({ id, headline, reason: `“${headline}”: ${error.message}` });
      } else if (error instanceof Error && error.name === "ConflictError") {
        result.skipped.push({ id, headline, reason: `“${headline}” was changed by someone else just now; try again` });
      } else {
        throw error;
      }
    }
  }
  return result;
}

/** Moves each story to a section (or none), as its editor could one at a time. */
export async function bulkMoveToSection(ids: string[], sectionSlug: string | null): Promise<BulkResult & { section: string | null }> {
  const section = sectionSlug ? await getDb().section.findUnique({ where: { slug: sectionSlug }, select: { id: true, name: true } }) : null;
  if (sectionSlug && !section) {
    await requireUser();
    throw new ValidationError("Check the highlighted fields.", { section: ["Choose a section from the list."] });
  }
  const result = await eachStory(ids, (user, id) =>
    transaction((tx) =>
      writeStory(tx, personActor(user), {
        id,
        baseVersion: "stored",
        access: { action: "article.edit", where: editableWhere(user) },
        set: { sectionId: section?.id ?? null },
        revision: (after, before) => (after.sectionId === before.sectionId ? null : section ? `Moved to ${section.name}` : "Taken out of its section"),
        audit: (after, before) => (after.sectionId === before.sectionId ? null : { action: "article.section", details: { from: before.section?.slug ?? null, to: sectionSlug, bulk: true } }),
      }),
    ),
  );
  return { ...result, section: section?.name ?? null };
}

/** Unpublishes (archives) each story where the workflow allows it: live stories, by editors. */
export async function bulkArchive(ids: string[]): Promise<BulkResult> {
  return eachStory(ids, (user, id) =>
    transaction((tx) =>
      writeStory(tx, personActor(user), {
        id,
        baseVersion: "stored",
        access: { action: "article.transition.ARCHIVED", where: visibleWhere(user) },
        check: (before) => {
          if (before.status === ArticleStatus.ARCHIVED) throw new ValidationError("it is archived already.");
          if (!canTransition(user.role, before.status, ArticleStatus.ARCHIVED, { own: before.createdById === user.id })) {
            if (before.status !== ArticleStatus.PUBLISHED) throw new ValidationError("only published stories can be archived.");
            throw refusal(user, `article.transition.${before.status}->ARCHIVED`, { entityType: "Article", entityId: before.id }, "You cannot unpublish stories.");
          }
        },
        set: { status: ArticleStatus.ARCHIVED, scheduledAt: null },
        guard: { status: ArticleStatus.PUBLISHED },
        revision: "Unpublished (archived)",
        audit: (after, before) => ({ action: "article.status.archived", details: { from: before.status, to: after.status, bulk: true } }),
      }),
    ),
  );
}

/** Moves each story to the trash; live and scheduled stories are skipped (unpublish or unschedule them first). */
export async function bulkTrash(ids: string[], now: Date = new Date()): Promise<BulkResult> {
  return eachStory(ids, async (user, id) => {
    await transaction((tx) => trashStoryIn(tx, user, id, now));
    return null;
  });
}

/** "3 moved, 1 skipped: you can't edit “X”." */
export function describeBulk(result: BulkResult, verb: string): string {
  const done = `${result.done} ${verb}`;
  if (result.skipped.length === 0) return `${done}.`;
  return `${done}, ${result.skipped.length} skipped: ${result.skipped.map((s) => s.reason.replace(/\.$/, "")).join("; ")}.`;
}
