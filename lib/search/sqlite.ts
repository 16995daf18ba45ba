// SQLite: an FTS5 table kept by triggers (prisma/sqlite/migrations/*_search, redefined in *_search_published, whose
// rowids follow publication time). Every value is a bound parameter,
// and the MATCH expression is built from quoted plain words (query.ts), so reader input is never SQL or FTS5 syntax.
import { REBUILD_TRANSACTION, type SearchEngine, type SearchHit, type SqlClient, type SqlQueries } from "./engine";
import { toFts5Query } from "./query";
import { MARK_END, MARK_START, toSnippetSegments } from "./snippet";

const SNIPPET_TOKENS = 24;

const REQUIRED_OBJECTS = [
  "search_document",
  "search_document.publishedAt",
  "search_document_fts",
  "search_document_insert",
  "search_document_delete",
  "search_article_insert",
  "search_article_update",
  "search_article_delete",
];

export const sqliteSearch: SearchEngine = {
  async find(db, terms, now, { limit, offset, among }) {
    // The index's rowid is the publication time in milliseconds times 65536, plus a count for stories of the same
    // millisecond (prisma/sqlite/migrations/*_search_published), so FTS5 hands out the newest matches first and
    // "published at or before now" is a rowid bound: one pass over the index finds the newest `among` matches (one
    // more, to count) and scores them with bm25() (weighting headline, standfirst, body; lower is better), and
    // snippet() runs for the page alone. Neither "Article" nor a sort of every match is involved. The count comes
    // back on every row, and on a row of its own when none is found.
    const query = toFts5Query(terms);
    const rows = await db.$queryRaw<{ matches: bigint | number; articleId: string | null; snippet: string | null }[]>`
      WITH "newest" AS (
        SELECT "rowid" AS "docId", bm25("search_document_fts", 10.0, 4.0, 1.0) AS "rank"
        FROM "search_document_fts"
        WHERE "search_document_fts" MATCH ${query} AND "rowid" < (CAST(${now.getTime()} AS INTEGER) + 1) * 65536
        ORDER BY "rowid" DESC
        LIMIT ${among + 1}
      ),
      "ranked" AS (
        SELECT "docId", "rank" FROM (SELECT * FROM "newest" ORDER BY "docId" DESC LIMIT ${among})
        ORDER BY "rank", "docId" DESC
        LIMIT ${limit} OFFSET ${offset}
      ),
      "page" AS (
        SELECT "d"."articleId" AS "articleId", "r"."rank", "r"."docId",
          snippet("search_document_fts", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
        FROM "ranked" AS "r"
        JOIN "search_document_fts" ON "search_document_fts"."rowid" = "r"."docId"
        JOIN "search_document" AS "d" ON "d"."id" = "r"."docId"
        WHERE "search_document_fts" MATCH ${query}
      )
      SELECT "c"."matches", "p"."articleId", "p"."snippet"
      FROM (SELECT count(*) AS "matches" FROM "newest") AS "c"
      LEFT JOIN "page" AS "p" ON 1
      ORDER BY "p"."rank", "p"."docId" DESC`;
    return {
      matches: Number(rows[0]?.matches ?? 0),
      hits: rows.flatMap((row): SearchHit[] => (row.articleId ? [{ articleId: row.articleId, snippet: toSnippetSegments(row.snippet ?? "") }] : [])),
    };
  },

  async rebuild(db: SqlClient) {
    const total = await db.$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM "search_document"`;
      // Also clears index rows that lost their document, should the two ever have drifted apart.
      await tx.$executeRaw`DELETE FROM "search_document_fts"`;
      await tx.$executeRaw`
        INSERT INTO "search_document" ("id", "articleId", "publishedAt", "headline", "standfirst", "body")
        SELECT "base" + row_number() OVER (PARTITION BY "base" ORDER BY "id") - 1, "id", "publishedAt", "headline", "standfirst", "body"
        FROM (
          SELECT *, CAST(round((julianday("publishedAt") - 2440587.5) * 86400000) AS INTEGER) * 65536 AS "base"
          FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL
        )`;
      const [row] = await tx.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM "search_document"`;
      return Number(row?.total ?? 0);
    }, REBUILD_TRANSACTION);
    await db.$executeRaw`INSERT INTO "search_document_fts" ("search_document_fts") VALUES ('optimize')`;
    return total;
  },

  async missingObjects(db: SqlQueries) {
    // A trigger on "Article" re-created from a migration older than *_search_published would not copy
    // "publishedAt", so it counts as missing.
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT "name" FROM "sqlite_master"
      WHERE "type" = 'table'
        OR ("type" = 'trigger' AND ("name" NOT IN ('search_article_insert', 'search_article_update') OR "sql" LIKE '%NEW."publishedAt"%'))
      UNION ALL
      SELECT 'search_document.publishedAt' FROM pragma_table_info('search_document') WHERE "name" = 'publishedAt'`;
    const present = new Set(rows.map((row) => row.name));
    return REQUIRED_OBJECTS.filter((name) => !present.has(name));
  },
};
