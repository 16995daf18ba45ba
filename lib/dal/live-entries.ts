import "server-only";
import { ArticleStatus, getDb, NoteKind, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { invalidateLiveCoverage } from "@/lib/cache/invalidate";
import { keepFor } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { renderArticleBody } from "@/lib/content/markdown";
import { announceLiveEntry } from "@/lib/distribution/events";
import { pokeJobRunner } from "@/lib/jobs/runner";
import type { LiveEntryFields } from "@/lib/validation/live";
import type { LinkRef, PublicNote } from "./articles";
import { recordAudit } from "./audit";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { publishedWhere } from "./published";
import { refusal, requirePermission, requireUser, type SessionUser } from "./session";
import { afterStoryWrite, personActor, writeCoverage, writeStory, type CoverageStep } from "./story-writer";
import { transaction } from "./transaction";

// Live coverage entries (#12 §1): timestamped posts under a live story, each with its own bylines, title, body, "key
// event" flag and pin. Posted, edited and deleted here only, each in one transaction with a revision and an audit
// line; then the coverage's page and its live endpoint (cache tag live:<id>) are expired, nothing else, so a busy
// coverage never expires the fronts. Permissions as for stories: editors anywhere; writers only on coverage they are
// bylined on, and only their own entries (both in the query).

type Tx = Prisma.TransactionClient;

export const ENDED_MESSAGE = "This coverage has ended: no more entries can be posted. An editor can reopen it.";
/** The river shows this many entries at most (newest first); older ones stay in the record. */
export const LIVE_RIVER_LIMIT = 300;
/** The live endpoint names this many newest entries, enough to count "N new updates" between two polls. */
export const LIVE_POLL_WINDOW = 50;

/** Which live stories this person may post to: editors any, writers those carrying their byline. */
function coverageWhere(user: SessionUser): Prisma.ArticleWhereInput {
  return can(user.role, "live.postAny") ? {} : { bylines: { some: { byline: { userId: user.id } } } };
}

/** Which entries this person may edit or delete: editors any, writers their own on coverage they are bylined on. */
function entryWhere(user: SessionUser): Prisma.LiveEntryWhereInput {
  return can(user.role, "live.postAny") ? {} : { createdById: user.id, article: coverageWhere(user) };
}

const entryRowSelect = { id: true, articleId: true, title: true, body: true, keyEvent: true, pinned: true, version: true, article: { select: { status: true } } } satisfies Prisma.LiveEntrySelect;
type EntryRow = Prisma.LiveEntryGetPayload<{ select: typeof entryRowSelect }>;

async function recordEntryRevision(tx: Tx, user: SessionUser, entry: Pick<EntryRow, "id" | "title" | "body" | "keyEvent" | "pinned" | "version">, action: "posted" | "edited" | "deleted"): Promise<void> {
  await tx.liveEntryRevision.create({ data: { entryId: entry.id, version: entry.version, title: entry.title, body: entry.body, keyEvent: entry.keyEvent, pinned: entry.pinned, action, authorId: user.id } });
}

/** The bylines an entry carries: the ones chosen (all must exist), else the poster's own, when they have one. */
async function entryBylines(tx: Tx, user: SessionUser, bylineIds: string[]): Promise<string[]> {
  const ids = [...new Set(bylineIds)];
  if (ids.length === 0) {
    const own = await tx.byline.findUnique({ where: { userId: user.id }, select: { id: true } });
    return own ? [own.id] : [];
  }
  if ((await tx.byline.count({ where: { id: { in: ids } } })) !== ids.length) throw new ValidationError("Check the highlighted fields.", { bylineIds: ["Choose bylines from the list."] });
  return ids;
}

/**
 * Runs inside the transaction that posts an entry, after the entry, its revision and audit line are written: the one
 * place for work that must happen exactly when an entry is posted (distribution's "live.entry.posted" event).
 */
async function onLiveEntryPosted(tx: Tx, posted: { entryId: string; articleId: string; actorId: string }): Promise<void> {
  const entry = await tx.liveEntry.findUniqueOrThrow({ where: { id: posted.entryId }, select: { id: true, title: true, body: true, keyEvent: true, publishedAt: true } });
  await announceLiveEntry(tx, posted.articleId, entry);
}

/** Posts an entry to a live coverage that is still open. */
export async function postLiveEntry(input: { articleId: string; fields: LiveEntryFields }, now: Date = new Date()): Promise<{ id: string; version: number }> {
  const user = await requirePermission("live.postOwn", { entityType: "Article", entityId: input.articleId });
  const posted = await transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: input.articleId, deletedAt: null }, coverageWhere(user)] },
      select: { id: true, status: true, liveCoverage: true, coverageEndedAt: true },
    });
    if (!article) {
      const exists = await tx.article.findFirst({ where: { id: input.articleId, deletedAt: null }, select: { id: true } });
      if (!exists) throw new NotFoundError();
      throw refusal(user, "live.post", { entityType: "Article", entityId: input.articleId }, "You can post only to live coverage you are bylined on.");
    }
    if (!article.liveCoverage) throw new ValidationError("This story is not a live coverage. Switch on “Live coverage” first.");
    if (article.coverageEndedAt) throw new ValidationError(ENDED_MESSAGE, { body: [ENDED_MESSAGE] });
    const bylineIds = await entryBylines(tx, user, input.fields.bylineIds);
    const entry = await tx.liveEntry.create({
      data: {
        articleId: article.id,
        title: input.fields.title,
        body: input.fields.body,
        keyEvent: input.fields.keyEvent,
        pinned: input.fields.pinned,
        publishedAt: now,
        createdById: user.id,
        bylines: { create: bylineIds.map((bylineId, position) => ({ bylineId, position })) },
      },
      select: entryRowSelect,
    });
    // One pinned entry per coverage: pinning this one unpins the others.
    if (entry.pinned) await tx.liveEntry.updateMany({ where: { articleId: article.id, pinned: true, id: { not: entry.id } }, data: { pinned: false } });
    await recordEntryRevision(tx, user, entry, "posted");
    await recordAudit({ actorId: user.id, action: "live.entry.post", entityType: "LiveEntry", entityId: entry.id, details: { articleId: article.id, title: entry.title } }, tx);
    await onLiveEntryPosted(tx, { entryId: entry.id, articleId: article.id, actorId: user.id });
    return { entry, live: article.status === ArticleStatus.PUBLISHED };
  });
  if (posted.live) await invalidateLiveCoverage(posted.entry.articleId);
  // The live.entry.posted deliveries were queued in the transaction: send them now, not at the runner's next look.
  pokeJobRunner();
  return { id: posted.entry.id, version: posted.entry.version };
}

/** Loads an entry for an edit or delete by this person: missing is NotFoundError, someone else's is refused and logged. */
async function loadEntryForWrite(tx: Tx, user: SessionUser, entryId: string, action: string): Promise<EntryRow> {
  const live = { deletedAt: null, article: { deletedAt: null } } satisfies Prisma.LiveEntryWhereInput;
  const entry = await tx.liveEntry.findFirst({ where: { AND: [{ id: entryId, ...live }, entryWhere(user)] }, select: entryRowSelect });
  if (entry) return entry;
  if (!(await tx.liveEntry.findFirst({ where: { id: entryId, ...live }, select: { id: true } }))) throw new NotFoundError("That entry does not exist, or it was deleted.");
  throw refusal(user, action, { entityType: "LiveEntry", entityId: entryId }, "You can change only your own entries on coverage you are bylined on.");
}

async function entryConflict(tx: Tx, entryId: string): Promise<ConflictError> {
  const latest = await tx.liveEntry.findUniqueOrThrow({ where: { id: entryId }, select: { version: true, updatedAt: true, revisions: { orderBy: { version: "desc" }, take: 1, select: { author: { select: { name: true } } } } } });
  return new ConflictError({ currentVersion: latest.version, savedBy: latest.revisions[0]?.author?.name ?? null, savedAt: latest.updatedAt });
}

/** Edits an entry (shown to readers as "Updated HH:MM"); refused when someone saved it since `baseVersion`. */
export async function updateLiveEntry(input: { entryId: string; baseVersion: number; fields: LiveEntryFields }, now: Date = new Date()): Promise<{ version: number }> {
  const user = await requirePermission("live.postOwn", { entityType: "LiveEntry", entityId: input.entryId });
  const written = await transaction(async (tx) => {
    const entry = await loadEntryForWrite(tx, user, input.entryId, "live.edit");
    const bylineIds = await entryBylines(tx, user, input.fields.bylineIds);
    const { title, body, keyEvent, pinned } = input.fields;
    const { count } = await tx.liveEntry.updateMany({ where: { id: entry.id, version: input.baseVersion, deletedAt: null }, data: { title, body, keyEvent, pinned, editedAt: now, version: { increment: 1 } } });
    if (count === 0) throw await entryConflict(tx, entry.id);
    await tx.liveEntryByline.deleteMany({ where: { entryId: entry.id } });
    await tx.liveEntryByline.createMany({ data: bylineIds.map((bylineId, position) => ({ entryId: entry.id, bylineId, position })) });
    if (pinned) await tx.liveEntry.updateMany({ where: { articleId: entry.articleId, pinned: true, id: { not: entry.id } }, data: { pinned: false } });
    const after = await tx.liveEntry.findUniqueOrThrow({ where: { id: entry.id }, select: entryRowSelect });
    await recordEntryRevision(tx, user, after, "edited");
    await recordAudit({ actorId: user.id, action: "live.entry.edit", entityType: "LiveEntry", entityId: entry.id, details: { articleId: entry.articleId, version: after.version } }, tx);
    return after;
  });
  if (written.article.status === ArticleStatus.PUBLISHED) await invalidateLiveCoverage(written.articleId);
  return { version: written.version };
}

/** Deletes an entry: never shown again, kept with its revisions for the record. */
export async function deleteLiveEntry(input: { entryId: string; baseVersion: number }, now: Date = new Date()): Promise<void> {
  const user = await requirePermission("live.postOwn", { entityType: "LiveEntry", entityId: input.entryId });
  const deleted = await transaction(async (tx) => {
    const entry = await loadEntryForWrite(tx, user, input.entryId, "live.delete");
    const { count } = await tx.liveEntry.updateMany({ where: { id: entry.id, version: input.baseVersion, deletedAt: null }, data: { deletedAt: now, pinned: false, version: { increment: 1 } } });
    if (count === 0) throw await entryConflict(tx, entry.id);
    await recordEntryRevision(tx, user, { ...entry, version: entry.version + 1 }, "deleted");
    await recordAudit({ actorId: user.id, action: "live.entry.delete", entityType: "LiveEntry", entityId: entry.id, details: { articleId: entry.articleId } }, tx);
    return entry;
  });
  if (deleted.article.status === ArticleStatus.PUBLISHED) await invalidateLiveCoverage(deleted.articleId);
}

/** A public correction or update note on one entry: shown on the entry, in the story's notes and on /corrections. */
export async function addLiveEntryCorrection(input: { entryId: string; kind: "CORRECTION" | "UPDATE"; body: string }, now: Date = new Date()): Promise<void> {
  const user = await requirePermission("article.addCorrection", { entityType: "LiveEntry", entityId: input.entryId });
  const written = await transaction(async (tx) => {
    const entry = await tx.liveEntry.findFirst({ where: { id: input.entryId, deletedAt: null }, select: { id: true, articleId: true } });
    if (!entry) throw new NotFoundError("That entry does not exist, or it was deleted.");
    // Through the story's write path: the note is the story's, so its audit line and cache change are too.
    const written = await writeStory(tx, personActor(user), {
      id: entry.articleId,
      baseVersion: "stored",
      access: { action: "article.addCorrection", where: {} },
      check: (before) => {
        if (before.status !== ArticleStatus.PUBLISHED) throw new ValidationError("Corrections are for published coverage; edit the entry instead.");
      },
      // Not an edit of the story's text: the version stays (an open editor is not voided); the row is touched.
      set: { updatedAt: now },
      bumpVersion: false,
      revision: null,
      audit: { action: `article.${input.kind === "UPDATE" ? "update-note" : "correction"}`, details: { body: input.body, entryId: entry.id } },
    });
    await tx.correction.create({ data: { articleId: entry.articleId, liveEntryId: entry.id, kind: input.kind === "UPDATE" ? NoteKind.UPDATE : NoteKind.CORRECTION, body: input.body, publishedAt: now, authorId: user.id } });
    return written;
  });
  await afterStoryWrite(written);
  await invalidateLiveCoverage(written.after.id, { notes: true });
}

/** Marks a story as live coverage (or not), or starts, ends or reopens its coverage (lib/dal/story-writer.ts). */
export async function changeCoverage(input: { articleId: string; step: CoverageStep }): Promise<void> {
  const flag = input.step === "enable" || input.step === "disable";
  const user = await requirePermission(flag ? "article.editOwnDraft" : "live.manageCoverage", { entityType: "Article", entityId: input.articleId });
  const where: Prisma.ArticleWhereInput = flag && !can(user.role, "article.editAny") ? { createdById: user.id, status: ArticleStatus.DRAFT } : {};
  const written = await transaction((tx) => writeCoverage(tx, personActor(user), { id: input.articleId, step: input.step, access: { action: `article.coverage.${input.step}`, where } }));
  await afterStoryWrite(written);
  if (written.after.status === ArticleStatus.PUBLISHED) await invalidateLiveCoverage(written.after.id);
}

// ── Readers ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface LiveEntryView {
  id: string;
  title: string;
  html: string;
  keyEvent: boolean;
  pinned: boolean;
  publishedAt: Date;
  editedAt: Date | null;
  bylines: LinkRef[];
  corrections: PublicNote[];
}

export interface LiveCoverageView {
  /** The coverage's start and end (null while open), read with the entries so both expire with live:<id>. */
  startedAt: Date | null;
  endedAt: Date | null;
  entries: LiveEntryView[];
  /** Changes whenever an entry is posted, edited or deleted: the live endpoint says it, the client compares. */
  stamp: string;
}

const readerEntrySelect = {
  id: true,
  title: true,
  body: true,
  keyEvent: true,
  pinned: true,
  publishedAt: true,
  editedAt: true,
  version: true,
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { slug: true, name: true } } } },
  corrections: { orderBy: { publishedAt: "asc" }, select: { kind: true, body: true, publishedAt: true } },
} satisfies Prisma.LiveEntrySelect;

function readerEntriesWhere(articleId: string, now: Date): Prisma.LiveEntryWhereInput {
  return { articleId, deletedAt: null, publishedAt: { lte: now }, article: { ...publishedWhere(now), liveCoverage: true, deletedAt: null } };
}

function stampOf(entries: { id: string; version: number }[], total: number): string {
  return `${total}:${entries.map((entry) => `${entry.id}.${entry.version}`).join(",")}`.slice(0, 2000);
}

/** The entries of a published live coverage, newest first, rendered for the page. Cached under live:<id> and story:<id>. */
export async function getLiveCoverage(articleId: string): Promise<LiveCoverageView> {
  "use cache";
  keepFor(TAGS.live(articleId), TAGS.story(articleId));
  const now = new Date();
  const [coverage, rows] = await Promise.all([
    getDb().article.findUnique({ where: { id: articleId }, select: { coverageStartedAt: true, coverageEndedAt: true } }),
    getDb().liveEntry.findMany({ where: readerEntriesWhere(articleId, now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: LIVE_RIVER_LIMIT, select: readerEntrySelect }),
  ]);
  const entries = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      title: row.title,
      html: (await renderArticleBody(row.body)).html,
      keyEvent: row.keyEvent,
      pinned: row.pinned,
      publishedAt: row.publishedAt,
      editedAt: row.editedAt,
      bylines: row.bylines.map((b) => b.byline),
      corrections: row.corrections,
    })),
  );
  return { startedAt: coverage?.coverageStartedAt ?? null, endedAt: coverage?.coverageEndedAt ?? null, entries, stamp: stampOf(rows.slice(0, LIVE_POLL_WINDOW), rows.length) };
}

export interface LiveUpdates {
  open: boolean;
  endedAt: string | null;
  /** The newest entries' ids and times, newest first. */
  latest: { id: string; at: string }[];
  stamp: string;
}

/** What the live endpoint answers for a published live coverage, or null (404). Cached like the page. */
export async function getLiveUpdates(articleId: string): Promise<LiveUpdates | null> {
  "use cache";
  keepFor(TAGS.live(articleId), TAGS.story(articleId));
  const now = new Date();
  const db = getDb();
  const article = await db.article.findFirst({ where: { ...publishedWhere(now), id: articleId, liveCoverage: true, deletedAt: null }, select: { coverageEndedAt: true } });
  if (!article) return null;
  const [total, rows] = await Promise.all([
    db.liveEntry.count({ where: readerEntriesWhere(articleId, now) }),
    db.liveEntry.findMany({ where: readerEntriesWhere(articleId, now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: LIVE_POLL_WINDOW, select: { id: true, version: true, publishedAt: true } }),
  ]);
  return {
    open: !article.coverageEndedAt,
    endedAt: article.coverageEndedAt?.toISOString() ?? null,
    latest: rows.map((row) => ({ id: row.id, at: row.publishedAt.toISOString() })),
    stamp: stampOf(rows, Math.min(total, LIVE_RIVER_LIMIT)),
  };
}

// ── The newsroom's live desk ────────────────────────────────────────────────────────────────────────────────────

export interface DeskEntry {
  id: string;
  version: number;
  title: string;
  body: string;
  keyEvent: boolean;
  pinned: boolean;
  publishedAt: Date;
  editedAt: Date | null;
  bylineIds: string[];
  bylineNames: string[];
  canEdit: boolean;
  corrections: { kind: "CORRECTION" | "UPDATE"; body: string; publishedAt: Date }[];
}

export interface LiveDesk {
  articleId: string;
  headline: string;
  /** Whether this person may open the story editor too (writers bylined on someone else's coverage use the desk alone). */
  canOpenEditor: boolean;
  status: string;
  liveCoverage: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  entries: DeskEntry[];
  /** The signed-in person's own byline (an entry's default), or null. */
  ownBylineId: string | null;
  can: { post: boolean; manage: boolean; toggle: boolean; correct: boolean };
}

/** The live desk for one story on its editor page, or null when this person may not see the story. */
export async function getLiveDesk(articleId: string): Promise<LiveDesk | null> {
  const user = await requireUser();
  const db = getDb();
  const editor = can(user.role, "article.editAny");
  const visible: Prisma.ArticleWhereInput = editor ? {} : { OR: [{ createdById: user.id }, coverageWhere(user)] };
  const article = await db.article.findFirst({
    where: { AND: [{ id: articleId, deletedAt: null }, visible] },
    select: { id: true, headline: true, status: true, createdById: true, liveCoverage: true, coverageStartedAt: true, coverageEndedAt: true },
  });
  if (!article) return null;
  const [mayPost, own, rows] = await Promise.all([
    db.article.count({ where: { AND: [{ id: articleId }, coverageWhere(user)] } }),
    db.byline.findUnique({ where: { userId: user.id }, select: { id: true } }),
    db.liveEntry.findMany({
      where: { articleId, deletedAt: null },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: LIVE_RIVER_LIMIT,
      select: {
        id: true,
        version: true,
        title: true,
        body: true,
        keyEvent: true,
        pinned: true,
        publishedAt: true,
        editedAt: true,
        createdById: true,
        bylines: { orderBy: { position: "asc" }, select: { bylineId: true, byline: { select: { name: true } } } },
        corrections: { orderBy: { publishedAt: "asc" }, select: { kind: true, body: true, publishedAt: true } },
      },
    }),
  ]);
  const posting = mayPost === 1 && !user.mustEnrolTwoFactor;
  return {
    articleId,
    headline: article.headline,
    canOpenEditor: editor || article.createdById === user.id,
    status: article.status,
    liveCoverage: article.liveCoverage,
    startedAt: article.coverageStartedAt,
    endedAt: article.coverageEndedAt,
    entries: rows.map((row) => ({
      id: row.id,
      version: row.version,
      title: row.title,
      body: row.body,
      keyEvent: row.keyEvent,
      pinned: row.pinned,
      publishedAt: row.publishedAt,
      editedAt: row.editedAt,
      bylineIds: row.bylines.map((b) => b.bylineId),
      bylineNames: row.bylines.map((b) => b.byline.name),
      canEdit: posting && (editor || row.createdById === user.id),
      corrections: row.corrections,
    })),
    ownBylineId: own?.id ?? null,
    can: {
      post: posting && article.liveCoverage && !article.coverageEndedAt,
      manage: can(user.role, "live.manageCoverage"),
      toggle: editor || (article.createdById === user.id && article.status === ArticleStatus.DRAFT),
      correct: can(user.role, "article.addCorrection") && article.status === ArticleStatus.PUBLISHED,
    },
  };
}
