-- Sitemap hubs: each tag's and byline's listing summary, so the pages sitemap and the sitemap index read one row per
-- hub instead of probing every hub's links (2,250 index probes: about 90 ms on SQLite and 140 ms on PostgreSQL at
-- 100,000 stories). Kept by triggers from the links' listing columns (migrations *_listing), over the links that
-- are listed (listedAt not null, whether that time is past or still to come):
--   "firstListedAt"  the earliest listedAt: the hub has a published story at `now` exactly when it is <= now;
--   "lastListedAt"   the latest listedAt: when it is <= now every listed link is live, so "lastmod" is the date;
--   "lastmod"        the newest link lastmod.
-- A hub whose "lastListedAt" is still to come (a story published with a future publication time) is dated from its
-- links instead (lib/dal/sitemaps.ts). The summary is recomputed from the links' indexes (three index steps) for
-- each hub whose listed links a transaction made, changed or removed, never adjusted by difference, so a removal or
-- an earlier date is as exact as an addition. The application never writes these columns.
--
-- Concurrency. Two stories sharing a tag may be published at once, and a writer may hold its transaction open for a
-- while (the scheduler's workers skip each other's locked stories and must not wait on a shared tag). So:
--   1. while the transaction runs, statement triggers only note the hubs to refresh, in a transaction-local setting
--      ("sitemap.hubs": ids prefixed t or b): no lock is taken, nothing is written;
--   2. at commit, a deferred trigger locks all the noted hubs' rows in one sweep, tags then bylines, each in id order
--      (so two committing writers cannot deadlock on them), and only then recomputes them, in a new statement whose
--      snapshot is taken after the lock: whoever recomputes a hub last sees every change committed before it. (An
--      UPDATE with the subqueries alone would, after waiting for the other writer's lock, keep its older snapshot and
--      write a summary missing the other story.) Hub rows stay locked from that sweep to the end of the commit only.
-- As in the listing migration: no semicolon inside a function body (spelled \073 in an escape string), and the
-- triggers name no columns.

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN     "firstListedAt" TIMESTAMP(3),
ADD COLUMN     "lastListedAt" TIMESTAMP(3),
ADD COLUMN     "lastmod" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "firstListedAt" TIMESTAMP(3),
ADD COLUMN     "lastListedAt" TIMESTAMP(3),
ADD COLUMN     "lastmod" TIMESTAMP(3);

-- CreateFunction: notes the tags whose listed links the statement made, changed or removed (1 above).
CREATE FUNCTION "sitemap_tag_note"() RETURNS trigger
LANGUAGE plpgsql
AS E'
DECLARE
    "ids" text\073
BEGIN
    IF TG_OP = ''INSERT'' THEN
        SELECT string_agg(DISTINCT ''t'' || "n"."tagId", '','') INTO "ids" FROM "new_links" "n" WHERE "n"."listedAt" IS NOT NULL\073
    ELSIF TG_OP = ''DELETE'' THEN
        SELECT string_agg(DISTINCT ''t'' || "o"."tagId", '','') INTO "ids" FROM "old_links" "o" WHERE "o"."listedAt" IS NOT NULL\073
    ELSE
        SELECT string_agg(DISTINCT ''t'' || "c"."tagId", '','') INTO "ids" FROM (
            SELECT "o"."tagId", "o"."listedAt" FROM "old_links" "o"
            UNION ALL
            SELECT "n"."tagId", "n"."listedAt" FROM "new_links" "n"
        ) "c" WHERE "c"."listedAt" IS NOT NULL\073
    END IF\073
    IF "ids" IS NOT NULL THEN
        PERFORM set_config(''sitemap.hubs'', coalesce(nullif(current_setting(''sitemap.hubs'', true), '''') || '','', '''') || "ids", true)\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateFunction
CREATE FUNCTION "sitemap_byline_note"() RETURNS trigger
LANGUAGE plpgsql
AS E'
DECLARE
    "ids" text\073
BEGIN
    IF TG_OP = ''INSERT'' THEN
        SELECT string_agg(DISTINCT ''b'' || "n"."bylineId", '','') INTO "ids" FROM "new_links" "n" WHERE "n"."listedAt" IS NOT NULL\073
    ELSIF TG_OP = ''DELETE'' THEN
        SELECT string_agg(DISTINCT ''b'' || "o"."bylineId", '','') INTO "ids" FROM "old_links" "o" WHERE "o"."listedAt" IS NOT NULL\073
    ELSE
        SELECT string_agg(DISTINCT ''b'' || "c"."bylineId", '','') INTO "ids" FROM (
            SELECT "o"."bylineId", "o"."listedAt" FROM "old_links" "o"
            UNION ALL
            SELECT "n"."bylineId", "n"."listedAt" FROM "new_links" "n"
        ) "c" WHERE "c"."listedAt" IS NOT NULL\073
    END IF\073
    IF "ids" IS NOT NULL THEN
        PERFORM set_config(''sitemap.hubs'', coalesce(nullif(current_setting(''sitemap.hubs'', true), '''') || '','', '''') || "ids", true)\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateFunction: at commit, locks and recomputes the noted hubs (2 above). The deferred trigger fires once per
-- changed link: the first firing sweeps everything noted and clears the note, the others find it empty.
CREATE FUNCTION "sitemap_hubs_refresh"() RETURNS trigger
LANGUAGE plpgsql
AS E'
DECLARE
    "noted" text := current_setting(''sitemap.hubs'', true)\073
    "tags" text[]\073
    "bylines" text[]\073
BEGIN
    IF "noted" IS NULL OR "noted" = '''' THEN
        RETURN NULL\073
    END IF\073
    PERFORM set_config(''sitemap.hubs'', '''', true)\073
    SELECT array_agg(DISTINCT substr("x", 2) ORDER BY substr("x", 2)) INTO "tags"
      FROM unnest(string_to_array("noted", '','')) "x" WHERE left("x", 1) = ''t''\073
    SELECT array_agg(DISTINCT substr("x", 2) ORDER BY substr("x", 2)) INTO "bylines"
      FROM unnest(string_to_array("noted", '','')) "x" WHERE left("x", 1) = ''b''\073
    IF "tags" IS NOT NULL THEN
        PERFORM 1 FROM "Tag" WHERE "id" = ANY ("tags") ORDER BY "id" FOR NO KEY UPDATE\073
    END IF\073
    IF "bylines" IS NOT NULL THEN
        PERFORM 1 FROM "Byline" WHERE "id" = ANY ("bylines") ORDER BY "id" FOR NO KEY UPDATE\073
    END IF\073
    IF "tags" IS NOT NULL THEN
        UPDATE "Tag" "h" SET
            "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
            "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
            "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
        WHERE "h"."id" = ANY ("tags")\073
    END IF\073
    IF "bylines" IS NOT NULL THEN
        UPDATE "Byline" "h" SET
            "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
            "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
            "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
        WHERE "h"."id" = ANY ("bylines")\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateTrigger: a transition table is allowed on one event per trigger, so three for each link table.
CREATE TRIGGER "sitemap_tag_note_insert" AFTER INSERT ON "ArticleTag"
REFERENCING NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_note"();

-- CreateTrigger
CREATE TRIGGER "sitemap_tag_note_update" AFTER UPDATE ON "ArticleTag"
REFERENCING OLD TABLE AS "old_links" NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_note"();

-- CreateTrigger: also when a story's deletion removes its links.
CREATE TRIGGER "sitemap_tag_note_delete" AFTER DELETE ON "ArticleTag"
REFERENCING OLD TABLE AS "old_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_note"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_note_insert" AFTER INSERT ON "ArticleByline"
REFERENCING NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_note"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_note_update" AFTER UPDATE ON "ArticleByline"
REFERENCING OLD TABLE AS "old_links" NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_note"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_note_delete" AFTER DELETE ON "ArticleByline"
REFERENCING OLD TABLE AS "old_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_note"();

-- CreateTrigger: the sweep at commit (a constraint trigger is a row trigger: one event per changed link).
CREATE CONSTRAINT TRIGGER "sitemap_tag_refresh" AFTER INSERT OR UPDATE OR DELETE ON "ArticleTag"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "sitemap_hubs_refresh"();

-- CreateTrigger
CREATE CONSTRAINT TRIGGER "sitemap_byline_refresh" AFTER INSERT OR UPDATE OR DELETE ON "ArticleByline"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "sitemap_hubs_refresh"();

-- Existing hubs.
UPDATE "Tag" "h" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
UPDATE "Byline" "h" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
