import "server-only";
import { ArticleStatus, getDb } from "@/lib/db";
import { invalidateArticle } from "@/lib/cache/invalidate";
import { fieldChanges, sideBySide, type DiffRow, type FieldChange } from "@/lib/content/revision-diff";
import type { StoryFields } from "@/lib/validation/stories";
import { recordAudit } from "./audit";
import { NotFoundError } from "./errors";
import { requirePermission, requireUser } from "./session";
import { transaction } from "./transaction";
import { changeOf, editableWhere, loadForWrite, recordRevision, visibleWhere, writeFields, type StorySnapshot } from "./stories";

export interface RevisionSummary {
  id: string;
  version: number;
  reason: string;
  status: string;
  author: string | null;
  createdAt: Date;
}

/** A story's history, newest first, for anyone who may see the story. */
export async function listRevisions(articleId: string): Promise<{ headline: string; revisions: RevisionSummary[] } | null> {
  const user = await requireUser();
  const db = getDb();
  const story = await db.article.findFirst({ where: { AND: [{ id: articleId }, visibleWhere(user)] }, select: { headline: true } });
  if (!story) return null;
  const rows = await db.revision.findMany({
    where: { articleId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    take: 200,
    select: { id: true, version: true, reason: true, status: true, createdAt: true, author: { select: { name: true } } },
  });
  return { headline: story.headline, revisions: rows.map(({ author, ...rest }) => ({ ...rest, author: author?.name ?? null })) };
}

const FIELD_LABELS = {
  headline: "Headline",
  standfirst: "Standfirst",
  status: "Status",
  slug: "Slug",
  section: "Section",
  tags: "Tags",
  bylines: "Bylines",
  heroMediaId: "Hero image",
  seoTitle: "SEO title",
  seoDescription: "SEO description",
  breaking: "Breaking",
  featured: "Lead pin",
};

export interface RevisionComparison {
  headline: string;
  left: RevisionSummary;
  right: RevisionSummary;
  fields: FieldChange[];
  body: DiffRow[];
}

/** Two revisions of one story side by side: field changes and a line-and-word diff of the body. */
export async function compareRevisions(articleId: string, leftId: string, rightId: string): Promise<RevisionComparison | null> {
  const user = await requireUser();
  const db = getDb();
  const story = await db.article.findFirst({ where: { AND: [{ id: articleId }, visibleWhere(user)] }, select: { headline: true } });
  if (!story) return null;
  const rows = await db.revision.findMany({
    where: { articleId, id: { in: [leftId, rightId] } },
    select: { id: true, version: true, reason: true, status: true, createdAt: true, headline: true, standfirst: true, body: true, snapshot: true, author: { select: { name: true } } },
  });
  const left = rows.find((r) => r.id === leftId);
  const right = rows.find((r) => r.id === rightId);
  if (!left || !right) return null;
  const [sections, bylines] = await Promise.all([db.section.findMany({ select: { id: true, name: true } }), db.byline.findMany({ select: { id: true, name: true } })]);
  const readable = (row: typeof left) => {
    const snap = (row.snapshot ?? {}) as Partial<StorySnapshot>;
    return {
      headline: row.headline,
      standfirst: row.standfirst,
      status: row.status,
      slug: snap.slug,
      section: sections.find((s) => s.id === snap.sectionId)?.name ?? null,
      tags: snap.tags,
      bylines: (snap.bylineIds ?? []).map((id) => bylines.find((b) => b.id === id)?.name ?? "(deleted byline)"),
      heroMediaId: snap.heroMediaId,
      seoTitle: snap.seoTitle,
      seoDescription: snap.seoDescription,
      breaking: snap.breaking ? "Yes" : "No",
      featured: snap.featured ? "Yes" : "No",
    };
  };
  const summary = (row: typeof left): RevisionSummary => ({ id: row.id, version: row.version, reason: row.reason, status: row.status, createdAt: row.createdAt, author: row.author?.name ?? null });
  return {
    headline: story.headline,
    left: summary(left),
    right: summary(right),
    fields: fieldChanges(readable(left), readable(right), FIELD_LABELS),
    body: sideBySide(left.body, right.body),
  };
}

/**
 * Restores a revision's content as a new revision (nothing in the history is lost or rewritten). The status stays
 * as it is; on a live story the restored text goes to readers at once.
 */
export async function restoreRevision(input: { id: string; revisionId: string; baseVersion: number }): Promise<{ version: number }> {
  const user = await requirePermission("article.restoreRevision", { entityType: "Article", entityId: input.id });
  const { before, after } = await transaction(async (tx) => {
    const before = await loadForWrite(tx, user, input.id, "article.restoreRevision", editableWhere(user));
    const revision = await tx.revision.findFirst({ where: { id: input.revisionId, articleId: before.id }, select: { headline: true, standfirst: true, body: true, snapshot: true, version: true, createdAt: true } });
    if (!revision) throw new NotFoundError("That revision does not belong to this story.");
    const snap = (revision.snapshot ?? {}) as Partial<StorySnapshot>;
    const existing = new Set((await tx.byline.findMany({ where: { id: { in: snap.bylineIds ?? [] } }, select: { id: true } })).map((b) => b.id));
    const fields: StoryFields = {
      headline: revision.headline,
      standfirst: revision.standfirst,
      body: revision.body,
      slug: snap.slug ?? before.slug,
      sectionId: snap.sectionId && (await tx.section.findUnique({ where: { id: snap.sectionId }, select: { id: true } })) ? snap.sectionId : null,
      tags: snap.tags ?? [],
      bylineIds: (snap.bylineIds ?? []).filter((id) => existing.has(id)),
      heroMediaId: snap.heroMediaId && (await tx.media.findUnique({ where: { id: snap.heroMediaId }, select: { id: true } })) ? snap.heroMediaId : null,
      seoTitle: snap.seoTitle ?? null,
      seoDescription: snap.seoDescription ?? null,
      breaking: before.breaking,
      breakingUntil: before.breakingUntil,
      featured: before.featured,
    };
    const after = await writeFields(tx, user, before, input.baseVersion, fields);
    await recordRevision(tx, user, after, `Restored version ${revision.version} (${revision.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`);
    await recordAudit({ actorId: user.id, action: "article.revision.restore", entityType: "Article", entityId: after.id, details: { revisionId: input.revisionId, version: revision.version } }, tx);
    return { before, after };
  });
  if (before.status === ArticleStatus.PUBLISHED) invalidateArticle(changeOf(after, before));
  return { version: after.version };
}
