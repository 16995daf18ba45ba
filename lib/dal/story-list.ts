import "server-only";
import { visibleWhere as storyVisibleWhere } from "./stories";
import { NOT_TRASHED } from "./trash";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { can, STATUSES, type Status } from "@/lib/auth/permissions";
import { parseSearchQuery } from "@/lib/search/query";
import type { StoryListParams, StorySort } from "@/lib/validation/story-list";
import type { Page } from "./articles";
import { publishedWhere } from "./published";
import { requirePermission, requireUser, type SessionUser } from "./session";

/** Every list, count and search here leaves out the trash (lib/dal/trash.ts lists it on its own page). */
function visibleWhere(user: SessionUser): Prisma.ArticleWhereInput {
  return { AND: [storyVisibleWhere(user), NOT_TRASHED] };
}

// The newsroom's view of stories in every state. Who sees what is decided here, in each query's `where`: editors
// and admins (article.viewAny) see every story; anyone else sees only the stories they created.

export const STORY_PAGE_SIZE = 20;
const DASHBOARD_LIST_SIZE = 5;
const SCHEDULE_SIZE = 10;
const REVIEW_QUEUE_LIMIT = 200;

export interface StoryListItem {
  id: string;
  headline: string;
  slug: string;
  status: Status;
  section: string | null;
  bylines: string[];
  /** Who created the story. */
  author: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** Who made the latest save. */
  lastEditedBy: string | null;
  breaking: boolean;
  featured: boolean;
}

const listSelect = {
  id: true,
  headline: true,
  slug: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  scheduledAt: true,
  breaking: true,
  breakingUntil: true,
  featured: true,
  section: { select: { name: true } },
  bylines: { orderBy: { position: "asc" }, select: { byline: { select: { name: true } } } },
  // Names only: relation selects are batched into one query per relation, never a row per story.
  createdBy: { select: { name: true } },
  lastEditedBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;

type ListRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow, now = new Date()): StoryListItem {
  return {
    id: row.id,
    headline: row.headline,
    slug: row.slug,
    status: row.status,
    section: row.section?.name ?? null,
    bylines: row.bylines.map((b) => b.byline.name),
    author: row.createdBy?.name ?? null,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    lastEditedBy: row.lastEditedBy?.name ?? null,
    // A breaking flag past its end time no longer shows anywhere, so it is not reported here either.
    breaking: row.breaking && (!row.breakingUntil || row.breakingUntil > now),
    featured: row.featured,
  };
}


/**
 * A search as a `where`: every word of the query must appear in the headline, standfirst or slug, in any case.
 * Words are letters and digits only (lib/search/query.ts), so LIKE's wildcards and escape character can never
 * reach the SQL: Prisma's `contains` does not escape them. A query with no words ("%") matches nothing.
 */
function searchWhere(q: string): Prisma.ArticleWhereInput {
  const { terms } = parseSearchQuery(q);
  if (terms.length === 0) return { id: { in: [] } };
  const postgres = resolveDatabaseUrl(process.env.DATABASE_URL).engine === "postgresql";
  return {
    AND: terms.map((term) => ({
      OR: caseVariants(term).flatMap((text) => {
        // PostgreSQL's LIKE is case-sensitive: mode "insensitive" makes it ILIKE (the SQLite client's types lack `mode`).
        const match = (postgres ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;
        return [{ headline: match }, { standfirst: match }, { slug: match }];
      }),
    })),
  };
}

/**
 * SQLite's LIKE ignores case for ASCII letters only, and ILIKE follows the PostgreSQL server's locale (a C-locale
 * server ignores case for ASCII only too), so "été" must also be tried as "Été" and "ÉTÉ".
 */
function caseVariants(term: string): string[] {
  const [first = "", ...rest] = Array.from(term);
  return [...new Set([term, first.toUpperCase() + rest.join(""), term.toUpperCase()])];
}

function filterWhere(user: SessionUser, filters: StoryListParams): Prisma.ArticleWhereInput[] {
  const where: Prisma.ArticleWhereInput[] = [];
  if (filters.status !== "all") where.push({ status: filters.status });
  if (filters.section) where.push({ section: { slug: filters.section } });
  if (filters.byline) where.push({ bylines: { some: { byline: { slug: filters.byline } } } });
  if (filters.mine) where.push({ createdById: user.id });
  if (filters.q) where.push(searchWhere(filters.q));
  return where;
}

const ORDER: Record<StorySort, Prisma.ArticleOrderByWithRelationInput[]> = {
  "updated-desc": [{ updatedAt: "desc" }, { id: "desc" }],
  "updated-asc": [{ updatedAt: "asc" }, { id: "asc" }],
  "published-desc": [{ publishedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "desc" }],
  "headline-asc": [{ headline: "asc" }, { id: "asc" }],
  "scheduled-asc": [{ scheduledAt: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "desc" }],
};

/**
 * One page of the newsroom's story list, filtered, searched and sorted. A page past the end comes back empty with
 * the real page count, for the page to explain.
 */
export async function listStories(filters: StoryListParams, { pageSize = STORY_PAGE_SIZE }: { pageSize?: number } = {}): Promise<Page<StoryListItem>> {
  const user = await requireUser();
  const where: Prisma.ArticleWhereInput = { AND: [visibleWhere(user), ...filterWhere(user, filters)] };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({ where, orderBy: ORDER[filters.sort], skip: (filters.page - 1) * pageSize, take: pageSize, select: listSelect }),
  ]);
  return { items: rows.map((row) => toListItem(row)), page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

export interface FilterOption {
  slug: string;
  name: string;
}

/** The sections and bylines the list can be filtered by. */
export async function listStoryFilterOptions(): Promise<{ sections: FilterOption[]; bylines: FilterOption[] }> {
  await requireUser();
  const db = getDb();
  const [sections, bylines] = await Promise.all([
    db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true } }),
    db.byline.findMany({ orderBy: [{ name: "asc" }, { slug: "asc" }], select: { slug: true, name: true } }),
  ]);
  return { sections, bylines };
}

/** Stories waiting for an editor, oldest first (the longest wait at the top). */
export async function listReviewQueue(): Promise<StoryListItem[]> {
  const user = await requirePermission("review.queue");
  return reviewQueue(user, REVIEW_QUEUE_LIMIT);
}

async function reviewQueue(user: SessionUser, take: number): Promise<StoryListItem[]> {
  const rows = await getDb().article.findMany({
    where: { AND: [visibleWhere(user), { status: ArticleStatus.IN_REVIEW }] },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take,
    select: listSelect,
  });
  return rows.map((row) => toListItem(row));
}

export interface ScheduledEntry {
  /** A story set to publish (scheduled, or published with a future date), or a pending update to a live story. */
  kind: "publish" | "update";
  /** The story's id for a publish; the ScheduledUpdate's id for an update. */
  id: string;
  articleId: string;
  headline: string;
  runAt: Date;
  /** Why a pending update could not be applied, if it failed for good (e.g. the story was edited since). */
  failure: string | null;
  /** The last failed try, while the scheduler keeps retrying: how many tries failed, why, and when it tries next. */
  retrying: { attempts: number; reason: string; nextTry: Date | null } | null;
}

function retryingOf(attempts: number, reason: string | null, nextTry: Date | null): ScheduledEntry["retrying"] {
  return reason ? { attempts, reason, nextTry } : null;
}

export interface Dashboard {
  counts: Record<Status, number>;
  total: number;
  /** Whether this user works the review queue (editors and admins); writers' reviewQueue is always empty. */
  reviews: boolean;
  reviewQueue: StoryListItem[];
  mine: StoryListItem[];
  scheduled: ScheduledEntry[];
  recentlyPublished: StoryListItem[];
}

/** Everything the newsroom dashboard shows, scoped exactly like the story list. */
export async function getDashboard(): Promise<Dashboard> {
  const user = await requireUser();
  const scope = visibleWhere(user);
  const reviews = can(user.role, "review.queue");
  const db = getDb();
  const now = new Date();
  const [groups, mine, queue, scheduledStories, futureStories, scheduledUpdates, recentlyPublished] = await Promise.all([
    db.article.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.article.findMany({
      where: { AND: [scope, { createdById: user.id }] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_LIST_SIZE,
      select: listSelect,
    }),
    reviews ? reviewQueue(user, DASHBOARD_LIST_SIZE) : Promise.resolve([]),
    db.article.findMany({
      where: { AND: [scope, { status: ArticleStatus.SCHEDULED, scheduledAt: { not: null } }] },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: SCHEDULE_SIZE,
      select: { id: true, headline: true, scheduledAt: true, scheduleAttempts: true, scheduleError: true, scheduleRetryAt: true },
    }),
    // Published but dated in the future: readers see it only from then, so it is coming up, not out.
    db.article.findMany({
      where: { AND: [scope, { status: ArticleStatus.PUBLISHED, publishedAt: { gt: now } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      take: SCHEDULE_SIZE,
      select: { id: true, headline: true, publishedAt: true },
    }),
    db.scheduledUpdate.findMany({
      where: { appliedAt: null, article: scope },
      orderBy: [{ runAt: "asc" }, { id: "asc" }],
      take: SCHEDULE_SIZE,
      select: { id: true, runAt: true, failure: true, attempts: true, lastError: true, retryAt: true, article: { select: { id: true, headline: true } } },
    }),
    db.article.findMany({
      where: { AND: [scope, publishedWhere(now)] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: DASHBOARD_LIST_SIZE,
      select: listSelect,
    }),
  ]);
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  const scheduled: ScheduledEntry[] = [
    ...scheduledStories.map((s) => ({
      kind: "publish" as const,
      id: s.id,
      articleId: s.id,
      headline: s.headline,
      runAt: s.scheduledAt!,
      failure: null,
      retrying: retryingOf(s.scheduleAttempts, s.scheduleError, s.scheduleRetryAt),
    })),
    ...futureStories.map((s) => ({ kind: "publish" as const, id: s.id, articleId: s.id, headline: s.headline, runAt: s.publishedAt!, failure: null, retrying: null })),
    ...scheduledUpdates.map((u) => ({
      kind: "update" as const,
      id: u.id,
      articleId: u.article.id,
      headline: u.article.headline,
      runAt: u.runAt,
      failure: u.failure,
      retrying: u.failure ? null : retryingOf(u.attempts, u.lastError, u.retryAt),
    })),
  ]
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
    .slice(0, SCHEDULE_SIZE);
  return {
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    reviews,
    reviewQueue: queue,
    mine: mine.map((row) => toListItem(row, now)),
    scheduled,
    recentlyPublished: recentlyPublished.map((row) => toListItem(row, now)),
  };
}
