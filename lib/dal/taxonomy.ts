import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { invalidateTaxonomy } from "@/lib/cache/invalidate";
import { toSlug } from "@/lib/content/slug";
import type { BylineInput, BylineUpdate, SectionInput, SectionMove, SectionUpdate, TagInput, TagUpdate } from "@/lib/validation/taxonomy";
import { recordAudit } from "./audit";
import { InUseError, NotFoundError, ValidationError } from "./errors";
import { mediaAltProblem } from "./media";
import { changedFields } from "./audit-log";
import { requestAddress, requirePermission, type SessionUser } from "./session";

// Sections, tags and bylines, as the newsroom's admins manage them. Every write checks taxonomy.manage itself,
// writes one audit entry in the same transaction, and expires the reader pages that list or link the record.

type Tx = Prisma.TransactionClient;

function storyCount(count: number): string {
  return count === 1 ? "1 story" : `${count} stories`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Runs a write; a unique-index violation that slipped past the in-transaction check (two admins saving the same
 * slug at once) becomes the same field error the check gives.
 */
async function uniquely<T>(write: () => Promise<T>, slugTaken: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugConflict(slugTaken);
    throw error;
  }
}

function slugConflict(message: string): ValidationError {
  return new ValidationError("That slug is already in use; choose another.", { slug: [message] });
}

async function actor(entityType: string, entityId?: string): Promise<{ user: SessionUser; ip: string | null }> {
  const user = await requirePermission("taxonomy.manage", { entityType, entityId });
  return { user, ip: await requestAddress().catch(() => null) };
}

function audit(tx: Tx, who: { user: SessionUser; ip: string | null }, action: string, entityType: string, entityId: string, details: Prisma.InputJsonValue) {
  return recordAudit({ actorId: who.user.id, action, entityType, entityId, details, ip: who.ip }, tx);
}

// ——— Sections ———

export interface SectionAdminView {
  id: string;
  slug: string;
  name: string;
  description: string;
  sortOrder: number;
  /** Stories of any status filed in the section. */
  articleCount: number;
}

const SECTION_ORDER = [{ sortOrder: "asc" }, { name: "asc" }] satisfies Prisma.SectionOrderByWithRelationInput[];
const sectionSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  sortOrder: true,
  _count: { select: { articles: true } },
} satisfies Prisma.SectionSelect;

function toSectionView({ _count, ...row }: Prisma.SectionGetPayload<{ select: typeof sectionSelect }>): SectionAdminView {
  return { ...row, articleCount: _count.articles };
}

/** Every section in reader-nav order, with how many stories each holds. */
export async function listSectionsForAdmin(): Promise<SectionAdminView[]> {
  await requirePermission("taxonomy.manage", { entityType: "Section" });
  const rows = await getDb().section.findMany({ orderBy: SECTION_ORDER, select: sectionSelect });
  return rows.map(toSectionView);
}

export async function getSectionForEdit(id: string): Promise<SectionAdminView | null> {
  await requirePermission("taxonomy.manage", { entityType: "Section", entityId: id });
  const row = await getDb().section.findUnique({ where: { id }, select: sectionSelect });
  return row && toSectionView(row);
}

async function assertSectionSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const clash = await tx.section.findFirst({ where: { slug, ...(exceptId && { NOT: { id: exceptId } }) }, select: { name: true } });
  if (clash) throw slugConflict(`The section “${clash.name}” already uses this slug.`);
}

/** A new section, last in the nav. */
export async function createSection(input: SectionInput): Promise<SectionAdminView> {
  const who = await actor("Section");
  const taken = `Another section already uses the slug “${input.slug}”.`;
  const row = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        await assertSectionSlugFree(tx, input.slug);
        const last = await tx.section.aggregate({ _max: { sortOrder: true } });
        const created = await tx.section.create({
          data: { name: input.name, slug: input.slug, description: input.description, sortOrder: (last._max.sortOrder ?? -1) + 1 },
          select: sectionSelect,
        });
        await audit(tx, who, "section.create", "Section", created.id, { name: created.name, slug: created.slug });
        return created;
      }),
    taken,
  );
  await invalidateTaxonomy("section", [row.slug]);
  return toSectionView(row);
}

/** Renames a section, changes its slug or description. Returns whether anything changed. */
export async function updateSection(input: SectionUpdate): Promise<{ section: SectionAdminView; changed: boolean }> {
  const who = await actor("Section", input.id);
  const { before, after, changes } = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        const before = await tx.section.findUnique({ where: { id: input.id }, select: sectionSelect });
        if (!before) throw new NotFoundError("That section no longer exists.");
        await assertSectionSlugFree(tx, input.slug, input.id);
        const next = { name: input.name, slug: input.slug, description: input.description };
        const changes = changedFields(before, { ...before, ...next }, ["name", "slug", "description"]);
        if (Object.keys(changes).length === 0) return { before, after: before, changes };
        const after = await tx.section.update({ where: { id: input.id }, data: next, select: sectionSelect });
        await audit(tx, who, "section.update", "Section", after.id, { name: after.name, slug: after.slug, changes });
        return { before, after, changes };
      }),
    `Another section already uses the slug “${input.slug}”.`,
  );
  const changed = Object.keys(changes).length > 0;
  // The old slug's page must stop answering as well as the new one start.
  if (changed) await invalidateTaxonomy("section", [...new Set([before.slug, after.slug])]);
  return { section: toSectionView(after), changed };
}

/** Moves a section one place up or down the reader nav. Returns its new position (1-based) and the count. */
export async function moveSection({ id, direction }: SectionMove): Promise<{ name: string; position: number; total: number; moved: boolean }> {
  const who = await actor("Section", id);
  const result = await getDb().$transaction(async (tx) => {
    const order = await tx.section.findMany({ orderBy: SECTION_ORDER, select: { id: true, slug: true, name: true, sortOrder: true } });
    const from = order.findIndex((section) => section.id === id);
    if (from === -1) throw new NotFoundError("That section no longer exists.");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { name: order[from].name, position: from + 1, total: order.length, moved: false };
    [order[from], order[to]] = [order[to], order[from]];
    // Renumber 0…n-1 so ties (sections created with equal sortOrder) resolve for good.
    for (const [index, section] of order.entries()) {
      if (section.sortOrder !== index) await tx.section.update({ where: { id: section.id }, data: { sortOrder: index } });
    }
    await audit(tx, who, "section.reorder", "Section", id, { name: order[to].name, slug: order[to].slug, direction, order: order.map((s) => s.slug) });
    return { name: order[to].name, position: to + 1, total: order.length, moved: true };
  });
  if (result.moved) await invalidateTaxonomy("section", []);
  return result;
}

/** Deletes a section no story is filed in; one that is in use is refused with the count. */
export async function deleteSection(id: string): Promise<{ name: string; slug: string }> {
  const who = await actor("Section", id);
  const deleted = await getDb().$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id }, select: sectionSelect });
    if (!section) throw new NotFoundError("That section no longer exists.");
    const refuse = (count: number) =>
      new InUseError(`${storyCount(count)} ${count === 1 ? "is" : "are"} filed in this section; move ${count === 1 ? "it" : "them"} first.`);
    if (section._count.articles > 0) throw refuse(section._count.articles);
    // Conditional on "still empty", so a story filed since the count is never silently un-filed.
    const { count } = await tx.section.deleteMany({ where: { id, articles: { none: {} } } });
    if (count === 0) throw refuse(await tx.article.count({ where: { sectionId: id } }));
    await audit(tx, who, "section.delete", "Section", id, { name: section.name, slug: section.slug });
    return { name: section.name, slug: section.slug };
  });
  await invalidateTaxonomy("section", [deleted.slug]);
  return deleted;
}

// ——— Tags ———

export const TAG_PAGE_SIZE = 50;

export interface TagAdminView {
  id: string;
  slug: string;
  name: string;
  articleCount: number;
}

export interface TagListPage {
  tags: TagAdminView[];
  page: number;
  pageCount: number;
  total: number;
}

const tagSelect = { id: true, slug: true, name: true, _count: { select: { articles: true } } } satisfies Prisma.TagSelect;

function toTagView({ _count, ...row }: Prisma.TagGetPayload<{ select: typeof tagSelect }>): TagAdminView {
  return { ...row, articleCount: _count.articles };
}

/**
 * One page of tags by name, optionally those whose name or slug contains `q`. The slug match makes the search
 * case-insensitive on both engines (slugs are lower-case; PostgreSQL's `contains` is case-sensitive).
 */
export async function listTagsForAdmin({ q = "", page = 1 }: { q?: string; page?: number } = {}): Promise<TagListPage> {
  await requirePermission("taxonomy.manage", { entityType: "Tag" });
  const query = q.trim();
  const slugQuery = toSlug(query);
  const where: Prisma.TagWhereInput = query ? { OR: [{ name: { contains: query } }, ...(slugQuery ? [{ slug: { contains: slugQuery } }] : [])] } : {};
  const current = Math.max(1, Math.floor(page));
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.tag.count({ where }),
    db.tag.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (current - 1) * TAG_PAGE_SIZE, take: TAG_PAGE_SIZE, select: tagSelect }),
  ]);
  return { tags: rows.map(toTagView), page: current, pageCount: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)), total };
}

export async function getTagForEdit(id: string): Promise<TagAdminView | null> {
  await requirePermission("taxonomy.manage", { entityType: "Tag", entityId: id });
  const row = await getDb().tag.findUnique({ where: { id }, select: tagSelect });
  return row && toTagView(row);
}

async function assertTagSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const clash = await tx.tag.findFirst({ where: { slug, ...(exceptId && { NOT: { id: exceptId } }) }, select: { name: true } });
  if (clash) throw slugConflict(`The tag “${clash.name}” already uses this slug.`);
}

export async function createTag(input: TagInput): Promise<TagAdminView> {
  const who = await actor("Tag");
  const row = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        await assertTagSlugFree(tx, input.slug);
        const created = await tx.tag.create({ data: { name: input.name, slug: input.slug }, select: tagSelect });
        await audit(tx, who, "tag.create", "Tag", created.id, { name: created.name, slug: created.slug });
        return created;
      }),
    `Another tag already uses the slug “${input.slug}”.`,
  );
  await invalidateTaxonomy("tag", [row.slug]);
  return toTagView(row);
}

/** Renames a tag (and/or changes its slug). Returns whether anything changed. */
export async function updateTag(input: TagUpdate): Promise<{ tag: TagAdminView; changed: boolean }> {
  const who = await actor("Tag", input.id);
  const { before, after, changes } = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        const before = await tx.tag.findUnique({ where: { id: input.id }, select: tagSelect });
        if (!before) throw new NotFoundError("That tag no longer exists.");
        await assertTagSlugFree(tx, input.slug, input.id);
        const next = { name: input.name, slug: input.slug };
        const changes = changedFields(before, { ...before, ...next }, ["name", "slug"]);
        if (Object.keys(changes).length === 0) return { before, after: before, changes };
        const after = await tx.tag.update({ where: { id: input.id }, data: next, select: tagSelect });
        await audit(tx, who, "tag.update", "Tag", after.id, { name: after.name, slug: after.slug, changes });
        return { before, after, changes };
      }),
    `Another tag already uses the slug “${input.slug}”.`,
  );
  const changed = Object.keys(changes).length > 0;
  if (changed) await invalidateTaxonomy("tag", [...new Set([before.slug, after.slug])]);
  return { tag: toTagView(after), changed };
}

/**
 * Deletes a tag no story carries. A tag in use is refused rather than silently stripped from published stories
 * (which would change them without a revision): rename it instead, or take it off the stories first.
 */
export async function deleteTag(id: string): Promise<{ name: string; slug: string }> {
  const who = await actor("Tag", id);
  const deleted = await getDb().$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id }, select: tagSelect });
    if (!tag) throw new NotFoundError("That tag no longer exists.");
    const refuse = (count: number) =>
      new InUseError(`${storyCount(count)} ${count === 1 ? "is" : "are"} tagged “${tag.name}”; take the tag off ${count === 1 ? "it" : "them"} first, or rename it.`);
    if (tag._count.articles > 0) throw refuse(tag._count.articles);
    const { count } = await tx.tag.deleteMany({ where: { id, articles: { none: {} } } });
    if (count === 0) throw refuse(await tx.articleTag.count({ where: { tagId: id } }));
    await audit(tx, who, "tag.delete", "Tag", id, { name: tag.name, slug: tag.slug });
    return { name: tag.name, slug: tag.slug };
  });
  await invalidateTaxonomy("tag", [deleted.slug]);
  return deleted;
}

// ——— Bylines ———

export interface BylineAdminView {
  id: string;
  slug: string;
  name: string;
  bio: string;
  jobTitle: string;
  /** One URL per line. */
  links: string;
  /** One item per line. */
  expertise: string;
  languages: string;
  contactEmail: string;
  photoMediaId: string | null;
  user: { id: string; name: string; email: string } | null;
  articleCount: number;
}

const bylineSelect = {
  id: true,
  slug: true,
  name: true,
  bio: true,
  jobTitle: true,
  links: true,
  expertise: true,
  languages: true,
  contactEmail: true,
  photoMediaId: true,
  userId: true,
  user: { select: { id: true, name: true, email: true } },
  _count: { select: { articles: true } },
} satisfies Prisma.BylineSelect;

function toBylineView({ _count, userId: _userId, ...row }: Prisma.BylineGetPayload<{ select: typeof bylineSelect }>): BylineAdminView {
  return { ...row, articleCount: _count.articles };
}

export async function listBylinesForAdmin(): Promise<BylineAdminView[]> {
  await requirePermission("taxonomy.manage", { entityType: "Byline" });
  const rows = await getDb().byline.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: bylineSelect });
  return rows.map(toBylineView);
}

export async function getBylineForEdit(id: string): Promise<BylineAdminView | null> {
  await requirePermission("taxonomy.manage", { entityType: "Byline", entityId: id });
  const row = await getDb().byline.findUnique({ where: { id }, select: bylineSelect });
  return row && toBylineView(row);
}

export interface LinkableUser {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  /** The byline this account is already linked to, if any. */
  bylineId: string | null;
}

/** Staff accounts a byline may be linked to (for the byline form's menu). */
export async function listLinkableUsers(): Promise<LinkableUser[]> {
  await requirePermission("taxonomy.manage", { entityType: "Byline" });
  const rows = await getDb().user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, disabled: true, byline: { select: { id: true } } },
  });
  return rows.map(({ byline, ...user }) => ({ ...user, bylineId: byline?.id ?? null }));
}

async function checkBylineFields(tx: Tx, input: { slug: string; userId: string | null; photoMediaId?: string | null }, exceptId?: string) {
  const not = exceptId ? { NOT: { id: exceptId } } : {};
  // The photo shows on the author page: it must exist and describe itself (alt text), as a story's hero must.
  const photoProblem = await mediaAltProblem(input.photoMediaId, tx);
  if (photoProblem) throw new ValidationError("Check the highlighted fields.", { photoMediaId: [photoProblem] });
  const clash = await tx.byline.findFirst({ where: { slug: input.slug, ...not }, select: { name: true } });
  if (clash) throw slugConflict(`The byline “${clash.name}” already uses this slug.`);
  if (!input.userId) return;
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { name: true, byline: { select: { id: true, name: true } } } });
  if (!user) throw new ValidationError("Check the highlighted fields.", { userId: ["That account no longer exists."] });
  if (user.byline && user.byline.id !== exceptId) {
    throw new ValidationError("Check the highlighted fields.", { userId: [`${user.name}’s account is already linked to the byline “${user.byline.name}”.`] });
  }
}

const BYLINE_TAKEN = "Another byline already uses this slug, or that account already has a byline.";

export async function createByline(input: BylineInput): Promise<BylineAdminView> {
  const who = await actor("Byline");
  const row = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        await checkBylineFields(tx, input);
        const created = await tx.byline.create({
          data: { name: input.name, slug: input.slug, bio: input.bio, jobTitle: input.jobTitle, links: input.links, expertise: input.expertise, languages: input.languages, contactEmail: input.contactEmail, photoMediaId: input.photoMediaId, userId: input.userId },
          select: bylineSelect,
        });
        await audit(tx, who, "byline.create", "Byline", created.id, { name: created.name, slug: created.slug, userId: created.userId });
        return created;
      }),
    BYLINE_TAKEN,
  );
  await invalidateTaxonomy("byline", [row.slug]);
  return toBylineView(row);
}

/** Changes a byline's name, slug, bio, job title, links, photo or linked account. Returns whether anything changed. */
export async function updateByline(input: BylineUpdate): Promise<{ byline: BylineAdminView; changed: boolean }> {
  const who = await actor("Byline", input.id);
  const { before, after, changes } = await uniquely(
    () =>
      getDb().$transaction(async (tx) => {
        const before = await tx.byline.findUnique({ where: { id: input.id }, select: bylineSelect });
        if (!before) throw new NotFoundError("That byline no longer exists.");
        await checkBylineFields(tx, input, input.id);
        const next = { name: input.name, slug: input.slug, bio: input.bio, jobTitle: input.jobTitle, links: input.links, expertise: input.expertise, languages: input.languages, contactEmail: input.contactEmail, photoMediaId: input.photoMediaId, userId: input.userId };
        const changes = changedFields(before, { ...before, ...next }, ["name", "slug", "bio", "jobTitle", "links", "expertise", "languages", "contactEmail", "photoMediaId", "userId"]);
        if (Object.keys(changes).length === 0) return { before, after: before, changes };
        const after = await tx.byline.update({ where: { id: input.id }, data: next, select: bylineSelect });
        await audit(tx, who, "byline.update", "Byline", after.id, { name: after.name, slug: after.slug, changes });
        return { before, after, changes };
      }),
    BYLINE_TAKEN,
  );
  const changed = Object.keys(changes).length > 0;
  if (changed) await invalidateTaxonomy("byline", [...new Set([before.slug, after.slug])]);
  return { byline: toBylineView(after), changed };
}

/** Deletes a byline no story carries; one in use is refused with the count. */
export async function deleteByline(id: string): Promise<{ name: string; slug: string }> {
  const who = await actor("Byline", id);
  const deleted = await getDb().$transaction(async (tx) => {
    const byline = await tx.byline.findUnique({ where: { id }, select: bylineSelect });
    if (!byline) throw new NotFoundError("That byline no longer exists.");
    const refuse = (count: number) =>
      new InUseError(`${storyCount(count)} ${count === 1 ? "carries" : "carry"} this byline; take it off ${count === 1 ? "that story" : "them"} first.`);
    if (byline._count.articles > 0) throw refuse(byline._count.articles);
    const { count } = await tx.byline.deleteMany({ where: { id, articles: { none: {} } } });
    if (count === 0) throw refuse(await tx.articleByline.count({ where: { bylineId: id } }));
    await audit(tx, who, "byline.delete", "Byline", id, { name: byline.name, slug: byline.slug });
    return { name: byline.name, slug: byline.slug };
  });
  await invalidateTaxonomy("byline", [deleted.slug]);
  return deleted;
}
