-- Sitemap hubs: each tag's and byline's listing summary, so the pages sitemap and the sitemap index read one row per
-- hub instead of probing every hub's links (2,250 index probes: about 90 ms on SQLite and 140 ms on PostgreSQL at
-- 100,000 stories). Kept by triggers from the links' listing columns (migrations *_listing), over the links that
-- are listed (listedAt not null, whether that time is past or still to come):
--   "firstListedAt"  the earliest listedAt: the hub has a published story at `now` exactly when it is <= now,
--   "lastListedAt"   the latest listedAt: when it is <= now every listed link is live, so "lastmod" is the date,
--   "lastmod"        the newest link lastmod.
-- A hub whose "lastListedAt" is still to come (a story published with a future publication time) is dated from its
-- links instead (lib/dal/sitemaps.ts). The summary is recomputed from the links' indexes (three index steps) each
-- time a listed link is made, changed or removed, never adjusted by difference, so a removal or an earlier date
-- is as exact as an addition. The application never writes these columns. SQLite has one writer at a time, so each
-- trigger refreshes its hub at once (the PostgreSQL migration explains how concurrent writers are handled there:
-- through "SitemapHubChange", created here too for the shared schema and always empty).
-- A later migration that redefines "ArticleTag" or "ArticleByline" (DROP TABLE + RENAME) drops their triggers and
-- must re-create these as written here.

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN "firstListedAt" DATETIME;
ALTER TABLE "Byline" ADD COLUMN "lastListedAt" DATETIME;
ALTER TABLE "Byline" ADD COLUMN "lastmod" DATETIME;

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN "firstListedAt" DATETIME;
ALTER TABLE "Tag" ADD COLUMN "lastListedAt" DATETIME;
ALTER TABLE "Tag" ADD COLUMN "lastmod" DATETIME;

-- CreateTable: the PostgreSQL migration's queue of hubs to refresh, which SQLite's triggers never need.
CREATE TABLE "SitemapHubChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "hubId" TEXT NOT NULL
);

-- CreateTrigger: a link made already listed (the listing trigger lists a new link by updating it, which the update
-- trigger below sees).
CREATE TRIGGER "sitemap_tag_insert" AFTER INSERT ON "ArticleTag"
WHEN NEW."listedAt" IS NOT NULL
BEGIN
  UPDATE "Tag" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" = NEW."tagId";
END;

-- CreateTrigger
CREATE TRIGGER "sitemap_tag_update" AFTER UPDATE OF "listedAt", "lastmod", "tagId" ON "ArticleTag"
WHEN OLD."listedAt" IS NOT NEW."listedAt" OR OLD."lastmod" IS NOT NEW."lastmod" OR OLD."tagId" IS NOT NEW."tagId"
BEGIN
  UPDATE "Tag" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" IN (OLD."tagId", NEW."tagId");
END;

-- CreateTrigger: also when a story's deletion removes its links.
CREATE TRIGGER "sitemap_tag_delete" AFTER DELETE ON "ArticleTag"
WHEN OLD."listedAt" IS NOT NULL
BEGIN
  UPDATE "Tag" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" = OLD."tagId";
END;

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_insert" AFTER INSERT ON "ArticleByline"
WHEN NEW."listedAt" IS NOT NULL
BEGIN
  UPDATE "Byline" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" = NEW."bylineId";
END;

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_update" AFTER UPDATE OF "listedAt", "lastmod", "bylineId" ON "ArticleByline"
WHEN OLD."listedAt" IS NOT NEW."listedAt" OR OLD."lastmod" IS NOT NEW."lastmod" OR OLD."bylineId" IS NOT NEW."bylineId"
BEGIN
  UPDATE "Byline" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" IN (OLD."bylineId", NEW."bylineId");
END;

-- CreateTrigger
CREATE TRIGGER "sitemap_byline_delete" AFTER DELETE ON "ArticleByline"
WHEN OLD."listedAt" IS NOT NULL
BEGIN
  UPDATE "Byline" SET
    "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
    "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
    "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1)
  WHERE "id" = OLD."bylineId";
END;

-- Existing hubs.
UPDATE "Tag" SET
  "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
  "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
  "lastmod" = (SELECT "l"."lastmod" FROM "ArticleTag" "l" WHERE "l"."tagId" = "Tag"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
UPDATE "Byline" SET
  "firstListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" ASC LIMIT 1),
  "lastListedAt" = (SELECT "l"."listedAt" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL ORDER BY "l"."listedAt" DESC LIMIT 1),
  "lastmod" = (SELECT "l"."lastmod" FROM "ArticleByline" "l" WHERE "l"."bylineId" = "Byline"."id" AND "l"."listedAt" IS NOT NULL AND "l"."lastmod" IS NOT NULL ORDER BY "l"."lastmod" DESC LIMIT 1);
