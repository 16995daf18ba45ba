import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { fieldChanges, sideBySide, type DiffRow, type FieldChange } from "@/lib/content/revision-diff";
import type { StoryFields } from "@/lib/validation/stories";
import { NotFoundError, ValidationError } from "./errors";
import { requirePermission, requireUser } from "./session";
import { transaction } from "./transaction";
import { editableWhere, storySelect, visibleWhere, type StoryRow, type StorySnapshot } from "./stories";
import { afterStoryWrite, personActor, writeStory } from "./story-writer";

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
  embargoUntil: "Embargo until",
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
      embargoUntil: snap.embargoUntil ? `${snap.embargoUntil.slice(0, 16).replace("T", " ")} UTC` : null,
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

type RevisionContent = { headline: string; standfirst: string; body: string; snapshot: unknown };
type LookupClient = Pick<Prisma.TransactionClient, "byline" | "section" | "media">;

/**
 * A revision's fields as they would be written now onto `current`: sections, bylines and images deleted since are
 * left out; the breaking flag and lead pin stay as they are (they are about now, not about that version).
 */
async function fieldsFromRevision(client: LookupClient, current: StoryRow, revision: RevisionContent): Promise<StoryFields> {
  const snap = (revision.snapshot ?? {}) as Partial<StorySnapshot>;
  const [bylines, section, hero] = await Promise.all([
    client.byline.findMany({ where: { id: { in: snap.bylineIds ?? [] } }, select: { id: true } }),
    snap.sectionId ? client.section.findUnique({ where: { id: snap.sectionId }, select: { id: true } }) : null,
    snap.heroMediaId ? client.media.findUnique({ where: { id: snap.heroMediaId }, select: { id: true } }) : null,
  ]);
  const existing = new Set(bylines.map((b) => b.id));
  return {
    headline: revision.headline,
    standfirst: revision.standfirst,
    body: revision.body,
    slug: snap.slug ?? current.slug,
    sectionId: section?.id ?? null,
    tags: snap.tags ?? [],
    bylineIds: (snap.bylineIds ?? []).filter((id) => existing.has(id)),
    heroMediaId: hero?.id ?? null,
    seoTitle: snap.seoTitle ?? null,
    seoDescription: snap.seoDescription ?? null,
    breaking: current.breaking,
    breakingUntil: current.breakingUntil,
    featured: current.featured,
    // Nor does a restore move or lift an embargo: going back to a version from before it must not free the story.
    embargoUntil: current.embargoUntil,
  };
}

const revisionSelect = { headline: true, standfirst: true, body: true, snapshot: true, version: true, createdAt: true } as const;

/** Why a restore does not write a live story directly, and what to do instead. */
export const LIVE_RESTORE_REFUSAL = "This story is live. Restore loads the old version into the editor; it reaches readers only when you choose “Update live story”.";

/**
 * Restores a revision's content as a new revision (nothing in the history is lost or rewritten), in one step, on a
 * story that is not live. A live story is refused: there the revision is loaded into the editor
 * (getRevisionForEditor) and goes out only through "Update live story", with the publish checks and a confirmation,
 * keeping the current address unless the editor changes it. A scheduled story must still pass the publish checks.
 */
export async function restoreRevision(input: { id: string; revisionId: string; baseVersion: number }): Promise<{ version: number }> {
  const user = await requirePermission("article.restoreRevision", { entityType: "Article", entityId: input.id });
  const written = await transaction(async (tx) => {
    const revision = await tx.revision.findFirst({ where: { id: input.revisionId, articleId: input.id }, select: revisionSelect });
    return writeStory(tx, personActor(user), {
      id: input.id,
      baseVersion: input.baseVersion,
      access: { action: "article.restoreRevision", where: editableWhere(user) },
      check: (before) => {
        if (before.status === ArticleStatus.PUBLISHED) throw new ValidationError(LIVE_RESTORE_REFUSAL);
        if (!revision) throw new NotFoundError("That revision does not belong to this story.");
      },
      fields: (before) => fieldsFromRevision(tx, before, revision!),
      // A scheduled story goes to readers by itself: what it would publish must pass the publish checks.
      readyForReaders: (before) => (before.status === ArticleStatus.SCHEDULED ? `Not restored: this story is scheduled to go live, and version ${revision?.version} is not ready for readers.` : undefined),
      revision: `Restored version ${revision?.version} (${revision?.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
      audit: { action: "article.revision.restore", details: { revisionId: input.revisionId, version: revision?.version ?? null } },
    });
  });
  await afterStoryWrite(written);
  return { version: written.after.version };
}

export interface RevisionForEditor {
  revisionId: string;
  version: number;
  createdAt: Date;
  /** The revision's fields as they would be written now; `slug` is the revision's own address. */
  fields: StoryFields;
}

/** An old version of a story that this user may restore, to load into the editor (a live story's restore). */
export async function getRevisionForEditor(articleId: string, revisionId: string): Promise<RevisionForEditor | null> {
  const user = await requirePermission("article.restoreRevision", { entityType: "Article", entityId: articleId });
  const db = getDb();
  const story = await db.article.findFirst({ where: { AND: [{ id: articleId }, editableWhere(user)] }, select: storySelect });
  if (!story) return null;
  const revision = await db.revision.findFirst({ where: { id: revisionId, articleId }, select: revisionSelect });
  if (!revision) return null;
  return { revisionId, version: revision.version, createdAt: revision.createdAt, fields: await fieldsFromRevision(db, story, revision) };
}
