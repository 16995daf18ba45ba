import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { allowedTransitions, can, type Status } from "@/lib/auth/permissions";
import type { ArticleChange } from "@/lib/cache/tags";
import { parseStory } from "@/lib/content/parse-story";
import { publishProblems } from "@/lib/content/publish-checks";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";
import { loadArticlePage, type ArticlePageData } from "./articles";
import { ConflictError, ValidationError } from "./errors";
import { mediaAltProblem } from "./media";
import { requirePermission, requireUser, type SessionUser } from "./session";
import { transaction } from "./transaction";
import { afterStoryWrite, insertStory, loadStoryForWrite, personActor, writeStory } from "./story-writer";

type Tx = Prisma.TransactionClient;

/** Which stories a user may see in the newsroom: editors every story, writers the ones they created. */
export function visibleWhere(user: SessionUser): Prisma.ArticleWhereInput {
  return can(user.role, "article.viewAny") ? {} : { createdById: user.id };
}

/** Which stories a user may edit: editors any, writers only their own drafts. Ownership is part of the query. */
export function editableWhere(user: SessionUser): Prisma.ArticleWhereInput {
  return can(user.role, "article.editAny") ? {} : { createdById: user.id, status: ArticleStatus.DRAFT };
}

export const storySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  status: true,
  version: true,
  publishedAt: true,
  scheduledAt: true,
  substantiveUpdatedAt: true,
  breaking: true,
  breakingUntil: true,
  featured: true,
  embargoUntil: true,
  workType: true,
  dateline: true,
  sectionId: true,
  heroMediaId: true,
  seoTitle: true,
  seoDescription: true,
  createdById: true,
  lastEditedById: true,
  updatedAt: true,
  section: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
  bylines: { select: { bylineId: true, byline: { select: { slug: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.ArticleSelect;

export type StoryRow = Prisma.ArticleGetPayload<{ select: typeof storySelect }>;

/** The fields a revision snapshot keeps beyond headline, standfirst and body. */
export interface StorySnapshot {
  slug: string;
  sectionId: string | null;
  tags: string[];
  bylineIds: string[];
  heroMediaId: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  breaking: boolean;
  breakingUntil: string | null;
  featured: boolean;
  /** Missing in snapshots taken before embargoes existed. */
  embargoUntil?: string | null;
}

export function fieldsOf(row: StoryRow): StoryFields {
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    body: row.body,
    slug: row.slug,
    sectionId: row.sectionId,
    tags: row.tags.map((t) => t.tag.name),
    bylineIds: row.bylines.map((b) => b.bylineId),
    heroMediaId: row.heroMediaId,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    breaking: row.breaking,
    breakingUntil: row.breakingUntil,
    featured: row.featured,
    embargoUntil: row.embargoUntil,
    workType: row.workType,
    dateline: row.dateline,
  };
}

export function snapshotOf(fields: StoryFields): StorySnapshot {
  return {
    slug: fields.slug,
    sectionId: fields.sectionId ?? null,
    tags: fields.tags,
    bylineIds: fields.bylineIds,
    heroMediaId: fields.heroMediaId ?? null,
    seoTitle: fields.seoTitle ?? null,
    seoDescription: fields.seoDescription ?? null,
    breaking: fields.breaking,
    breakingUntil: fields.breakingUntil ? fields.breakingUntil.toISOString() : null,
    featured: fields.featured,
    embargoUntil: fields.embargoUntil ? fields.embargoUntil.toISOString() : null,
  };
}

/**
 * Whether a write may have moved the story between lists or within one: its status, address, time, section, tags,
 * bylines or flags. A change of words only (headline, standfirst, body, image, notes) is not one.
 */
function movesInLists(row: StoryRow, previous: StoryRow): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return !(
    row.status === previous.status &&
    row.slug === previous.slug &&
    same(row.publishedAt, previous.publishedAt) &&
    row.sectionId === previous.sectionId &&
    row.featured === previous.featured &&
    row.breaking === previous.breaking &&
    same(row.breakingUntil, previous.breakingUntil) &&
    same(row.tags.map((t) => t.tag.slug), previous.tags.map((t) => t.tag.slug)) &&
    same(row.bylines.map((b) => b.bylineId), previous.bylines.map((b) => b.bylineId))
  );
}

export function changeOf(row: StoryRow, previous?: StoryRow): ArticleChange {
  const rows = previous ? [previous, row] : [row];
  return {
    id: row.id,
    // Without the state before, assume the lists changed (the safe side).
    listed: previous ? movesInLists(row, previous) : true,
    breaking: rows.some((r) => r.breaking),
    slug: row.slug,
    previousSlug: previous && previous.slug !== row.slug ? previous.slug : null,
    sectionSlugs: [...new Set(rows.flatMap((r) => (r.section ? [r.section.slug] : [])))],
    tagSlugs: [...new Set(rows.flatMap((r) => r.tags.map((t) => t.tag.slug)))],
    bylineSlugs: [...new Set(rows.flatMap((r) => r.bylines.map((b) => b.byline.slug)))],
  };
}

/**
 * Loads a story for a write by this user (lib/dal/story-writer.ts). A story that does not exist or is in the trash is
 * NotFoundError; one that exists but that the user may not touch is refused and logged (guessing ids gets nowhere and
 * leaves a trace).
 */
export function loadForWrite(tx: Tx, user: SessionUser, id: string, action: string, where: Prisma.ArticleWhereInput): Promise<StoryRow> {
  return loadStoryForWrite(tx, personActor(user), id, { action, where });
}

/** The refusal for a save or step that started from an older version: who saved the stored one, and when. */
export async function conflictError(tx: Tx, articleId: string): Promise<ConflictError> {
  const latest = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true, updatedAt: true, lastEditedById: true } });
  const editor = latest.lastEditedById ? await tx.user.findUnique({ where: { id: latest.lastEditedById }, select: { name: true } }) : null;
  return new ConflictError({ currentVersion: latest.version, savedBy: editor?.name ?? null, savedAt: latest.updatedAt });
}

export async function recordRevision(tx: Tx, user: { id: string } | null, row: StoryRow, reason: string): Promise<void> {
  await tx.revision.create({
    data: {
      articleId: row.id,
      version: row.version,
      reason,
      headline: row.headline,
      standfirst: row.standfirst,
      body: row.body,
      status: row.status,
      snapshot: snapshotOf(fieldsOf(row)) as unknown as Prisma.InputJsonValue,
      authorId: user?.id ?? null,
    },
  });
}

/** What goes to readers must pass the publish step's checks, whichever way it gets there (update, restore, schedule). */
export async function assertReadyForReaders(tx: Tx, fields: StoryFields, message = "Not updated: the story would not be ready for readers."): Promise<void> {
  const heroProblem = await mediaAltProblem(fields.heroMediaId ?? null, tx);
  const problems = publishProblems({ headline: fields.headline, body: fields.body, bylineCount: new Set(fields.bylineIds).size, heroProblem });
  if (Object.keys(problems).length) throw new ValidationError(message, problems);
}

export interface SaveResult {
  version: number;
  slug: string;
  savedAt: Date;
  status: Status;
}

/**
 * Saves the editor's fields. Autosaves keep no revision; a manual save records one. A save against a newer version
 * is refused with who saved and when (ConflictError). A live story's changes go to readers at once, and only a
 * save marked substantive moves its public "Updated" time.
 */
export async function saveStory(input: { id: string; baseVersion: number; fields: StoryFields; mode: "autosave" | "manual"; substantive?: boolean; restoredFrom?: string | null }): Promise<SaveResult> {
  const user = await requirePermission("article.editOwnDraft");
  const manual = input.mode === "manual";
  const written = await transaction(async (tx) => {
    // An old version loaded into the editor of a live story (see restoreRevision) is named in the history.
    const restored = input.restoredFrom ? await tx.revision.findFirst({ where: { id: input.restoredFrom, articleId: input.id }, select: { version: true } }) : null;
    const isLive = (row: StoryRow) => row.status === ArticleStatus.PUBLISHED;
    return writeStory(tx, personActor(user), {
      id: input.id,
      baseVersion: input.baseVersion,
      access: { action: "article.edit", where: editableWhere(user) },
      fields: input.fields,
      set: (before) => (isLive(before) && input.substantive ? { substantiveUpdatedAt: new Date() } : {}),
      // Autosaves keep no revision and no audit line; a manual save records both.
      revision: manual
        ? (_after, before) => (isLive(before) ? `${restored ? `Restored version ${restored.version} to the live story` : "Updated the live story"}${input.substantive ? " (substantive)" : ""}` : "Saved")
        : null,
      audit: manual
        ? (after, before) => ({ action: isLive(before) ? "article.update.live" : "article.save", details: { version: after.version, substantive: !!input.substantive, ...(restored && { restoredVersion: restored.version }) } })
        : null,
    });
  });
  await afterStoryWrite(written);
  const { after } = written;
  return { version: after.version, slug: after.slug, savedAt: after.updatedAt, status: after.status };
}

/** Starts a new draft owned by the signed-in user, with their byline when they have one (lib/dal/story-writer.ts insertStory). */
export async function createStory(input: { headline: string; standfirst?: string; body?: string; tags?: string[]; sectionSlug?: string | null; reason?: string; embargoUntil?: Date | null }): Promise<{ id: string }> {
  const user = await requirePermission("article.create");
  return transaction((tx) => insertStory(tx, personActor(user), input));
}

/**
 * Import: a raw story (text like the source document) becomes a structured draft through the same parser the
 * seed uses. A text the parser cannot read is refused with its reason, and nothing is created.
 */
export async function importStory(raw: string): Promise<{ id: string }> {
  await requirePermission("article.create");
  let story;
  try {
    story = parseStory(raw);
  } catch (error) {
    throw new ValidationError("That text could not be read as a story.", { raw: [(error as Error).message] });
  }
  // An imported story meets the same limits as a saved one (length, nesting depth).
  const checked = storyFieldsSchema.pick({ headline: true, standfirst: true, body: true }).safeParse(story);
  if (!checked.success) throw new ValidationError("That story cannot be imported as it is.", { raw: checked.error.issues.map((issue) => issue.message) });
  return createStory({
    headline: checked.data.headline,
    standfirst: checked.data.standfirst,
    body: checked.data.body,
    tags: [],
    reason: "Imported from pasted text",
  });
}

export interface EditorStory {
  id: string;
  fields: StoryFields;
  status: Status;
  version: number;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  substantiveUpdatedAt: Date | null;
  updatedAt: Date;
  lastEditedBy: string | null;
  createdBy: string | null;
  own: boolean;
  canEdit: boolean;
  transitions: Status[];
  can: { setBreaking: boolean; setLead: boolean; addCorrection: boolean; restore: boolean; schedule: boolean; embargo: boolean };
  corrections: { id: string; kind: "CORRECTION" | "UPDATE"; body: string; publishedAt: Date }[];
  scheduledUpdates: { id: string; runAt: Date; substantive: boolean; appliedAt: Date | null; failure: string | null }[];
}

/** Everything the editor page needs for one story, or null when it does not exist or the user may not see it. */
export async function getStoryForEdit(id: string): Promise<EditorStory | null> {
  const user = await requireUser();
  const db = getDb();
  const row = await db.article.findFirst({ where: { AND: [{ id }, visibleWhere(user)] }, select: storySelect });
  if (!row) return null;
  const [editable, people, corrections, scheduledUpdates] = await Promise.all([
    db.article.count({ where: { AND: [{ id }, editableWhere(user)] } }),
    db.user.findMany({ where: { id: { in: [row.createdById, row.lastEditedById].filter((v): v is string => !!v) } }, select: { id: true, name: true } }),
    db.correction.findMany({ where: { articleId: id }, orderBy: { publishedAt: "asc" }, select: { id: true, kind: true, body: true, publishedAt: true } }),
    db.scheduledUpdate.findMany({ where: { articleId: id }, orderBy: { runAt: "desc" }, take: 10, select: { id: true, runAt: true, substantive: true, appliedAt: true, failure: true } }),
  ]);
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
  const own = row.createdById === user.id;
  return {
    id: row.id,
    fields: fieldsOf(row),
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    substantiveUpdatedAt: row.substantiveUpdatedAt,
    updatedAt: row.updatedAt,
    lastEditedBy: nameOf(row.lastEditedById),
    createdBy: nameOf(row.createdById),
    own,
    canEdit: editable === 1 && !user.mustEnrolTwoFactor,
    transitions: allowedTransitions(user.role, row.status, { own }),
    can: {
      setBreaking: can(user.role, "article.setBreaking"),
      setLead: can(user.role, "article.setLead"),
      addCorrection: can(user.role, "article.addCorrection"),
      restore: can(user.role, "article.restoreRevision"),
      schedule: can(user.role, "article.schedule"),
      // Who may publish may set or lift an embargo (lib/dal/story-writer.ts checks it on every write).
      embargo: can(user.role, "article.publish"),
    },
    corrections,
    scheduledUpdates,
  };
}

export interface EditorChoices {
  sections: { id: string; name: string }[];
  bylines: { id: string; name: string }[];
  tags: string[];
  images: { id: string; url: string; alt: string; name: string }[];
}

/** The lists the editor offers: sections, bylines and existing tag names. */
export async function getEditorChoices(): Promise<EditorChoices> {
  await requireUser();
  const db = getDb();
  const [sections, bylines, tags, images] = await Promise.all([
    db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.byline.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.tag.findMany({ orderBy: { name: "asc" }, select: { name: true }, take: 500 }),
    db.media.findMany({ orderBy: { createdAt: "desc" }, take: 60, select: { id: true, storageKey: true, alt: true, originalName: true } }),
  ]);
  return {
    sections,
    bylines,
    tags: tags.map((t) => t.name),
    images: images.map((m) => ({ id: m.id, url: `/media/${m.storageKey}`, alt: m.alt, name: m.originalName })),
  };
}


/**
 * The story exactly as readers would see it, including unsaved-to-readers states (draft, review, scheduled), for
 * signed-in staff who may see the story. Never cached.
 */
export async function getStoryPreview(id: string): Promise<ArticlePageData | null> {
  const user = await requireUser();
  return loadArticlePage({ AND: [{ id }, visibleWhere(user)] });
}
