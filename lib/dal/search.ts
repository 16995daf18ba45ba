import "server-only";
import { getDb } from "@/lib/db";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { searchEngineFor, searchIndex, type SearchOptions, type SnippetSegment } from "@/lib/search";
import type { LinkRef } from "./articles";
import { publishedWhere } from "./published";

export interface SearchResult {
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date;
  section: LinkRef | null;
  /** A passage of the body with the matched words highlighted; plain text, never HTML. */
  snippet: SnippetSegment[];
}

export interface SearchResults {
  /** The query as searched (tidied, capped); empty when the reader has not searched yet. */
  query: string;
  /** How many stories can be paged through: every match, or the newest 1,000 when more match. */
  total: number;
  /** More stories match than `total` (readers see "1,000+"). */
  capped: boolean;
  page: number;
  pageSize: number;
  /** 0 when nothing matched. */
  pageCount: number;
  results: SearchResult[];
}

/**
 * Published stories matching a reader's query, best match first among the newest 1,000 matches. Not cached:
 * readers choose the queries, and each distinct one would become an entry in the data cache.
 */
export async function searchArticles(query: string, options: Omit<SearchOptions, "now"> = {}): Promise<SearchResults> {
  const db = getDb();
  const now = new Date();
  const engine = searchEngineFor(resolveDatabaseUrl(process.env.DATABASE_URL).engine);
  const { hits, ...found } = await searchIndex(db, engine, query, { ...options, now });
  if (hits.length === 0) return { ...found, results: [] };
  // The index query filters to published stories in SQL; reading them back through publishedWhere keeps the one
  // shared filter the last word on what readers see.
  const rows = await db.article.findMany({
    where: { AND: [publishedWhere(now), { id: { in: hits.map((hit) => hit.articleId) } }] },
    select: { id: true, slug: true, headline: true, standfirst: true, publishedAt: true, section: { select: { slug: true, name: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = hits.flatMap((hit): SearchResult[] => {
    const row = byId.get(hit.articleId);
    if (!row?.publishedAt) return [];
    const { slug, headline, standfirst, publishedAt, section } = row;
    return [{ slug, headline, standfirst, publishedAt, section, snippet: hit.snippet }];
  });
  return { ...found, results };
}
