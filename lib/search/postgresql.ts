// PostgreSQL: a weighted tsvector table kept by a trigger (prisma/postgresql/migrations/*_search, and
// *_search_published, which adds each story's publication time and plain-text body to its narrow row). Every value
// is a bound parameter, and the words come from query.ts, so plainto_tsquery only ever sees plain words.
import { REBUILD_TRANSACTION, type SearchEngine, type SearchHit, type SqlClient, type SqlQueries } from "./engine";
import { MARK_END, MARK_START, toSnippetSegments } from "./snippet";

const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=20, MinWords=10, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

// The snippet is cut from this much of a body (characters), starting this far before the first match: ts_headline
// reads all the text it is given, and a whole 5,000-character story took about 1.5 ms to cut.
const WINDOW_BEFORE = 400;
const WINDOW_LENGTH = 2000;

const REQUIRED_OBJECTS = ["search_document", "search_document.publishedAt", "search_document.plainBody", "search_article_sync"];

export const postgresqlSearch: SearchEngine = {
  async find(db, terms, now, { limit, offset, among }) {
    // The matches come from the GIN index and their narrow rows alone ("Article" is not read). The tsquery comes from
    // a CTE, so the planner cannot guess how many stories match and does not walk stories in time order testing each
    // one's tsvector. ts_rank reads each story's whole tsvector, so only the newest `among` matches are ranked (one
    // more is read, to count), through the row each match came from; its default weights score a headline (A) match
    // ten times a body (D) match. ts_headline is costlier still, and its cost grows with the text: the page of
    // results only, and of each body only a window from a little before the first word that starts with a stem of
    // the query ("hous" for "housing"), or the whole body when none does (as when only the headline matches). The
    // count comes back on every row, and on a row of its own when none is found.
    const rows = await db.$queryRaw<{ matches: bigint | number; articleId: string | null; snippet: string | null }[]>`
      WITH "q" AS (
        SELECT plainto_tsquery('english', ${terms.join(" ")}) AS "query",
          (SELECT chr(92) || 'm(' || string_agg("l", '|') || ')' FROM unnest(tsvector_to_array(to_tsvector('english', ${terms.join(" ")}))) AS "l"
           WHERE "l" ~ '^[[:alnum:]]+$') AS "stems"
      ),
      "matches" AS (
        SELECT "d"."articleId", "d"."publishedAt", "d"."articleId" AS "id", "d"."document"
        FROM "search_document" AS "d"
        WHERE "d"."document" @@ (SELECT "query" FROM "q") AND "d"."publishedAt" <= ${now}
        ORDER BY "d"."publishedAt" DESC, "d"."articleId" DESC
        LIMIT ${among + 1}::integer
      ),
      "page" AS (
        SELECT "n"."articleId", "n"."publishedAt", "n"."id", ts_rank("n"."document", "q"."query") AS "rank"
        FROM (SELECT * FROM "matches" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${among}::integer) AS "n"
        CROSS JOIN "q"
        ORDER BY "rank" DESC, "n"."publishedAt" DESC, "n"."id" DESC
        LIMIT ${limit}::integer OFFSET ${offset}::integer
      )
      SELECT "c"."matches", "s"."articleId", "s"."snippet"
      FROM (SELECT count(*) AS "matches" FROM "matches") AS "c"
      LEFT JOIN (
        SELECT "p"."articleId", "p"."rank", "p"."publishedAt", "p"."id",
          ts_headline('english', CASE WHEN "w"."at" > 0 THEN substr("d"."plainBody", greatest("w"."at" - ${WINDOW_BEFORE}::integer, 1), ${WINDOW_LENGTH}::integer) ELSE "d"."plainBody" END,
            "q"."query", ${HEADLINE_OPTIONS}) AS "snippet"
        FROM "page" AS "p"
        JOIN "search_document" AS "d" ON "d"."articleId" = "p"."articleId"
        CROSS JOIN "q"
        CROSS JOIN LATERAL (SELECT coalesce(regexp_instr("d"."plainBody", "q"."stems", 1, 1, 0, 'i'), 0) AS "at") AS "w"
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
        INSERT INTO "search_document" ("articleId", "publishedAt", "headline", "standfirst", "body")
        SELECT "id", "publishedAt", "headline", "standfirst", "body" FROM "Article"
        WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL`;
      const [row] = await tx.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS "total" FROM "search_document"`;
      return Number(row?.total ?? 0);
    }, REBUILD_TRANSACTION);
  },

  async missingObjects(db: SqlQueries) {
    // The trigger counts as missing when its function is older than the *_search_published migration (it would
    // not copy "publishedAt").
    const rows = await db.$queryRaw<{ name: string }[]>`
      SELECT 'search_document' AS "name" WHERE to_regclass('"search_document"') IS NOT NULL
      UNION ALL
      SELECT 'search_document.' || "attname" FROM "pg_attribute"
      WHERE "attrelid" = to_regclass('"search_document"') AND "attname" IN ('publishedAt', 'plainBody') AND NOT "attisdropped"
      UNION ALL
      SELECT "t"."tgname"::text FROM "pg_trigger" AS "t" JOIN "pg_proc" AS "p" ON "p"."oid" = "t"."tgfoid"
      WHERE "t"."tgrelid" = to_regclass('"Article"') AND "t"."tgname" = 'search_article_sync' AND "p"."prosrc" LIKE '%NEW."publishedAt"%'`;
    const present = new Set(rows.map((row) => row.name));
    return REQUIRED_OBJECTS.filter((name) => !present.has(name));
  },
};
