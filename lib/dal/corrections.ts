import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { keepFor, storyTags } from "@/lib/cache/keep";
import { TAGS } from "@/lib/cache/tags";
import { publishedWhere } from "./published";

// The public record of corrections and update notes (#11 §3): every note on a story readers can see, newest first.
// Cached under `corrections` (a new note: lib/dal/story-writer.ts marks the write), `front` (a story published or
// unpublished changes which notes are listed) and each listed story's own tag (a new headline or address).

export const CORRECTIONS_PAGE_SIZE = 30;
export const CORRECTIONS_FEED_LIMIT = 50;

export interface CorrectionEntry {
  id: string;
  kind: "CORRECTION" | "UPDATE";
  body: string;
  publishedAt: Date;
  article: { id: string; slug: string; headline: string };
}

export interface CorrectionsPage {
  items: CorrectionEntry[];
  page: number;
  pageCount: number;
  total: number;
}

function listedWhere(now: Date): Prisma.CorrectionWhereInput {
  return { publishedAt: { lte: now }, article: { AND: [publishedWhere(now), { deletedAt: null }] } };
}

const entrySelect = {
  id: true,
  kind: true,
  body: true,
  publishedAt: true,
  article: { select: { id: true, slug: true, headline: true } },
} satisfies Prisma.CorrectionSelect;

async function cachedCorrectionsPage(page: number): Promise<CorrectionsPage> {
  "use cache";
  const db = getDb();
  const where = listedWhere(new Date());
  const [total, items] = await Promise.all([
    db.correction.count({ where }),
    db.correction.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], skip: (page - 1) * CORRECTIONS_PAGE_SIZE, take: CORRECTIONS_PAGE_SIZE, select: entrySelect }),
  ]);
  keepFor(TAGS.corrections, TAGS.front, ...storyTags(items.map((item) => item.article)));
  return { items, page, total, pageCount: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)) };
}

/** One page of the corrections list (page 1 is the newest). A page past the last comes back empty. */
export async function getCorrectionsPage(page: number): Promise<CorrectionsPage> {
  if (!Number.isInteger(page) || page < 1) return { items: [], page, pageCount: 1, total: 0 };
  return cachedCorrectionsPage(page);
}

export interface CorrectionsFeed {
  site: { name: string; language: string; copyright: string };
  entries: CorrectionEntry[];
}

async function cachedCorrectionsFeed(): Promise<CorrectionsFeed> {
  "use cache";
  const db = getDb();
  const [site, entries] = await Promise.all([
    db.siteSettings.findUnique({ where: { id: 1 }, select: { name: true, language: true, copyright: true } }),
    db.correction.findMany({ where: listedWhere(new Date()), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: CORRECTIONS_FEED_LIMIT, select: entrySelect }),
  ]);
  keepFor(TAGS.corrections, TAGS.front, TAGS.settings, ...storyTags(entries.map((entry) => entry.article)));
  return { site: site ?? { name: "BreakingOn", language: "en", copyright: "" }, entries };
}

/** The newest notes for the corrections feed. */
export function getCorrectionsFeed(): Promise<CorrectionsFeed> {
  return cachedCorrectionsFeed();
}
