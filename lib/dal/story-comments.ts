import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { refusal, requestAddress, requireUser, type SessionUser } from "./session";
import { editableWhere, visibleWhere } from "./stories";
import { transaction } from "./transaction";

type Tx = Prisma.TransactionClient;

export interface NewStoryComment {
  articleId: string;
  authorId: string | null;
  body: string;
  parentId?: string | null;
  anchorIndex?: number | null;
  anchorText?: string | null;
}

/**
 * Adds an editorial note inside the caller's transaction (the workflow's "sent back" note goes through here).
 * The caller has already checked who may write it.
 */
export async function addStoryComment(tx: Tx, input: NewStoryComment): Promise<{ id: string }> {
  const row = await tx.storyComment.create({
    data: {
      articleId: input.articleId,
      authorId: input.authorId,
      body: input.body,
      parentId: input.parentId ?? null,
      anchorIndex: input.anchorIndex ?? null,
      anchorText: input.anchorText ?? null,
    },
    select: { id: true },
  });
  return row;
}

/** A note as the newsroom sees it; replies sit under the note they answer (one level). */
export interface StoryCommentView {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string;
  anchorIndex: number | null;
  anchorText: string | null;
  createdAt: Date;
  updatedAt: Date;
  edited: boolean;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  /** What the person asking may do with it. */
  canEdit: boolean;
  canResolve: boolean;
  replies: Omit<StoryCommentView, "replies" | "canResolve" | "resolvedAt" | "resolvedByName" | "anchorIndex" | "anchorText">[];
}

const ANCHOR_WORDS = 8;

/** The first few words of a paragraph, to show beside a note anchored to it. */
export function anchorTextOf(paragraph: string): string {
  const words = paragraph.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const text = words.slice(0, ANCHOR_WORDS).join(" ");
  return (words.length > ANCHOR_WORDS ? `${text}…` : text).slice(0, 200);
}

const commentSelect = {
  id: true,
  body: true,
  authorId: true,
  parentId: true,
  anchorIndex: true,
  anchorText: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  resolvedById: true,
  author: { select: { name: true, email: true } },
} as const satisfies Prisma.StoryCommentSelect;

type CommentRow = Prisma.StoryCommentGetPayload<{ select: typeof commentSelect }>;

function nameOf(user: { name: string | null; email: string } | null): string {
  return user ? user.name || user.email : "A former colleague";
}

/** The story if the user may see it (not in the trash), and whether they may edit it; NotFoundError otherwise. */
async function storyFor(client: Tx | ReturnType<typeof getDb>, user: SessionUser, articleId: string): Promise<{ id: string; editable: boolean }> {
  const story = await client.article.findFirst({ where: { AND: [{ id: articleId, deletedAt: null }, visibleWhere(user)] }, select: { id: true } });
  if (!story) throw new NotFoundError();
  const editable = can(user.role, "article.editAny") || !!(await client.article.findFirst({ where: { AND: [{ id: articleId }, editableWhere(user)] }, select: { id: true } }));
  return { id: story.id, editable };
}

function mayResolve(user: SessionUser, editable: boolean): boolean {
  return can(user.role, "article.editAny") || editable;
}

/** Every note on a story the user may see, oldest first, with their replies. */
export async function listStoryComments(articleId: string): Promise<StoryCommentView[]> {
  const user = await requireUser();
  const db = getDb();
  const story = await storyFor(db, user, articleId);
  const rows = await db.storyComment.findMany({ where: { articleId: story.id }, select: commentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const resolverIds = [...new Set(rows.map((r) => r.resolvedById).filter((id): id is string => !!id))];
  const resolvers = new Map((await db.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, nameOf(u)]));
  const view = (row: CommentRow) => ({
    id: row.id,
    body: row.body,
    authorId: row.authorId,
    authorName: nameOf(row.author),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    edited: row.updatedAt.getTime() - row.createdAt.getTime() > 1000,
    canEdit: !!row.authorId && row.authorId === user.id,
  });
  return rows
    .filter((row) => !row.parentId)
    .map((row) => ({
      ...view(row),
      anchorIndex: row.anchorIndex,
      anchorText: row.anchorText,
      resolvedAt: row.resolvedAt,
      resolvedByName: row.resolvedById ? (resolvers.get(row.resolvedById) ?? "A former colleague") : null,
      canResolve: mayResolve(user, story.editable),
      replies: rows.filter((reply) => reply.parentId === row.id).map(view),
    }));
}

/** Open-note counts and the latest open note, per story, for the review queue. Only stories the user may see. */
export async function openNotesFor(articleIds: string[]): Promise<Map<string, { open: number; latest: { body: string; authorName: string; createdAt: Date } | null }>> {
  const user = await requireUser();
  const out = new Map<string, { open: number; latest: { body: string; authorName: string; createdAt: Date } | null }>();
  if (articleIds.length === 0) return out;
  const rows = await getDb().storyComment.findMany({
    where: { articleId: { in: articleIds }, parentId: null, resolvedAt: null, article: visibleWhere(user) },
    select: { articleId: true, body: true, createdAt: true, author: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  for (const row of rows) {
    const entry = out.get(row.articleId) ?? { open: 0, latest: { body: row.body, authorName: nameOf(row.author), createdAt: row.createdAt } };
    entry.open += 1;
    out.set(row.articleId, entry);
  }
  return out;
}

export interface AddNoteInput {
  articleId: string;
  body: string;
  parentId?: string | null;
  anchorIndex?: number | null;
  anchorText?: string | null;
}

/** A note (or a reply to one) by the signed-in user, on a story they may see. */
export async function addNote(input: AddNoteInput): Promise<{ id: string }> {
  const user = await requireUser();
  const ip = await requestAddress().catch(() => null);
  return transaction(async (tx) => {
    const story = await storyFor(tx, user, input.articleId);
    let parentId: string | null = null;
    let anchorIndex = input.anchorIndex ?? null;
    let anchorText = input.anchorText?.trim() || null;
    if (input.parentId) {
      const parent = await tx.storyComment.findFirst({ where: { id: input.parentId, articleId: story.id }, select: { id: true, parentId: true } });
      if (!parent) throw new NotFoundError("That note no longer exists.");
      // One level of replies: answering a reply answers the note it belongs to.
      parentId = parent.parentId ?? parent.id;
      anchorIndex = null;
      anchorText = null;
    }
    if (anchorIndex !== null && !anchorText) throw new ValidationError("Choose the paragraph again.", { anchorIndex: ["Choose the paragraph again."] });
    const created = await addStoryComment(tx, { articleId: story.id, authorId: user.id, body: input.body, parentId, anchorIndex, anchorText: anchorText ? anchorText.slice(0, 200) : null });
    await recordAudit({ actorId: user.id, action: parentId ? "story.note.reply" : "story.note.add", entityType: "Article", entityId: story.id, details: { noteId: created.id }, ip }, tx);
    return created;
  });
}

/** Loads a note on a story the user may see; NotFoundError otherwise. */
async function noteFor(tx: Tx, user: SessionUser, id: string) {
  const note = await tx.storyComment.findFirst({ where: { id, article: { AND: [{ deletedAt: null }, visibleWhere(user)] } }, select: { id: true, articleId: true, authorId: true, parentId: true, resolvedAt: true } });
  if (!note) throw new NotFoundError("That note no longer exists, or you cannot see it.");
  return note;
}

/** Changes the text of the user's own note. */
export async function editNote(input: { id: string; body: string }): Promise<void> {
  const user = await requireUser();
  const ip = await requestAddress().catch(() => null);
  await transaction(async (tx) => {
    const note = await noteFor(tx, user, input.id);
    if (note.authorId !== user.id) throw refusal(user, "story.note.edit", { entityType: "StoryComment", entityId: note.id }, "Only the person who wrote a note can change it.");
    await tx.storyComment.update({ where: { id: note.id }, data: { body: input.body } });
    await recordAudit({ actorId: user.id, action: "story.note.edit", entityType: "Article", entityId: note.articleId, details: { noteId: note.id }, ip }, tx);
  });
}

/** Deletes the user's own note (and the replies under it). */
export async function deleteNote(input: { id: string }): Promise<void> {
  const user = await requireUser();
  const ip = await requestAddress().catch(() => null);
  await transaction(async (tx) => {
    const note = await noteFor(tx, user, input.id);
    if (note.authorId !== user.id) throw refusal(user, "story.note.delete", { entityType: "StoryComment", entityId: note.id }, "Only the person who wrote a note can delete it.");
    await tx.storyComment.deleteMany({ where: { OR: [{ id: note.id }, { parentId: note.id }] } });
    await recordAudit({ actorId: user.id, action: "story.note.delete", entityType: "Article", entityId: note.articleId, details: { noteId: note.id }, ip }, tx);
  });
}

/** Resolves or reopens a note: editors and admins any, writers on stories they may edit. */
export async function setNoteResolved(input: { id: string; resolved: boolean }): Promise<void> {
  const user = await requireUser();
  const ip = await requestAddress().catch(() => null);
  await transaction(async (tx) => {
    const note = await noteFor(tx, user, input.id);
    if (note.parentId) throw new ValidationError("Resolve the note this reply answers.");
    const story = await storyFor(tx, user, note.articleId);
    if (!mayResolve(user, story.editable)) throw refusal(user, "story.note.resolve", { entityType: "StoryComment", entityId: note.id }, "Only someone who may edit this story can resolve its notes.");
    if (!!note.resolvedAt === input.resolved) return;
    await tx.storyComment.update({ where: { id: note.id }, data: input.resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null } });
    await recordAudit({ actorId: user.id, action: input.resolved ? "story.note.resolve" : "story.note.reopen", entityType: "Article", entityId: note.articleId, details: { noteId: note.id }, ip }, tx);
  });
}

/** History entries for the notes on a story (the caller has already checked the story is visible). */
export async function noteEventsFor(articleId: string): Promise<{ at: Date; kind: "note" | "reply" | "resolved"; who: string; body: string }[]> {
  const notes = await listStoryComments(articleId);
  return notes.flatMap((note) => [
    { at: note.createdAt, kind: "note" as const, who: note.authorName, body: note.anchorText ? `${note.body} (on “${note.anchorText}”)` : note.body },
    ...note.replies.map((reply) => ({ at: reply.createdAt, kind: "reply" as const, who: reply.authorName, body: reply.body })),
    ...(note.resolvedAt ? [{ at: note.resolvedAt, kind: "resolved" as const, who: note.resolvedByName ?? "Someone", body: note.body }] : []),
  ]);
}
