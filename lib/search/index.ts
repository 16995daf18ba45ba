// Reader search: one interface (SearchEngine), one implementation per database engine, chosen the way lib/db.ts
// chooses the driver adapter. The data layer (lib/dal/search.ts) hands in the client and shapes results for pages.
import type { DatabaseTarget } from "../database-url";
import { SearchIndexError, type SearchEngine, type SearchHit, type SqlClient, type SqlQueries } from "./engine";
import { postgresqlSearch } from "./postgresql";
import { parseSearchQuery } from "./query";
import { sqliteSearch } from "./sqlite";

export { SearchIndexError, type SearchEngine, type SearchFound, type SearchHit, type SqlClient, type SqlQueries } from "./engine";
export { MAX_QUERY_LENGTH, cleanQueryText, parseSearchQuery, type SearchQuery } from "./query";
export { hasHighlight, type SnippetSegment } from "./snippet";

type EngineName = DatabaseTarget["engine"];

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/**
 * Search ranks the newest this-many matching stories, not every match: ranking every story that says "inflation"
 * in a 100,000-story archive took seconds, and nobody reads past the first pages. More matches than this are
 * counted as "1,000+".
 */
export const RANKED_MATCHES = 1000;

export function searchEngineFor(engine: EngineName): SearchEngine {
  return engine === "sqlite" ? sqliteSearch : postgresqlSearch;
}

export interface SearchPage {
  /** The query as searched (tidied, capped); empty when the reader has not searched yet. */
  query: string;
  /** How many matches can be paged through: every match, or the newest `rankedMatches` when more match (capped). */
  total: number;
  /** More stories match than `total`; readers see "1,000+". */
  capped: boolean;
  /** The page shown: the one asked for, kept between 1 and the last page. */
  page: number;
  pageSize: number;
  /** 0 when nothing matched. */
  pageCount: number;
  hits: SearchHit[];
}

export interface SearchOptions {
  page?: number;
  pageSize?: number;
  now?: Date;
  /** How many of the newest matches are ranked and paged (RANKED_MATCHES; tests use a small archive and cap). */
  rankedMatches?: number;
}

/**
 * One page of stories matching a reader's query: the newest `rankedMatches` matches, best first. A query with no
 * words in it (empty, only punctuation or emoji) matches nothing without asking the database. Pages past the end
 * show the last page.
 */
export async function searchIndex(
  db: SqlQueries,
  engine: SearchEngine,
  rawQuery: string,
  { page = 1, pageSize = DEFAULT_PAGE_SIZE, now = new Date(), rankedMatches = RANKED_MATCHES }: SearchOptions = {},
): Promise<SearchPage> {
  const { text, terms } = parseSearchQuery(rawQuery);
  const size = Number.isInteger(pageSize) ? Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const empty: SearchPage = { query: text, total: 0, capped: false, page: 1, pageSize: size, pageCount: 0, hits: [] };
  if (terms.length === 0) return empty;
  const at = (n: number) => ({ limit: size, offset: (n - 1) * size, among: rankedMatches });
  // No page lies past the ranked matches, so that is as far as a reader's page number is taken.
  const asked = Number.isInteger(page) ? Math.min(Math.max(page, 1), Math.ceil(rankedMatches / size)) : 1;
  // One query answers both the page and the count; only a page past the end needs a second, for the last page.
  const found = await engine.find(db, terms, now, at(asked));
  if (found.matches === 0) return empty;
  const total = Math.min(found.matches, rankedMatches);
  const pageCount = Math.ceil(total / size);
  const current = Math.min(asked, pageCount);
  const { hits } = current === asked ? found : await engine.find(db, terms, now, at(current));
  return { query: text, total, capped: found.matches > rankedMatches, page: current, pageSize: size, pageCount, hits };
}

/**
 * Empties and refills the search index from the articles table, after checking that the index and the triggers
 * that keep it in step exist. Returns how many published stories the index holds.
 */
export async function rebuildSearchIndex(db: SqlClient, engineName: EngineName): Promise<number> {
  const engine = searchEngineFor(engineName);
  const missing = await engine.missingObjects(db);
  if (missing.includes("search_document")) {
    throw new SearchIndexError("this database has no search index yet; apply the migrations first: npx prisma migrate deploy");
  }
  const missingTables = missing.filter((name) => name.startsWith("search_document"));
  if (missingTables.length > 0) {
    throw new SearchIndexError(
      `this database's search index lacks ${missingTables.join(", ")}; ` +
        "apply the migrations first: npx prisma migrate deploy",
    );
  }
  if (missing.length > 0) {
    throw new SearchIndexError(
      `the search index's triggers are missing or out of date (${missing.join(", ")}), so it cannot follow article ` +
        `changes; re-create them as in prisma/${engineName}/migrations/*_search_published/migration.sql, then rebuild again`,
    );
  }
  return engine.rebuild(db);
}
