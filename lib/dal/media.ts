import "server-only";
import path from "node:path";
import { getDb, type Db, type Prisma } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { can, type Status } from "@/lib/auth/permissions";
import { invalidateArticle, invalidateSettings } from "@/lib/cache/invalidate";
import { ImageRejectedError, processImage } from "@/lib/media/process";
import { getMediaStorage, newStorageKey, StorageUnavailableError } from "@/lib/media/storage";
import { DEFAULT_RENDITIONS, parseVariants, renditionUrl, responsiveSrcSet, storedFiles, thumbnailUrl } from "@/lib/media/variants";
import { ALT_REQUIRED_MESSAGE, mediaDetailsSchema, type MediaDetails } from "@/lib/validation/media";
import type { Page } from "./articles";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { refuse, requestAddress, requirePermission, type SessionUser } from "./session";
import { visibleWhere } from "./stories";

export const MEDIA_PAGE_SIZE = 24;

/** One image in the library, as the newsroom sees it. */
export interface MediaView {
  id: string;
  /** The default rendition: `/media/<storageKey>`. */
  url: string;
  thumbnailUrl: string;
  srcSet?: string;
  width: number;
  height: number;
  mimeType: string;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  originalName: string;
  createdAt: Date;
  uploadedBy: string | null;
  /** How many stories use it as their hero image, plus one if it is the site logo. */
  usedBy: number;
  /** Whether the person asking may change its details or delete it (the data layer checks again). */
  canEdit: boolean;
}

export interface MediaDetail extends MediaView {
  /** The stories using it that the person asking may see in the newsroom (visibleWhere). */
  usedIn: { id: string; headline: string; status: Status }[];
  /** How many more stories use it that the person asking may not see: counted, never named. */
  hiddenUses: number;
  isSiteLogo: boolean;
  renditions: { label: string; url: string; width: number; height: number; bytes: number }[];
}

const mediaSelect = {
  id: true,
  storageKey: true,
  width: true,
  height: true,
  mimeType: true,
  bytes: true,
  alt: true,
  caption: true,
  credit: true,
  originalName: true,
  variants: true,
  createdAt: true,
  uploadedById: true,
  uploadedBy: { select: { name: true } },
  _count: { select: { articles: true, siteLogos: true } },
} satisfies Prisma.MediaSelect;

type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaSelect }>;

/** Who may change or delete an image: its uploader, and anyone who may edit any story. Part of the query. */
function editableWhere(user: SessionUser): Prisma.MediaWhereInput {
  return can(user.role, "article.editAny") ? {} : { uploadedById: user.id };
}

function mayEdit(user: SessionUser, row: { uploadedById: string | null }): boolean {
  return can(user.role, "article.editAny") || row.uploadedById === user.id;
}

function toView(row: MediaRow, user: SessionUser): MediaView {
  const srcSet = responsiveSrcSet(row.storageKey, row.variants);
  return {
    id: row.id,
    url: renditionUrl(row.storageKey),
    thumbnailUrl: thumbnailUrl(row.storageKey, row.variants),
    ...(srcSet && { srcSet }),
    width: row.width,
    height: row.height,
    mimeType: row.mimeType,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    originalName: row.originalName,
    createdAt: row.createdAt,
    uploadedBy: row.uploadedBy?.name ?? null,
    usedBy: row._count.articles + row._count.siteLogos,
    canEdit: mayEdit(user, row),
  };
}

/** A file name fit to show: no folders, no control characters, bounded. */
function cleanName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(0, 200) || "image";
}

function textMatch(query: string): Prisma.StringFilter {
  // PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores ASCII case and has no `mode`.
  const insensitive = resolveDatabaseUrl(process.env.DATABASE_URL).engine === "postgresql";
  return { contains: query, ...(insensitive && { mode: "insensitive" }) } as Prisma.StringFilter;
}

/**
 * Checks, resizes and stores an upload, then records it. The image is refused with a readable message (as a
 * ValidationError on `file`) when it is not a JPEG, PNG, WebP or AVIF, too big or unreadable. If recording fails,
 * the stored files are removed again.
 */
export async function uploadMedia(bytes: Uint8Array, originalName: string, details: Partial<MediaDetails> = {}): Promise<MediaView> {
  const user = await requirePermission("media.upload", { entityType: "Media" });
  const fields = mediaDetailsSchema.parse({ alt: "", caption: "", credit: "", ...details });
  let processed;
  try {
    processed = await processImage(bytes);
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new ValidationError(error.message, { file: [error.message] });
    throw error;
  }
  const storage = getMediaStorage();
  const storageKey = newStorageKey();
  const written: string[] = [];
  try {
    for (const file of processed.files) {
      const objectKey = `${storageKey}/${file.file}`;
      await storage.put(objectKey, file.data);
      written.push(objectKey);
    }
    const ip = await requestAddress().catch(() => null);
    const name = cleanName(originalName);
    const row = await getDb().$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          storageKey,
          originalName: name,
          mimeType: processed.mimeType,
          width: processed.width,
          height: processed.height,
          bytes: processed.bytes,
          variants: processed.variants,
          ...fields,
          uploadedById: user.id,
        },
        select: mediaSelect,
      });
      await recordAudit(
        {
          actorId: user.id,
          action: "media.upload",
          entityType: "Media",
          entityId: created.id,
          details: { originalName: name, format: processed.format, width: processed.width, height: processed.height, uploadedBytes: bytes.length },
          ip,
        },
        tx,
      );
      return created;
    });
    return toView(row, user);
  } catch (error) {
    await Promise.allSettled(written.map((objectKey) => storage.delete(objectKey)));
    if (error instanceof StorageUnavailableError) throw new ValidationError("Image storage is unavailable right now; nothing was saved. Try again in a minute.");
    throw error;
  }
}

/** One page of the library, newest first, optionally filtered by file name, alt text, caption or credit. */
export async function listMedia({ page = 1, query = "", pageSize = MEDIA_PAGE_SIZE }: { page?: number; query?: string; pageSize?: number } = {}): Promise<Page<MediaView>> {
  const user = await requirePermission("newsroom.enter");
  const q = query.trim();
  const where: Prisma.MediaWhereInput = q
    ? { OR: [{ originalName: textMatch(q) }, { alt: textMatch(q) }, { caption: textMatch(q) }, { credit: textMatch(q) }] }
    : {};
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.media.count({ where }),
    db.media.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: mediaSelect }),
  ]);
  return { items: rows.map((row) => toView(row, user)), page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

/** One image with where it is used and its renditions, or null. */
export async function getMedia(id: string): Promise<MediaDetail | null> {
  const user = await requirePermission("newsroom.enter");
  const row = await getDb().media.findUnique({
    where: { id },
    select: {
      ...mediaSelect,
      articles: { where: visibleWhere(user), orderBy: { updatedAt: "desc" }, select: { id: true, headline: true, status: true } },
    },
  });
  if (!row) return null;
  const { articles: usedIn, ...media } = row;
  const variants = parseVariants(row.variants);
  const size = ({ width, height, bytes }: { width: number; height: number; bytes: number }) => ({ width, height, bytes });
  const renditions = variants
    ? [
        { label: `Default (${variants.default.mimeType.replace("image/", "").toUpperCase()})`, url: renditionUrl(row.storageKey), ...size(variants.default) },
        ...variants.responsive.map((r) => ({ label: `${r.width} px wide (WebP)`, url: renditionUrl(row.storageKey, r.file), ...size(r) })),
        { label: "Social share crop (JPEG)", url: renditionUrl(row.storageKey, variants.social.file), ...size(variants.social) },
      ]
    : [];
  const hiddenUses = Math.max(0, row._count.articles - usedIn.length);
  return { ...toView(media, user), usedIn, hiddenUses, isSiteLogo: row._count.siteLogos > 0, renditions };
}

async function findEditable(user: SessionUser, id: string, action: string) {
  const db = getDb();
  const row = await db.media.findFirst({
    where: { id, ...editableWhere(user) },
    select: {
      ...mediaSelect,
      articles: { select: { id: true, headline: true, status: true, slug: true, section: { select: { slug: true } } } },
    },
  });
  if (row) return row;
  if (await db.media.count({ where: { id } })) {
    return refuse(user, action, { entityType: "Media", entityId: id }, "You can only change or delete images you uploaded. Ask an editor.");
  }
  throw new NotFoundError("That image does not exist; it may have been deleted.");
}

/**
 * Changes an image's alt text, caption and credit (its uploader, or an editor). Alt text cannot be emptied while a
 * published or scheduled story uses the image. Published stories showing it are refreshed for readers.
 */
export async function updateMediaDetails(id: string, details: MediaDetails): Promise<MediaView> {
  const user = await requirePermission("newsroom.enter", { entityType: "Media", entityId: id });
  const fields = mediaDetailsSchema.parse(details);
  const current = await findEditable(user, id, "media.update");
  const live = current.articles.filter((a) => a.status === "PUBLISHED" || a.status === "SCHEDULED");
  if (!fields.alt && live.length) {
    const message = `${ALT_REQUIRED_MESSAGE}: ${live.length === 1 ? "a published or scheduled story uses it" : `${live.length} published or scheduled stories use it`}.`;
    throw new ValidationError(message, { alt: [message] });
  }
  const changed = (["alt", "caption", "credit"] as const).filter((key) => fields[key] !== current[key]);
  if (!changed.length) return toView(current, user);
  const ip = await requestAddress().catch(() => null);
  const row = await getDb().$transaction(async (tx) => {
    const updated = await tx.media.update({ where: { id }, data: fields, select: mediaSelect });
    await recordAudit(
      { actorId: user.id, action: "media.update", entityType: "Media", entityId: id, details: { changed, before: Object.fromEntries(changed.map((k) => [k, current[k]])) }, ip },
      tx,
    );
    return updated;
  });
  for (const article of current.articles.filter((a) => a.status === "PUBLISHED")) {
    // New alt text, caption or credit: only what shows the story changes, not which lists hold it.
    await invalidateArticle({ id: article.id, slug: article.slug, sectionSlugs: article.section ? [article.section.slug] : [], listed: false });
  }
  if (current._count.siteLogos > 0) await invalidateSettings();
  return toView(row, user);
}

/**
 * Deletes an image and its files (its uploader, or an editor). Refused, with the reason, while a story or the site
 * logo uses it: the check and the delete are one statement, so an image chosen meanwhile is never lost.
 */
export async function deleteMedia(id: string): Promise<{ originalName: string }> {
  const user = await requirePermission("newsroom.enter", { entityType: "Media", entityId: id });
  const current = await findEditable(user, id, "media.delete");
  // Only headlines the person asking may see are named; other stories are counted (a writer must not learn them).
  const visible = current.articles.length
    ? await getDb().article.findMany({ where: { AND: [{ heroMediaId: id }, visibleWhere(user)] }, orderBy: { updatedAt: "desc" }, select: { headline: true } })
    : [];
  const hidden = Math.max(0, current.articles.length - visible.length);
  const inUse = inUseMessage(visible.map((a) => a.headline), hidden, current._count.siteLogos > 0);
  if (inUse) throw new ValidationError(inUse);
  const ip = await requestAddress().catch(() => null);
  const deleted = await getDb().$transaction(async (tx) => {
    const { count } = await tx.media.deleteMany({ where: { id, articles: { none: {} }, siteLogos: { none: {} } } });
    if (count === 0) return false;
    await recordAudit({ actorId: user.id, action: "media.delete", entityType: "Media", entityId: id, details: { originalName: current.originalName, storageKey: current.storageKey }, ip }, tx);
    return true;
  });
  if (!deleted) throw new ValidationError("This image was just put to use, so it was not deleted. Reload to see where it is used.");
  const variants = parseVariants(current.variants);
  const files = variants ? storedFiles(current.storageKey, variants) : DEFAULT_RENDITIONS.map((file) => `${current.storageKey}/${file}`);
  const storage = getMediaStorage();
  // The row is gone, so nothing links to these files any more; a file that cannot be removed is only wasted space.
  const results = await Promise.allSettled(files.map((objectKey) => storage.delete(objectKey)));
  for (const result of results) if (result.status === "rejected") console.error("media: could not delete a stored file", result.reason);
  return { originalName: current.originalName };
}

/** "N stories you cannot see", the one wording for uses the reader of a message may not know about. */
export function hiddenUsesLabel(count: number): string {
  return count === 1 ? "1 story you cannot see" : `${count} stories you cannot see`;
}

function inUseMessage(headlines: string[], hidden: number, isSiteLogo: boolean): string | null {
  if (!headlines.length && !hidden && !isSiteLogo) return null;
  const uses: string[] = [];
  if (headlines.length) {
    const named = headlines.slice(0, 3).map((h) => `“${h}”`).join(", ");
    const more = headlines.length > 3 ? ` and ${headlines.length - 3} more` : "";
    uses.push(`${headlines.length === 1 ? "the story" : `${headlines.length} stories:`} ${named}${more}`);
  }
  if (hidden) uses.push(hiddenUsesLabel(hidden));
  if (isSiteLogo) uses.push("the site logo");
  return `This image is in use by ${uses.join(" and ")}, so it cannot be deleted. Choose another image there first.`;
}

type MediaClient = Pick<Db, "media"> | Prisma.TransactionClient;

/**
 * For the publish step: why this image cannot head a published story (missing alt text, or gone), or null when
 * it can. No image at all is not a problem.
 */
export async function mediaAltProblem(mediaId: string | null | undefined, client: MediaClient = getDb()): Promise<string | null> {
  if (!mediaId) return null;
  const media = await client.media.findUnique({ where: { id: mediaId }, select: { alt: true } });
  if (!media) return "The chosen image no longer exists. Choose another from the media library.";
  return media.alt.trim() ? null : `${ALT_REQUIRED_MESSAGE}.`;
}

/** An image as the story editor offers it: where it is, and its library defaults for alt, caption and credit. */
export interface EditorImage {
  id: string;
  url: string;
  thumbnailUrl: string;
  alt: string;
  caption: string;
  credit: string;
  name: string;
  width: number;
  height: number;
}

export const EDITOR_IMAGE_LIMIT = 200;

function toEditorImage(view: MediaView): EditorImage {
  const { id, url, thumbnailUrl, alt, caption, credit, originalName: name, width, height } = view;
  return { id, url, thumbnailUrl, alt, caption, credit, name, width, height };
}

/** The newest images for the editor's pickers, read afresh each time (so uploads made since the editor opened show). */
export async function listEditorImages(limit = EDITOR_IMAGE_LIMIT): Promise<EditorImage[]> {
  const { items } = await listMedia({ pageSize: limit });
  return items.map(toEditorImage);
}

/** Uploads an image from the story editor (the library's own path: checks, renditions, audit) and returns it. */
export async function uploadEditorImage(bytes: Uint8Array, originalName: string): Promise<EditorImage> {
  return toEditorImage(await uploadMedia(bytes, originalName));
}

/** The library image an editor's image address points at (`/media/<storageKey>[/file]`), or null. */
export function storageKeyFromUrl(url: string): string | null {
  const match = /^\/media\/([A-Za-z0-9_-]{1,100})(?:\/[A-Za-z0-9._-]+)?$/.exec(url.trim());
  return match ? match[1]! : null;
}

/**
 * "Also save to library": an inline image's alt text, caption and credit become its library defaults. The same
 * rules as the library's own form (uploader or editor; alt text cannot be emptied while a live story uses it).
 */
export async function saveImageDefaults(url: string, details: MediaDetails): Promise<EditorImage> {
  await requirePermission("newsroom.enter", { entityType: "Media" });
  const storageKey = storageKeyFromUrl(url);
  const row = storageKey ? await getDb().media.findUnique({ where: { storageKey }, select: { id: true } }) : null;
  if (!row) throw new NotFoundError("That image is not in the media library, so its defaults cannot be saved there.");
  return toEditorImage(await updateMediaDetails(row.id, details));
}
