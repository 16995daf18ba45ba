// SQLite: an FTS5 table kept by triggers (prisma/sqlite/migrations/*_search). Every value is a bound parameter,
// and the MATCH expression is built from quoted plain words (query.ts), so reader input is never SQL or FTS5 syntax.
import type { SearchEngine, SearchHit, SqlClient, SqlQueries } from "./engine";
import { toFts5Query } from "./query";
import { MARK_END, MARK_START, toSnippetSegments } from "./snippet";

const SNIPPET_TOKENS = 24;

const REQUIRED_OBJECTS = [
  "search_document",
  "search_document_fts",
  "search_document_insert",
  "search_document_delete",
  "search_article_insert",
  "search_article_update",
  "search_article_delete",
];

export const sqliteSearch: SearchEngine = {
  async count(db, terms, now, upTo) {
    const [row] = await db.$queryRaw<{ total: bigint | number }[]>`
      SELECT count(*) AS "total" FROM (
        SELECT 1
        FROM "search_document_fts"
        JOIN "search_document" AS "d" ON "d"."id" = "search_document_fts"."rowid"
        JOIN "Article" AS "a" ON "a"."id" = "d"."articleId"
        WHERE "search_document_fts" MATCH ${toFts5Query(terms)}
          AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ${now}
        LIMIT ${upTo})`;
    return Number(row?.total ?? 0);
  },

  async find(db, terms, now, { limit, offset, among }) {
    // Three steps, so the costly parts run on few rows: the newest `among` matches (index lookups only), their
    // bm25() scores (weighting headline, standfirst, body; lower is better), and snippet() for the page alone —
    // as one ORDER BY over every match, SQLite scored and cut a snippet from every matching story before sorting.
    const query = toFts5Query(terms);
    const rows = await db.$queryRaw<{ articleId: string; snippet: string | null }[]>`
      WITH "newest" AS (
        SELECT "d"."id" AS "docId", "a"."publishedAt" AS "publishedAt", "a"."id" AS "id"
        FROM "search_document_fts"
        JOIN "search_document" AS "d" ON "d"."id" = "search_document_fts"."rowid"
        JOIN "Article" AS "a" ON "a"."id" = "d"."articleId"
        WHERE "search_document_fts" MATCH ${query}
          AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ${now}
        ORDER BY "a"."publishedAt" DESC, "a"."id" DESC
        LIMIT ${among}
      ),
      "ranked" AS (
        SELECT "n"."docId", "n"."publishedAt", "n"."id", bm25("search_document_fts", 10.0, 4.0, 1.0) AS "rank"
        FROM "newest" AS "n"
        JOIN "search_document_fts" ON "search_document_fts"."rowid" = "n"."docId"
        WHERE "search_document_fts" MATCH ${query}
        ORDER BY "rank", "n"."publishedAt" DESC, "n"."id" DESC
        LIMIT ${limit} OFFSET ${offset}
      )
      SELECT "d"."articleId" AS "articleId",
        snippet("search_document_fts", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
      FROM "ranked" AS "r"
      JOIN "search_document_fts" ON "search_document_fts"."rowid" = "r"."docId"
      JOIN "search_document" AS "d" ON "d"."id" = "r"."docId"
      WHERE "search_document_fts" MATCH ${query}
      ORDER BY "r"."rank", "r"."publishedAt" DESC, "r"."id" DESC`;
    return rows.map((row): SearchHit => ({ articleId: row.articleId, snippet: toSnippetSegments(row.snippet ?? "") }));
  },

  async rebuild(db: SqlClient) {
    const total = await db.$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM "search_document"`;
      // Also clears index rows that lost their document, should the two ever have drifted apart.
      await tx.$executeRaw`DELETE FROM "search_document_fts"`;
      await tx.$executeRaw`
        INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
        SELECT "id", "headline", "standfirst", "body" FROM "Article" WHERE "status" = 'PUBLISHED'`;
      const [row] = await tx.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM "search_document"`;
      return Number(row?.total ?? 0);
    });
    await db.$executeRaw`INSERT INTO "search_document_fts" ("search_document_fts") VALUES ('optimize')`;
    return total;
  },

  async missingObjects(db: SqlQueries) {
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT "name" FROM "sqlite_master" WHERE "type" IN ('table', 'trigger')`;
    const present = new Set(rows.map((row) => row.name));
    return REQUIRED_OBJECTS.filter((name) => !present.has(name));
  },
};
