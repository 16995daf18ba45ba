// PostgreSQL: a weighted tsvector table kept by a trigger (prisma/postgresql/migrations/*_search). Every value is a
// bound parameter, and the words come from query.ts, so plainto_tsquery only ever sees plain words.
import type { SearchEngine, SearchHit, SqlClient, SqlQueries } from "./engine";
import { MARK_END, MARK_START, toSnippetSegments } from "./snippet";

const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=20, MinWords=10, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

export const postgresqlSearch: SearchEngine = {
  async find(db, terms, now, { limit, offset, among }) {
    // ts_rank reads each story's whole tsvector, so only the newest `among` matches are ranked (one more is read, to
    // count); its default weights score a headline (A) match ten times a body (D) match. ts_headline is costlier
    // still: the page of results only. The count comes back on every row, and on a row of its own when none is found.
    const rows = await db.$queryRaw<{ matches: bigint | number; articleId: string | null; snippet: string | null }[]>`
      WITH "q" AS (SELECT plainto_tsquery('english', ${terms.join(" ")}) AS "query"),
      "matches" AS (
        SELECT "d"."articleId", "a"."publishedAt", "a"."id"
        FROM "search_document" AS "d"
        JOIN "Article" AS "a" ON "a"."id" = "d"."articleId"
        WHERE "d"."document" @@ (SELECT "query" FROM "q")
          AND "a"."status" = 'PUBLISHED' AND "a"."publishedAt" <= ${now}
        ORDER BY "a"."publishedAt" DESC, "a"."id" DESC
        LIMIT ${among + 1}::integer
      ),
      "page" AS (
        SELECT "n"."articleId", "n"."publishedAt", "n"."id", ts_rank("d"."document", "q"."query") AS "rank"
        FROM (SELECT * FROM "matches" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${among}::integer) AS "n"
        JOIN "search_document" AS "d" ON "d"."articleId" = "n"."articleId"
        CROSS JOIN "q"
        ORDER BY "rank" DESC, "n"."publishedAt" DESC, "n"."id" DESC
        LIMIT ${limit}::integer OFFSET ${offset}::integer
      )
      SELECT "c"."matches", "s"."articleId", "s"."snippet"
      FROM (SELECT count(*) AS "matches" FROM "matches") AS "c"
      LEFT JOIN (
        SELECT "p"."articleId", "p"."rank", "p"."publishedAt", "p"."id",
          ts_headline('english', left("search_plain_text"("d"."body"), 200000), "q"."query", ${HEADLINE_OPTIONS}) AS "snippet"
        FROM "page" AS "p"
        JOIN "search_document" AS "d" ON "d"."articleId" = "p"."articleId"
        CROSS JOIN "q"
      ) AS "s" ON true
      ORDER BY "s"."rank" DESC, "s"."publishedAt" DESC, "s"."id" DESC`;
    return {
      matches: Number(rows[0]?.matches ?? 0),
      hits: rows.flatMap((row): SearchHit[] => (row.articleId ? [{ articleId: row.articleId, snippet: toSnippetSegments(row.snippet ?? "") }] : [])),
    };
  },

  async rebuild(db: SqlClient) {
    return db.$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM "search_document"`;
      await tx.$executeRaw`
        INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
        SELECT "id", "headline", "standfirst", "body" FROM "Article" WHERE "status" = 'PUBLISHED'`;
      const [row] = await tx.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM "search_document"`;
      return Number(row?.total ?? 0);
    });
  },

  async missingObjects(db: SqlQueries) {
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT 'search_document' AS "name" WHERE to_regclass('"search_document"') IS NOT NULL
      UNION ALL
      SELECT "tgname"::text FROM "pg_trigger"
      WHERE "tgrelid" = to_regclass('"Article"') AND "tgname" = 'search_article_sync'`;
    const present = new Set(rows.map((row) => row.name));
    return ["search_document", "search_article_sync"].filter((name) => !present.has(name));
  },
};
