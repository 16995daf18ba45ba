import "server-only";
import type { Prisma } from "@/lib/db";
import { toSlug } from "@/lib/content/slug";

// Writes shared by the editor's saves (lib/dal/stories.ts) and the scheduler's updates (lib/dal/scheduling.ts). No
// user checks here: the callers decide who may do what.

type Tx = Prisma.TransactionClient;

/** Whether no other story has this slug, either now or as an old address that redirects to it. */
export async function isSlugFree(tx: Tx, slug: string, articleId?: string): Promise<boolean> {
  const [taken, redirect] = await Promise.all([
    tx.article.findFirst({ where: { slug, ...(articleId && { id: { not: articleId } }) }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { fromSlug: slug }, select: { articleId: true } }),
  ]);
  return !taken && (!redirect || redirect.articleId === articleId);
}

/** `base`, or the first free `base-2`, `base-3` … (a story's own slug and old addresses count as free for it). */
export async function firstFreeSlug(tx: Tx, base: string, articleId?: string): Promise<string> {
  if (await isSlugFree(tx, base, articleId)) return base;
  for (let n = 2; n < 100; n++) {
    const candidate = `${base}-${n}`.slice(0, 120);
    if (await isSlugFree(tx, candidate, articleId)) return candidate;
  }
  return `${base}-${(articleId ?? Date.now().toString(36)).slice(-8)}`;
}

/**
 * The ids of the tags with these names, one per distinct slug, creating the missing ones. `beforeCreate` runs before
 * a new tag is made and may throw (the editor's permission check).
 */
export async function tagIdsForNames(tx: Tx, names: string[], beforeCreate?: () => void): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const slug = toSlug(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    const existing = await tx.tag.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    beforeCreate?.();
    // Another writer (an editor, a scheduled update on another instance) may create the same tag at this moment:
    // an upsert (INSERT … ON CONFLICT on PostgreSQL) takes theirs instead of failing the whole write.
    ids.push((await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } })).id);
  }
  return ids;
}

/** Replaces a story's tags and its bylines, keeping the bylines in the given order. */
export async function replaceTagsAndBylines(tx: Tx, articleId: string, tagIds: string[], bylineIds: string[]): Promise<void> {
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (tagIds.length) await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId, tagId })) });
  await tx.articleByline.deleteMany({ where: { articleId } });
  if (bylineIds.length) await tx.articleByline.createMany({ data: bylineIds.map((bylineId, position) => ({ articleId, bylineId, position })) });
}
