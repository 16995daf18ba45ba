import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { can, type Status } from "@/lib/auth/permissions";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { refusal, requireUser, type SessionUser } from "./session";
import { editableWhere, recordRevision, storySelect, visibleWhere } from "./stories";
import { personActor, writeStory } from "./story-writer";
import { transaction } from "./transaction";
import { TRASH_DAYS, trashProblem } from "@/lib/validation/trash";

type Tx = Prisma.TransactionClient;

// The trash: a story moved here is hidden from every newsroom list and cannot be edited (the write path refuses it,
// lib/dal/story-writer.ts). It is restorable for TRASH_DAYS, then purged by the trash.purge job (lib/jobs/trash-purge.ts).
// Who may do what (the permission matrix's article.delete is admins only; the trash is wider on purpose, because a
// trashed story comes back): editors and admins trash any story that is not live or scheduled, restore any, and
// delete forever; writers trash and restore only their own drafts, and never delete forever.

export { TRASH_DAYS, trashProblem };
const DAY_MS = 24 * 60 * 60_000;

/** Stories that are not in the trash: every newsroom read scopes itself with this. */
export const NOT_TRASHED = { deletedAt: null } satisfies Prisma.ArticleWhereInput;

/** Who may restore a trashed story: editors any, writers their own drafts. Ownership lives in the query. */
function restorableWhere(user: SessionUser): Prisma.ArticleWhereInput {
  return can(user.role, "article.editAny") ? {} : { createdById: user.id, status: ArticleStatus.DRAFT };
}

/** Moves one story to the trash inside the caller's transaction (bulk delete calls this per story). */
export async function trashStoryIn(tx: Tx, user: SessionUser, id: string, now: Date): Promise<{ headline: string }> {
  const { after } = await writeStory(tx, personActor(user), {
    id,
    baseVersion: "stored",
    access: { action: "article.trash", where: editableWhere(user) },
    check: (before) => {
      const problem = trashProblem(before.status);
      if (problem) throw new ValidationError(problem);
    },
    set: { deletedAt: now, deletedById: user.id, scheduledAt: null },
    guard: { deletedAt: null, status: { notIn: [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED] } },
    revision: "Moved to the trash",
    audit: (after) => ({ action: "article.trash", details: { headline: after.headline, status: after.status } }),
  });
  return { headline: after.headline };
}

/** Moves a story to the trash. Published or scheduled stories must be unpublished or unscheduled first. */
export async function trashStory(id: string, now: Date = new Date()): Promise<{ headline: string }> {
  const user = await requireUser();
  return transaction((tx) => trashStoryIn(tx, user, id, now));
}

/** The headline of a story in the trash that this person may see (for the notice after moving it there), or null. */
export async function trashedStoryHeadline(id: string): Promise<string | null> {
  const user = await requireUser();
  const row = await getDb().article.findFirst({ where: { AND: [{ id, deletedAt: { not: null } }, visibleWhere(user)] }, select: { headline: true } });
  return row?.headline ?? null;
}

/** Takes a story out of the trash, in the state it was trashed in. */
export async function restoreStory(id: string): Promise<{ headline: string }> {
  const user = await requireUser();
  return transaction(async (tx) => {
    const row = await tx.article.findFirst({ where: { AND: [{ id, deletedAt: { not: null } }, visibleWhere(user)] }, select: { id: true, createdById: true } });
    if (!row) throw new NotFoundError("This story is not in the trash (it may have been restored or deleted already).");
    const { count } = await tx.article.updateMany({
      where: { AND: [{ id, deletedAt: { not: null } }, restorableWhere(user)] },
      data: { deletedAt: null, deletedById: null, lastEditedById: user.id, version: { increment: 1 } },
    });
    if (count === 0) throw refusal(user, "article.restoreFromTrash", { entityType: "Article", entityId: id }, "You can only restore your own drafts.");
    const after = await tx.article.findUniqueOrThrow({ where: { id }, select: storySelect });
    await recordRevision(tx, user, after, "Restored from the trash");
    await recordAudit({ actorId: user.id, action: "article.restoreFromTrash", entityType: "Article", entityId: id, details: { headline: after.headline } }, tx);
    return { headline: after.headline };
  });
}

/** Deletes a trashed story for good (editors and admins), with its revisions, notes and history. */
export async function deleteStoryForever(id: string): Promise<{ headline: string }> {
  const user = await requireUser();
  return transaction(async (tx) => {
    const row = await tx.article.findFirst({ where: { AND: [{ id, deletedAt: { not: null } }, visibleWhere(user)] }, select: { id: true, headline: true } });
    if (!row) throw new NotFoundError("This story is not in the trash (it may have been restored or deleted already).");
    if (!can(user.role, "article.editAny")) throw refusal(user, "article.deleteForever", { entityType: "Article", entityId: id }, "Only editors and admins can delete a story for good.");
    const { count } = await tx.article.deleteMany({ where: { id, deletedAt: { not: null } } });
    if (count === 0) throw new NotFoundError("This story is not in the trash (it may have been restored or deleted already).");
    await recordAudit({ actorId: user.id, action: "article.deleteForever", entityType: "Article", entityId: id, details: { headline: row.headline } }, tx);
    return { headline: row.headline };
  });
}

export interface TrashItem {
  id: string;
  headline: string;
  status: Status;
  deletedAt: Date;
  deletedBy: string | null;
  /** When the purge removes it. */
  purgeAt: Date;
  canRestore: boolean;
  canDeleteForever: boolean;
}

/** The trash as this person may see it: editors every trashed story, writers the ones they created. Newest first. */
export async function listTrash(): Promise<TrashItem[]> {
  const user = await requireUser();
  const rows = await getDb().article.findMany({
    where: { AND: [visibleWhere(user), { deletedAt: { not: null } }] },
    orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, headline: true, status: true, deletedAt: true, deletedById: true, createdById: true },
  });
  const deleters = [...new Set(rows.map((r) => r.deletedById).filter((id): id is string => !!id))];
  const names = new Map((await getDb().user.findMany({ where: { id: { in: deleters } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const editor = can(user.role, "article.editAny");
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    status: row.status,
    deletedAt: row.deletedAt!,
    deletedBy: row.deletedById ? (names.get(row.deletedById) ?? null) : null,
    purgeAt: new Date(row.deletedAt!.getTime() + TRASH_DAYS * DAY_MS),
    canRestore: editor || (row.createdById === user.id && row.status === ArticleStatus.DRAFT),
    canDeleteForever: editor,
  }));
}

/**
 * Deletes stories that have been in the trash longer than TRASH_DAYS (the background job; no person asking). Each
 * purge is audited with no actor. Returns how many went.
 */
export async function purgeExpiredTrash(now: Date = new Date(), db: Tx | ReturnType<typeof getDb> = getDb()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS);
  const due = await db.article.findMany({ where: { deletedAt: { lte: cutoff } }, select: { id: true, headline: true }, take: 500 });
  let purged = 0;
  for (const story of due) {
    // Conditional on still being trashed past the cutoff: a story restored meanwhile stays.
    const { count } = await db.article.deleteMany({ where: { id: story.id, deletedAt: { lte: cutoff } } });
    if (count === 0) continue;
    purged += 1;
    await recordAudit({ actorId: null, action: "article.purge", entityType: "Article", entityId: story.id, details: { headline: story.headline, afterDays: TRASH_DAYS } }, db);
  }
  return purged;
}
