-- Sitemap hubs: each tag's and byline's listing summary, so the pages sitemap and the sitemap index read one row per
-- hub instead of probing every hub's links (2,250 index probes: about 90 ms on SQLite and 140 ms on PostgreSQL at
-- 100,000 stories). Worked out from the links' listing columns (migrations *_listing), over the links that are
-- listed (listedAt not null, whether that time is past or still to come):
--   "firstListedAt"  the earliest listedAt: the hub has a published story at `now` exactly when it is <= now,
--   "lastListedAt"   the latest listedAt: when it is <= now every listed link is live, so "lastmod" is the date,
--   "lastmod"        the newest link lastmod.
-- A hub whose "lastListedAt" is still to come (a story published with a future publication time) is dated from its
-- links instead (lib/dal/sitemaps.ts). A summary is always worked out again from the links' indexes (three index
-- steps), never adjusted by difference, so a removal or an earlier date is as exact as an addition.
--
-- Concurrency. Two stories sharing a tag may be published at once, and a writer may hold its transaction open for a
-- while (the scheduler's workers skip each other's locked stories and must not wait on a shared tag). Any write to
-- the tag's row inside the writer's transaction would make the others wait on it until commit, and a deferred
-- (constraint) trigger, which could do it at commit, makes Prisma's schema engine fail on this database (it reads
-- the trigger's pg_constraint row as a table constraint). So here the triggers write no hub row:
--   1. each statement that makes, changes or removes listed links queues their hubs in "SitemapHubChange" (plain
--      inserts, which wait for no one),
--   2. lib/dal/sitemaps.ts takes queued entries off (FOR UPDATE SKIP LOCKED), locks their hubs' rows in id order,
--      and only then works their summaries out, in a new statement whose snapshot is taken after the lock,
--   3. until its entries are gone, a queued hub is dated from its links, so a read is exact at any moment.
-- An entry is visible only once its writer has committed, and is removed by a worker that saw it and so recomputes
-- with that writer's links, and whoever recomputes a hub last holds its lock and sees every change committed before.
-- As in the listing migration: no semicolon inside a function body (spelled \073 in an escape string) nor in a
-- comment (Prisma's migrate splits the script at each), and the triggers name no columns.

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN     "firstListedAt" TIMESTAMP(3),
ADD COLUMN     "lastListedAt" TIMESTAMP(3),
ADD COLUMN     "lastmod" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN     "firstListedAt" TIMESTAMP(3),
ADD COLUMN     "lastListedAt" TIMESTAMP(3),
ADD COLUMN     "lastmod" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SitemapHubChange" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,

    CONSTRAINT "SitemapHubChange_pkey" PRIMARY KEY ("id")
);

-- CreateFunction: queues the tags whose listed links the statement made, changed or removed (1 above).
CREATE FUNCTION "sitemap_tag_queue"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    IF TG_OP = ''INSERT'' THEN
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''tag'', "n"."tagId" FROM "new_links" "n" WHERE "n"."listedAt" IS NOT NULL\073
    ELSIF TG_OP = ''DELETE'' THEN
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''tag'', "o"."tagId" FROM "old_links" "o" WHERE "o"."listedAt" IS NOT NULL\073
    ELSE
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''tag'', "c"."tagId" FROM (
            SELECT "o"."tagId", "o"."listedAt" FROM "old_links" "o"
            UNION ALL
            SELECT "n"."tagId", "n"."listedAt" FROM "new_links" "n"
        ) "c" WHERE "c"."listedAt" IS NOT NULL\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateFunction
CREATE FUNCTION "sitemap_byline_queue"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    IF TG_OP = ''INSERT'' THEN
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''byline'', "n"."bylineId" FROM "new_links" "n" WHERE "n"."listedAt" IS NOT NULL\073
    ELSIF TG_OP = ''DELETE'' THEN
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''byline'', "o"."bylineId" FROM "old_links" "o" WHERE "o"."listedAt" IS NOT NULL\073
    ELSE
        INSERT INTO "SitemapHubChange" ("kind", "hubId")
        SELECT DISTINCT ''byline'', "c"."bylineId" FROM (
            SELECT "o"."bylineId", "o"."listedAt" FROM "old_links" "o"
            UNION ALL
            SELECT "n"."bylineId", "n"."listedAt" FROM "new_links" "n"
        ) "c" WHERE "c"."listedAt" IS NOT NULL\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateTrigger: a transition table is allowed on one event per trigger, so three for each link table.
CREATE TRIGGER "sitemap_tag_queue_insert" AFTER INSERT ON "ArticleTag"
REFERENCING NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_queue"();

-- CreateTrigger
CREATE TRIGGER "sitemap_tag_queue_update" AFTER UPDATE ON "ArticleTag"
REFERENCING OLD TABLE AS "old_links" NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_queue"();

-- CreateTrigger: also when a story's deletion removes its links.
CREATE TRIGGER "sitemap_tag_queue_delete" AFTER DELETE ON "ArticleTag"
REFERENCING OLD TABLE AS "old_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_tag_queue"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_queue_insert" AFTER INSERT ON "ArticleByline"
REFERENCING NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_queue"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_queue_update" AFTER UPDATE ON "ArticleByline"
REFERENCING OLD TABLE AS "old_links" NEW TABLE AS "new_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_queue"();

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_queue_delete" AFTER DELETE ON "ArticleByline"
REFERENCING OLD TABLE AS "old_links"
FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_byline_queue"();

-- Existing hubs.
UPDATE "Tag" "h" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
UPDATE "Byline" "h" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "h"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
