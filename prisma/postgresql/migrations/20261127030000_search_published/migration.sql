-- Reader search without reading "Article" (lib/search/postgresql.ts). The search query joined every match to
-- "Article" for its status and publication time, read each match from a wide row, and turned the page's Markdown
-- into plain text while cutting snippets: about 190-300 ms for a common word in 100,000 stories.
--
-- Now "search_document" carries "publishedAt" itself and holds only stories that are PUBLISHED with a publication
-- time, so the query filters on "publishedAt" <= now and orders by ("publishedAt", "articleId") on this table alone.
-- Its rows are kept narrow (toast_tuple_target: the text and the tsvector live in the TOAST table), so reading the
-- publication time of ten thousand matches touches a few thousand small pages, not a wide row each. "plainBody"
-- is the body as plain text, made once when a story is indexed, for snippets.
--
-- There is no index on "publishedAt": the GIN index finds the matches, and an index in time order would only
-- tempt the planner to walk it and read every story's tsvector until enough match.
--
-- Adding "plainBody" rewrites the table once (every body is turned into plain text, about 3 minutes for 100,000
-- stories), which also makes the existing rows narrow.
-- As in the search migration: no semicolon inside the function body (spelled \073 in an escape string), and the
-- trigger names no columns.

-- AlterTable
ALTER TABLE "search_document" SET (toast_tuple_target = 128);

-- AlterTable
ALTER TABLE "search_document" ADD COLUMN "publishedAt" TIMESTAMP(3);

-- Existing documents (only "publishedAt" changes, so the tsvector is not computed again).
UPDATE "search_document" AS "d" SET "publishedAt" = "a"."publishedAt"
FROM "Article" AS "a"
WHERE "a"."id" = "d"."articleId" AND "a"."status" = 'PUBLISHED';
DELETE FROM "search_document" WHERE "publishedAt" IS NULL;

-- AlterTable
ALTER TABLE "search_document" ALTER COLUMN "publishedAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "search_document" ADD COLUMN "plainBody" TEXT GENERATED ALWAYS AS (left("search_plain_text"("body"), 200000)) STORED;

-- CreateFunction: replaces the search migration's. A new publication time alone (a story re-published, a scheduled
-- time moved) only moves the row, and any other change indexes the story again, or takes it out of the index when
-- it is no longer published.
CREATE OR REPLACE FUNCTION "search_article_sync"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    IF TG_OP = ''UPDATE''
        AND (NEW."id", NEW."status"::text, NEW."headline", NEW."standfirst", NEW."body", NEW."publishedAt")
            IS NOT DISTINCT FROM (OLD."id", OLD."status"::text, OLD."headline", OLD."standfirst", OLD."body", OLD."publishedAt") THEN
        RETURN NULL\073
    END IF\073
    IF TG_OP = ''UPDATE'' AND NEW."status"::text = ''PUBLISHED'' AND NEW."publishedAt" IS NOT NULL
        AND (NEW."id", NEW."headline", NEW."standfirst", NEW."body")
            IS NOT DISTINCT FROM (OLD."id", OLD."headline", OLD."standfirst", OLD."body") THEN
        UPDATE "search_document" SET "publishedAt" = NEW."publishedAt" WHERE "articleId" = NEW."id"\073
        IF FOUND THEN
            RETURN NULL\073
        END IF\073
    END IF\073
    IF TG_OP <> ''INSERT'' THEN
        DELETE FROM "search_document" WHERE "articleId" = OLD."id"\073
    END IF\073
    IF TG_OP <> ''DELETE'' AND NEW."status"::text = ''PUBLISHED'' AND NEW."publishedAt" IS NOT NULL THEN
        INSERT INTO "search_document" ("articleId", "publishedAt", "headline", "standfirst", "body")
        VALUES (NEW."id", NEW."publishedAt", NEW."headline", NEW."standfirst", NEW."body")\073
    END IF\073
    RETURN NULL\073
END
';
