import "server-only";
import { getDb } from "@/lib/db";
import { publishedWhere } from "./published";

/**
 * Where the published story that used to live at `slug` lives now, or null: no story ever had it, or a published
 * story has it now (a current slug always wins over an old one, as on the article page). Uncached, no `"use cache"`:
 * proxy.ts calls it outside any render (lib/seo/old-slugs.ts remembers answers for a few seconds).
 */
export async function currentSlugOf(slug: string): Promise<string | null> {
  const db = getDb();
  const moved = await db.slugRedirect.findFirst({ where: { fromSlug: slug, article: publishedWhere() }, select: { article: { select: { slug: true } } } });
  if (!moved) return null;
  const current = await db.article.findFirst({ where: { ...publishedWhere(), slug }, select: { id: true } });
  return current ? null : moved.article.slug;
}
