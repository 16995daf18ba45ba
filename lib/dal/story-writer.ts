import "server-only";
import { ArticleStatus, type Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { invalidateArticle } from "@/lib/cache/invalidate";
import type { ArticleChange } from "@/lib/cache/tags";
import { toSlug } from "@/lib/content/slug";
import { notifyStoryEvent, type StoryEvent } from "@/lib/mail/notifications";
import { announce, storyEventOf } from "@/lib/distribution/events";
import { pokeJobRunner } from "@/lib/jobs/runner";
import { storyFieldsSchema, type StoryFields } from "@/lib/validation/stories";
import { firstFreeSlug, isSlugFree, replaceTagsAndBylines, tagIdsForNames } from "./article-relations";
import { recordAudit } from "./audit";
import { assertEmbargoAllows, embargoGuard } from "./embargo";
import { NotFoundError, ValidationError } from "./errors";
import { refusal, type SessionUser } from "./session";
import { assertReadyForReaders, changeOf, conflictError, fieldsOf, recordRevision, storySelect, type StoryRow } from "./stories";

// The one way a story's row changes (house rule 13). The editor's saves, workflow steps, reschedules, restores,
// imports' follow-up saves and the scheduler's publishes, updates and flag expiries all call writeStory inside their
// transaction, so each of them gets the same steps in the same order:
//   load (never a story in the trash; ownership in the query) → the caller's check → validation of the fields with
//   the editor's schema → the publish checks when the result is (or stays) live → the version check, made again by
//   the write itself (one conditional statement) → the write → a revision → an audit entry → the cache change.
// The search index follows the row by itself: database triggers keep it (prisma/*/migrations/*_search), so no
// writer can forget it. Cache invalidation runs after the commit: afterStoryWrite in a request, and the scheduler's
// loop (lib/publishing/scheduler.ts) expires the same tags (tagsForArticle of the same ArticleChange) for its writes.

type Tx = Prisma.TransactionClient;

/** Who writes: a signed-in person (permissions apply), or the scheduler acting on its own or for the person who scheduled the change. */
export type PersonActor = { kind: "person"; user: SessionUser };
export type StoryActor = PersonActor | { kind: "scheduler"; onBehalfOf: string | null };

export function personActor(user: SessionUser): PersonActor {
  return { kind: "person", user };
}

export const SCHEDULER: StoryActor = { kind: "scheduler", onBehalfOf: null };

function actorUserId(actor: StoryActor): string | null {
  return actor.kind === "person" ? actor.user.id : actor.onBehalfOf;
}

type Computed<T> = T | ((before: StoryRow) => T | Promise<T>);
type AuditLine = { action: string; details?: Prisma.InputJsonValue };

export interface StoryWrite {
  id: string;
  /** The version the writer started from. "stored" is for background work, whose claim is the row lock and `guard`. */
  baseVersion: number | "stored";
  /** Which stories this person may touch (ownership lives in the query), and the action named when refused. */
  access?: { action: string; where: Prisma.ArticleWhereInput };
  /** Runs on the stored story before anything is written (the step's permission, its state rules); throws to refuse. */
  check?: (before: StoryRow) => void | Promise<void>;
  /** New editable fields (validated with the editor's schema). Without them, only `set` changes. */
  fields?: Computed<StoryFields>;
  /** Status, times and other columns outside the editor's fields. */
  set?: Computed<Prisma.ArticleUncheckedUpdateManyInput>;
  /** What the stored row must still hold at the moment of the write (a claim): checked by the write statement itself. */
  guard?: Computed<Prisma.ArticleWhereInput>;
  /**
   * Run the publish checks on the result with this message. They also run, with the editor's message, whenever new
   * fields are written to a story that is live after the write: whoever writes, readers never get a story that fails them.
   */
  readyForReaders?: Computed<string | undefined>;
  /** The moment the write counts as happening, for the embargo rule (a step or scheduler pass with its own clock). */
  now?: Date;
  /** False for a change that is not an edit (a timed flag expiry): the version stays, so no open form is voided. */
  bumpVersion?: boolean;
  /** The history line, or null for no revision (autosave, flag expiry). */
  revision: string | null | ((after: StoryRow, before: StoryRow) => string | null);
  audit: AuditLine | null | ((after: StoryRow, before: StoryRow) => AuditLine | null);
}

export interface StoryWritten {
  before: StoryRow;
  after: StoryRow;
  /** What to expire: the same shape whoever wrote (lib/cache/tags.ts). */
  change: ArticleChange;
}

const resolve = <T>(value: Computed<T>, before: StoryRow): T | Promise<T> => (typeof value === "function" ? (value as (b: StoryRow) => T | Promise<T>)(before) : value);

/**
 * Loads a story for a write. Missing or in the trash is NotFoundError (404: a trashed story is restored from the
 * trash, not edited); one this person may not touch is refused and logged.
 */
export async function loadStoryForWrite(tx: Tx, actor: StoryActor, id: string, access?: StoryWrite["access"]): Promise<StoryRow> {
  const row = await tx.article.findFirst({ where: { AND: [{ id, deletedAt: null }, access?.where ?? {}] }, select: storySelect });
  if (row) return row;
  const exists = await tx.article.findUnique({ where: { id }, select: { deletedAt: true } });
  if (!exists || exists.deletedAt || actor.kind !== "person") throw new NotFoundError();
  throw refusal(actor.user, access?.action ?? "article.edit", { entityType: "Article", entityId: id }, "You cannot change this story.");
}

/** Stored fields checked with the same schema the editor's action uses (dates go back to the text it accepts). */
export function validateStoryFields(fields: StoryFields): StoryFields {
  const asText = (value: Date | string | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null));
  const parsed = storyFieldsSchema.safeParse({
    ...fields,
    breakingUntil: asText(fields.breakingUntil),
    // Absent stays absent: the stored embargo is then left as it is.
    ...(fields.embargoUntil !== undefined && { embargoUntil: asText(fields.embargoUntil) }),
  });
  if (parsed.success) return parsed.data;
  const problems: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.findLast((step) => typeof step === "string") ?? "form";
    (problems[name] ??= []).push(issue.message);
  }
  throw new ValidationError("Check the highlighted fields.", problems);
}

/**
 * Writes one story inside the caller's transaction, every step as described at the top of this module. Throws
 * NotFoundError, ForbiddenError, ValidationError, or ConflictError when the stored version or `guard` no longer
 * holds (background callers treat that as "someone else has it" and let it go).
 */
export async function writeStory(tx: Tx, actor: StoryActor, write: StoryWrite): Promise<StoryWritten> {
  const before = await loadStoryForWrite(tx, actor, write.id, write.access);
  await write.check?.(before);
  const fields = write.fields === undefined ? undefined : validateStoryFields(await resolve(write.fields, before));
  const set = write.set === undefined ? {} : await resolve(write.set, before);
  const liveAfter = (set.status ?? before.status) === ArticleStatus.PUBLISHED;
  const readyMessage = write.readyForReaders === undefined ? undefined : await resolve(write.readyForReaders, before);
  if (readyMessage !== undefined || (fields && liveAfter)) await assertReadyForReaders(tx, fields ?? fieldsOf(before), readyMessage);
  const embargo = await checkEmbargo(tx, before, fields, set, write.now ?? new Date());
  const baseVersion = write.baseVersion === "stored" ? before.version : write.baseVersion;
  if (before.version !== baseVersion) throw await conflictError(tx, before.id);

  const callerGuard = write.guard === undefined ? {} : await resolve(write.guard, before);
  const guard = embargo ? { AND: [callerGuard, embargo] } : callerGuard;
  const userId = actorUserId(actor);
  const bump = write.bumpVersion === false ? {} : { version: { increment: 1 } };
  if (fields) {
    await writeFields(tx, actor, before, baseVersion, fields, { ...set, ...bump }, guard);
  } else {
    const { count } = await tx.article.updateMany({
      where: { AND: [{ id: before.id, version: baseVersion }, guard] },
      data: { ...set, ...bump, ...(userId && write.bumpVersion !== false && { lastEditedById: userId }) },
    });
    if (count === 0) throw await conflictError(tx, before.id);
  }
  const after = await tx.article.findUniqueOrThrow({ where: { id: before.id }, select: storySelect });
  const reason = typeof write.revision === "function" ? write.revision(after, before) : write.revision;
  if (reason) await recordRevision(tx, userId ? { id: userId } : null, after, reason);
  const audit = typeof write.audit === "function" ? write.audit(after, before) : write.audit;
  if (audit) await recordAudit({ actorId: actor.kind === "person" ? actor.user.id : null, action: audit.action, entityType: "Article", entityId: after.id, details: audit.details }, tx);
  // A correction or update note is listed on the corrections page and feed (lib/dal/corrections.ts).
  const notes = audit?.action === "article.correction" || audit?.action === "article.update-note";
  // Distribution (#12 §4): the WebSub ping and webhook deliveries are queued in this transaction, sent by jobs.
  const event = storyEventOf(before, after, { trashed: set.deletedAt != null, noted: notes });
  if (event) await announce(tx, event, after.id);
  return { before, after, change: { ...changeOf(after, before), ...(notes && { notes }) } };
}

/**
 * Creates a draft (new story, import) inside the caller's transaction: the text checked with the editor's schema, a
 * unique slug, the creator's byline, a revision and an audit entry. Drafts are on no reader page: nothing to expire.
 */
export async function insertStory(
  tx: Tx,
  actor: PersonActor,
  input: { headline: string; standfirst?: string; body?: string; tags?: string[]; sectionSlug?: string | null; reason?: string; embargoUntil?: Date | null },
): Promise<{ id: string }> {
  const user = actor.user;
  // An import may arrive under embargo (wire copy): setting one is a publishing decision, as on any save.
  if (input.embargoUntil) allowed(actor, "article.publish", undefined, "Only editors can set or lift an embargo.");
  const checked = storyFieldsSchema.pick({ headline: true, standfirst: true, body: true, tags: true }).safeParse({ headline: input.headline, standfirst: input.standfirst ?? "", body: input.body ?? "", tags: input.tags ?? [] });
  if (!checked.success) throw new ValidationError("Check the highlighted fields.", Object.fromEntries(checked.error.issues.map((issue) => [String(issue.path[0] ?? "form"), [issue.message]])));
  const text = checked.data;
  const byline = await tx.byline.findUnique({ where: { userId: user.id }, select: { id: true } });
  const section = input.sectionSlug ? await tx.section.findUnique({ where: { slug: input.sectionSlug }, select: { id: true } }) : null;
  const slug = await firstFreeSlug(tx, toSlug(text.headline) || "untitled");
  const created = await tx.article.create({
    data: {
      slug,
      headline: text.headline,
      standfirst: text.standfirst,
      body: text.body,
      sectionId: section?.id ?? null,
      ...(input.embargoUntil && { embargoUntil: input.embargoUntil }),
      createdById: user.id,
      lastEditedById: user.id,
      ...(byline && { bylines: { create: [{ bylineId: byline.id, position: 0 }] } }),
    },
    select: { id: true },
  });
  if (text.tags.length) {
    const tagIds = await tagIdsForNames(tx, text.tags, () => allowed(actor, "tag.createInline", undefined));
    await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId: created.id, tagId })) });
  }
  const row = await tx.article.findUniqueOrThrow({ where: { id: created.id }, select: storySelect });
  await recordRevision(tx, user, row, input.reason ?? "Created");
  await recordAudit({ actorId: user.id, action: "article.create", entityType: "Article", entityId: created.id, details: { headline: text.headline } }, tx);
  return created;
}

/**
 * After the transaction commits (in a request): expires the reader pages when the story is or was live. Drafts,
 * stories in review and scheduled stories are on no reader page, so writing them expires nothing.
 */
export async function afterStoryWrite(written: StoryWritten): Promise<void> {
  if (written.before.status === ArticleStatus.PUBLISHED || written.after.status === ArticleStatus.PUBLISHED) await invalidateArticle(written.change);
  // Events queued in the transaction (announce) go now rather than at the job runner's next look.
  pokeJobRunner();
}

/** Tells people about a story event after the write committed; an email problem never fails or undoes the write. */
export async function notifyAfterCommit(event: StoryEvent): Promise<void> {
  try {
    await notifyStoryEvent(event);
  } catch (error) {
    console.error("story notification failed", error);
  }
}

/** A slug for a story: the one asked for, or one made from the headline; unique among stories and old slugs. */
async function resolveSlug(tx: Tx, id: string, requested: string, headline: string, current: StoryRow): Promise<string> {
  // Once a story has been public its address only changes when someone types a new slug.
  const wanted = requested || (current.publishedAt ? current.slug : toSlug(headline) || `untitled-${id.slice(-6)}`);
  // A story's own address is free for it (taking an address removes any redirect from it): no need to look.
  if (wanted === current.slug) return wanted;
  if (requested && !(await isSlugFree(tx, wanted, id))) {
    throw new ValidationError("Check the highlighted fields.", { slug: ["Another story already uses this address. Choose a different slug."] });
  }
  return firstFreeSlug(tx, wanted, id);
}

/**
 * The embargo rule (lib/dal/embargo.ts) on the row as this write would leave it: refused before anything is written.
 * When the write makes the story live or schedules it without changing the embargo, the returned condition makes
 * the write statement itself check that the stored embargo still allows it.
 */
async function checkEmbargo(tx: Tx, before: StoryRow, fields: StoryFields | undefined, set: Prisma.ArticleUncheckedUpdateManyInput, now: Date): Promise<Prisma.ArticleWhereInput | null> {
  const setDate = (value: unknown, fallback: Date | null) => (value === undefined ? fallback : value instanceof Date ? value : value === null ? null : new Date(String(value)));
  const embargoUntil = fields?.embargoUntil !== undefined ? fields.embargoUntil : setDate(set.embargoUntil, before.embargoUntil);
  const after = { status: String(set.status ?? before.status), scheduledAt: setDate(set.scheduledAt, before.scheduledAt), embargoUntil };
  await assertEmbargoAllows(tx, before, after, now);
  const embargoKept = (embargoUntil?.getTime() ?? null) === (before.embargoUntil?.getTime() ?? null);
  if (!embargoKept) return null;
  if (after.status === ArticleStatus.PUBLISHED && before.status !== ArticleStatus.PUBLISHED) return embargoGuard(now);
  if (after.status === ArticleStatus.SCHEDULED && after.scheduledAt && set.scheduledAt !== undefined) return embargoGuard(after.scheduledAt);
  return null;
}

/** Only a person's rights are checked: the scheduler applies what an editor prepared (and was allowed to) earlier. */
function allowed(actor: StoryActor, permission: "article.setBreaking" | "article.setLead" | "article.publish" | "tag.createInline", entityId: string | undefined, message?: string): void {
  if (actor.kind === "person" && !can(actor.user.role, permission)) throw refusal(actor.user, permission, { entityType: entityId || permission !== "tag.createInline" ? "Article" : "Tag", entityId }, message);
}

/** The field write: references checked, flags' rights, the slug, the row (conditional on version and guard), tags, bylines and redirects. */
async function writeFields(
  tx: Tx,
  actor: StoryActor,
  current: StoryRow,
  baseVersion: number,
  fields: StoryFields,
  data: Prisma.ArticleUncheckedUpdateManyInput,
  guard: Prisma.ArticleWhereInput = {},
): Promise<void> {
  // A flag whose time has passed counts as off on both sides: the scheduler clears expired flags without a new
  // version, so a form opened before that still shows it on, and saving it must neither need an editor nor revive it.
  const now = new Date();
  const flagOn = (on: boolean, until: Date | null | undefined) => on && (!until || until > now);
  const breaking = flagOn(fields.breaking, fields.breakingUntil);
  const breakingUntil = breaking ? (fields.breakingUntil ?? null) : null;
  const currentUntil = flagOn(current.breaking, current.breakingUntil) ? (current.breakingUntil ?? null) : null;
  if (breaking !== flagOn(current.breaking, current.breakingUntil) || (breakingUntil?.getTime() ?? null) !== (currentUntil?.getTime() ?? null)) {
    allowed(actor, "article.setBreaking", current.id, "Only editors can set the breaking flag.");
  }
  if (fields.featured !== current.featured) allowed(actor, "article.setLead", current.id, "Only editors can pin the lead story.");
  // An embargo is a publishing decision: who may publish may set, move or lift it.
  if (fields.embargoUntil !== undefined && (fields.embargoUntil?.getTime() ?? null) !== (current.embargoUntil?.getTime() ?? null)) {
    allowed(actor, "article.publish", current.id, "Only editors can set or lift an embargo.");
  }
  const problems: Record<string, string[]> = {};
  if (fields.sectionId && !(await tx.section.findUnique({ where: { id: fields.sectionId }, select: { id: true } }))) problems.sectionId = ["Choose a section from the list."];
  if (fields.heroMediaId && !(await tx.media.findUnique({ where: { id: fields.heroMediaId }, select: { id: true } }))) problems.heroMediaId = ["Choose an image from the media library."];
  const bylineIds = [...new Set(fields.bylineIds)];
  if (bylineIds.length && (await tx.byline.count({ where: { id: { in: bylineIds } } })) !== bylineIds.length) problems.bylineIds = ["Choose bylines from the list."];
  if (Object.keys(problems).length) throw new ValidationError("Check the highlighted fields.", problems);

  const slug = await resolveSlug(tx, current.id, fields.slug, fields.headline, current);
  const userId = actorUserId(actor);
  // Most saves (autosave while typing) change only words: the tag and byline rows are then left as they are.
  const tagSlugs = [...new Set(fields.tags.map(toSlug).filter(Boolean))].sort();
  const sameRelations =
    JSON.stringify(tagSlugs) === JSON.stringify(current.tags.map((t) => t.tag.slug).sort()) && JSON.stringify(bylineIds) === JSON.stringify(current.bylines.map((b) => b.bylineId));
  const { count } = await tx.article.updateMany({
    where: { AND: [{ id: current.id, version: baseVersion }, guard] },
    data: {
      headline: fields.headline,
      standfirst: fields.standfirst,
      body: fields.body,
      slug,
      sectionId: fields.sectionId ?? null,
      heroMediaId: fields.heroMediaId ?? null,
      seoTitle: fields.seoTitle ?? null,
      seoDescription: fields.seoDescription ?? null,
      breaking,
      breakingUntil,
      featured: fields.featured,
      ...(fields.embargoUntil !== undefined && { embargoUntil: fields.embargoUntil }),
      ...(fields.workType !== undefined && { workType: fields.workType }),
      ...(fields.dateline !== undefined && { dateline: fields.dateline }),
      ...(userId && { lastEditedById: userId }),
      ...data,
    },
  });
  if (count === 0) throw await conflictError(tx, current.id);
  if (!sameRelations) {
    const tagIds = await tagIdsForNames(tx, fields.tags, () => allowed(actor, "tag.createInline", undefined));
    await replaceTagsAndBylines(tx, current.id, tagIds, bylineIds);
  }
  if (slug !== current.slug) {
    // The new address must not redirect anywhere; a public story's old address now redirects here.
    await tx.slugRedirect.deleteMany({ where: { fromSlug: slug } });
    if (current.publishedAt) {
      await tx.slugRedirect.upsert({ where: { fromSlug: current.slug }, create: { fromSlug: current.slug, articleId: current.id }, update: { articleId: current.id } });
    }
  }
}

// ── Live coverage (#12 §1) ────────────────────────────────────────────────────────────────────────────────────────
// The live flag and the coverage's start and end are story fields, so they change here like every other. They are
// not edits of the text: the version stays, so an editor open on the story is not voided by a colleague ending it.

export type CoverageStep = "enable" | "disable" | "start" | "end" | "reopen";

const COVERAGE_LINES: Record<CoverageStep, string> = {
  enable: "Marked as live coverage",
  disable: "No longer a live coverage",
  start: "Live coverage started",
  end: "Live coverage ended",
  reopen: "Live coverage reopened",
};

/** One coverage step on a story, inside the caller's transaction (the caller decides who may take it: `access`). */
export async function writeCoverage(tx: Tx, actor: PersonActor, write: { id: string; step: CoverageStep; access: NonNullable<StoryWrite["access"]>; now?: Date }): Promise<StoryWritten> {
  const now = write.now ?? new Date();
  const state = await tx.article.findUnique({ where: { id: write.id }, select: { liveCoverage: true, coverageStartedAt: true, coverageEndedAt: true } });
  const refuse = (message: string) => {
    throw new ValidationError(message, { coverage: [message] });
  };
  const plan: Record<CoverageStep, () => { set: Prisma.ArticleUncheckedUpdateManyInput; guard: Prisma.ArticleWhereInput }> = {
    enable: () => ({ set: { liveCoverage: true }, guard: {} }),
    disable: () => ({ set: { liveCoverage: false }, guard: {} }),
    start: () => {
      if (!state?.liveCoverage) refuse("Mark the story as live coverage first.");
      if (state?.coverageStartedAt && !state.coverageEndedAt) refuse("The coverage has already started.");
      return { set: { coverageStartedAt: state?.coverageStartedAt ?? now, coverageEndedAt: null }, guard: { liveCoverage: true } };
    },
    end: () => {
      if (!state?.liveCoverage) refuse("This story is not a live coverage.");
      if (state?.coverageEndedAt) refuse("The coverage has already ended.");
      return { set: { coverageStartedAt: state?.coverageStartedAt ?? now, coverageEndedAt: now }, guard: { liveCoverage: true, coverageEndedAt: null } };
    },
    reopen: () => {
      if (!state?.liveCoverage || !state.coverageEndedAt) refuse("Only an ended coverage can be reopened.");
      return { set: { coverageEndedAt: null }, guard: { liveCoverage: true } };
    },
  };
  const { set, guard } = plan[write.step]();
  return writeStory(tx, actor, {
    id: write.id,
    baseVersion: "stored",
    access: write.access,
    set,
    guard,
    bumpVersion: false,
    revision: COVERAGE_LINES[write.step],
    audit: { action: `article.coverage.${write.step}`, details: { at: now.toISOString() } },
  });
}
