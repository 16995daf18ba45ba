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
  async find(db, terms, now, { limit, offset, among }) {
    // In steps, so the costly parts run on few rows: the newest matches (index lookups only; one past `among`, to
    // count), the bm25() scores of the newest `among` (weighting headline, standfirst, body; lower is better), and
    // snippet() for the page alone. As one ORDER BY over every match, SQLite scored and cut a snippet from every
    // matching story before sorting. The count comes back on every row, and on a row of its own when none is found.
    const query = toFts5Query(terms);
    const rows = await db.$queryRaw<{ matches: bigint | number; articleId: string | null; snippet: string | null }[]>`
      WITH "matches" AS (
        SELECT "d"."id" AS "docId", "a"."publishedAt" AS "publishedAt", "a"."id" AS "id"
        FROM "search_document_fts"
        JOIN "search_document" AS "d" ON "d"."id" = "search_document_fts"."rowid"
        JOIN "Article" AS "a" ON "a"."id" = "d"."articleId"
        WHERE "search_document_fts" MATCH ${query}
          AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ${now}
        ORDER BY "a"."publishedAt" DESC, "a"."id" DESC
        LIMIT ${among + 1}
      ),
      "newest" AS (SELECT * FROM "matches" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${among}),
      "ranked" AS (
        SELECT "n"."docId", "n"."publishedAt", "n"."id", bm25("search_document_fts", 10.0, 4.0, 1.0) AS "rank"
        FROM "newest" AS "n"
        JOIN "search_document_fts" ON "search_document_fts"."rowid" = "n"."docId"
        WHERE "search_document_fts" MATCH ${query}
        ORDER BY "rank", "n"."publishedAt" DESC, "n"."id" DESC
        LIMIT ${limit} OFFSET ${offset}
      ),
      "page" AS (
        SELECT "d"."articleId" AS "articleId", "r"."rank", "r"."publishedAt", "r"."id",
          snippet("search_document_fts", 2, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS "snippet"
        FROM "ranked" AS "r"
        JOIN "search_document_fts" ON "search_document_fts"."rowid" = "r"."docId"
        JOIN "search_document" AS "d" ON "d"."id" = "r"."docId"
        WHERE "search_document_fts" MATCH ${query}
      )
      SELECT "c"."matches", "p"."articleId", "p"."snippet"
      FROM (SELECT count(*) AS "matches" FROM "matches") AS "c"
      LEFT JOIN "page" AS "p" ON 1
      ORDER BY "p"."rank", "p"."publishedAt" DESC, "p"."id" DESC`;
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
