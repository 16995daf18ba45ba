import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { keepFor } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { invalidateSitePage } from "@/lib/cache/invalidate";
import { renderArticleBody } from "@/lib/content/markdown";
import { SITE_PAGES, type SitePageInput, type SitePageSlug, type SitePageStatusInput } from "@/lib/validation/site-pages";
import { recordAudit } from "./audit";
import { NotFoundError, ValidationError } from "./errors";
import { requestAddress, requirePermission } from "./session";
import { transaction } from "./transaction";

// Site pages (About, Contact, the policies): one row per fixed slug, Markdown rendered through the stories' one
// sanitising pipeline (lib/content/markdown.ts). Every save is a revision and an audit line; a save that started from
// an older version than the stored one is refused, as with stories. Readers see a page only while it is PUBLISHED.

type Tx = Prisma.TransactionClient;
export type PageStatus = "DRAFT" | "PUBLISHED";

const CONFLICT = "Someone saved this page after you opened it, so your changes were not saved. Reload to see their version, then make your change again.";

// ——— Reader side ———

export interface PublishedSitePage {
  slug: string;
  title: string;
  /** Sanitised HTML. */
  html: string;
  updatedAt: Date;
}

export interface SitePageLink {
  slug: string;
  title: string;
}

const publishedWhere = { status: "PUBLISHED" as const } satisfies Prisma.PageWhereInput;
const ORDER = new Map<string, number>(SITE_PAGES.map((page, index) => [page.slug, index]));

async function cachedPublishedSitePage(slug: string): Promise<PublishedSitePage | null> {
  "use cache";
  keepFor(TAGS.sitePage(slug));
  const row = await getDb().page.findFirst({ where: { slug, ...publishedWhere }, select: { slug: true, title: true, body: true, updatedAt: true } });
  if (!row) return null;
  const { html } = await renderArticleBody(row.body);
  return { slug: row.slug, title: row.title, html, updatedAt: row.updatedAt };
}

/** A published site page, rendered; null when it does not exist or is a draft. */
export async function getPublishedSitePage(slug: string): Promise<PublishedSitePage | null> {
  if (!ORDER.has(slug)) return null;
  return cachedPublishedSitePage(slug);
}

async function cachedPublishedSitePages(): Promise<SitePageLink[]> {
  "use cache";
  keepFor(TAGS.sitePages);
  const rows = await getDb().page.findMany({ where: publishedWhere, select: { slug: true, title: true } });
  return rows.filter((row) => ORDER.has(row.slug)).sort((a, b) => ORDER.get(a.slug)! - ORDER.get(b.slug)!);
}

/** The published site pages in the footer's order. The build has no database: none then. */
export async function listPublishedSitePages(): Promise<SitePageLink[]> {
  if (process.env.NEXT_PHASE === "phase-production-build") return [];
  return cachedPublishedSitePages();
}

// ——— Newsroom side ———

export interface SitePageSummary {
  slug: SitePageSlug;
  /** The stored title, or the kind's name when the page was never saved. */
  title: string;
  hint: string;
  status: PageStatus | null;
  version: number;
  updatedAt: Date | null;
}

/** Every kind of site page, saved or not, for the newsroom's list. */
export async function listSitePagesForEdit(): Promise<SitePageSummary[]> {
  await requirePermission("sitePage.edit", { entityType: "Page" });
  const rows = await getDb().page.findMany({ select: { slug: true, title: true, status: true, version: true, updatedAt: true } });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return SITE_PAGES.map((kind) => {
    const row = bySlug.get(kind.slug);
    return { slug: kind.slug, hint: kind.hint, title: row?.title ?? kind.title, status: row?.status ?? null, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
  });
}

export interface SitePageRevisionView {
  id: string;
  version: number;
  reason: string;
  status: PageStatus;
  author: string | null;
  createdAt: Date;
}

export interface SitePageEdit {
  slug: SitePageSlug;
  title: string;
  body: string;
  status: PageStatus | null;
  /** 0 when never saved. */
  version: number;
  updatedAt: Date | null;
  revisions: SitePageRevisionView[];
}

const REVISIONS_SHOWN = 50;

/** One site page for the editor, with its history (newest first); a kind never saved comes back empty. */
export async function getSitePageForEdit(slug: SitePageSlug): Promise<SitePageEdit> {
  await requirePermission("sitePage.edit", { entityType: "Page", entityId: slug });
  const kind = SITE_PAGES.find((page) => page.slug === slug);
  if (!kind) throw new NotFoundError("There is no such site page.");
  const row = await getDb().page.findUnique({
    where: { slug },
    select: {
      title: true,
      body: true,
      status: true,
      version: true,
      updatedAt: true,
      revisions: {
        orderBy: [{ createdAt: "desc" }, { version: "desc" }],
        take: REVISIONS_SHOWN,
        select: { id: true, version: true, reason: true, status: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!row) return { slug, title: kind.title, body: "", status: null, version: 0, updatedAt: null, revisions: [] };
  return {
    slug,
    title: row.title,
    body: row.body,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt,
    revisions: row.revisions.map(({ author, ...revision }) => ({ ...revision, author: author?.name ?? null })),
  };
}

/** The stored page as readers would see it once published (the newsroom's preview). */
export async function previewSitePage(slug: SitePageSlug): Promise<{ title: string; html: string; status: PageStatus } | null> {
  await requirePermission("sitePage.edit", { entityType: "Page", entityId: slug });
  const row = await getDb().page.findUnique({ where: { slug }, select: { title: true, body: true, status: true } });
  if (!row) return null;
  return { title: row.title, html: (await renderArticleBody(row.body)).html, status: row.status };
}

async function recordPageRevision(tx: Tx, page: { id: string; version: number; title: string; body: string; status: PageStatus }, authorId: string, reason: string) {
  await tx.pageRevision.create({ data: { pageId: page.id, version: page.version, reason, title: page.title, body: page.body, status: page.status, authorId } });
}

const pageSelect = { id: true, slug: true, title: true, body: true, status: true, version: true } satisfies Prisma.PageSelect;

/**
 * Saves a site page's title and body (creating it as a draft on its first save). Refused when the page changed since
 * the editor loaded it. A published page shows the change to readers at once.
 */
export async function saveSitePage(input: SitePageInput): Promise<{ version: number; changed: boolean }> {
  const user = await requirePermission("sitePage.edit", { entityType: "Page", entityId: input.slug });
  const ip = await requestAddress().catch(() => null);
  const result = await transaction(async (tx) => {
    const before = await tx.page.findUnique({ where: { slug: input.slug }, select: pageSelect });
    if (!before) {
      if (input.baseVersion !== 0) throw new ValidationError(CONFLICT);
      const created = await tx.page.create({ data: { slug: input.slug, title: input.title, body: input.body }, select: pageSelect });
      await recordPageRevision(tx, created, user.id, "Created");
      await recordAudit({ actorId: user.id, action: "page.create", entityType: "Page", entityId: input.slug, details: { title: input.title }, ip }, tx);
      return { after: created, before: null };
    }
    if (before.version !== input.baseVersion) throw new ValidationError(CONFLICT);
    if (before.title === input.title && before.body === input.body) return { after: before, before, unchanged: true };
    const { count } = await tx.page.updateMany({ where: { id: before.id, version: before.version }, data: { title: input.title, body: input.body, version: { increment: 1 } } });
    if (count === 0) throw new ValidationError(CONFLICT);
    const after = await tx.page.findUniqueOrThrow({ where: { id: before.id }, select: pageSelect });
    await recordPageRevision(tx, after, user.id, "Saved");
    const changes = { ...(before.title !== after.title && { title: { from: before.title, to: after.title } }), ...(before.body !== after.body && { body: true }) };
    await recordAudit({ actorId: user.id, action: "page.save", entityType: "Page", entityId: input.slug, details: { changes }, ip }, tx);
    return { after, before };
  });
  if ("unchanged" in result) return { version: result.after.version, changed: false };
  if (result.after.status === "PUBLISHED") await invalidateSitePage(input.slug, { listed: result.before?.title !== result.after.title });
  return { version: result.after.version, changed: true };
}

/** Publishes or unpublishes a saved site page; the footer on every reader page follows. */
export async function setSitePageStatus(input: SitePageStatusInput): Promise<{ version: number }> {
  const user = await requirePermission("sitePage.publish", { entityType: "Page", entityId: input.slug });
  const ip = await requestAddress().catch(() => null);
  const status = input.status === "PUBLISHED" ? "PUBLISHED" : "DRAFT";
  const after = await transaction(async (tx) => {
    const before = await tx.page.findUnique({ where: { slug: input.slug }, select: pageSelect });
    if (!before) throw new ValidationError("Save the page before publishing it.");
    if (before.version !== input.baseVersion) throw new ValidationError(CONFLICT);
    if (before.status === status) throw new ValidationError(status === "PUBLISHED" ? "The page is already published." : "The page is already a draft.");
    if (status === "PUBLISHED" && !before.body.trim()) throw new ValidationError("Write the page before publishing it.", { body: ["A published page needs some text."] });
    const { count } = await tx.page.updateMany({ where: { id: before.id, version: before.version }, data: { status, version: { increment: 1 } } });
    if (count === 0) throw new ValidationError(CONFLICT);
    const after = await tx.page.findUniqueOrThrow({ where: { id: before.id }, select: pageSelect });
    const published = status === "PUBLISHED";
    await recordPageRevision(tx, after, user.id, published ? "Published" : "Unpublished");
    await recordAudit({ actorId: user.id, action: published ? "page.publish" : "page.unpublish", entityType: "Page", entityId: input.slug, details: { title: after.title }, ip }, tx);
    return after;
  });
  await invalidateSitePage(input.slug, { listed: true });
  return { version: after.version };
}
