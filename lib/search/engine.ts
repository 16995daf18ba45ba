import type { SnippetSegment } from "./snippet";

/** The raw-SQL part of a Prisma client, which is all the engines need (the data layer passes getDb()). */
export interface SqlQueries {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

export interface SqlClient extends SqlQueries {
  $transaction<R>(run: (tx: SqlQueries) => Promise<R>, options?: { maxWait?: number; timeout?: number }): PromiseLike<R>;
}

/**
 * A full rebuild is one transaction (readers never see a half-filled index), and Prisma ends an interactive
 * transaction after 5 s by default: refilling PostgreSQL's index for 5,000 stories takes about 15 s.
 */
export const REBUILD_TRANSACTION = { timeout: 60 * 60_000, maxWait: 60_000 } as const;

export interface SearchHit {
  articleId: string;
  snippet: SnippetSegment[];
}

/**
 * One implementation per database engine. Both match only stories that are PUBLISHED with publishedAt <= now, and
 * rank headline matches above standfirst matches above body matches.
 */
export interface SearchFound {
  /** How many readable stories contain every term, counted no further than one past `among`. */
  matches: number;
  hits: SearchHit[];
}

export interface SearchEngine {
  /**
   * One page of the readable stories containing every term, best first, each with a snippet of its body, and how
   * many match. Only the newest `among` matches are ranked (newest by publication, then by id on PostgreSQL and by
   * order of indexing on SQLite for stories of the same millisecond), so a common word costs the same on any
   * archive size.
   */
  find(db: SqlQueries, terms: string[], now: Date, page: { limit: number; offset: number; among: number }): Promise<SearchFound>;
  /** Refills the index from the articles table; returns how many stories it now holds. */
  rebuild(db: SqlClient): Promise<number>;
  /** Names of the index's tables and triggers that are missing from the database (empty when all is well). */
  missingObjects(db: SqlQueries): Promise<string[]>;
}

export class SearchIndexError extends Error {
  override name = "SearchIndexError";
}
