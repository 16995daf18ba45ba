-- DropIndex
DROP INDEX "Article_sectionId_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_status_publishedAt_idx";

-- DropIndex
DROP INDEX "ArticleByline_bylineId_idx";

-- DropIndex
DROP INDEX "ArticleTag_tagId_idx";

-- AlterTable
ALTER TABLE "ArticleByline" ADD COLUMN "lastmod" DATETIME;
ALTER TABLE "ArticleByline" ADD COLUMN "listedAt" DATETIME;

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN "lastmod" DATETIME;
ALTER TABLE "ArticleTag" ADD COLUMN "listedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Article_status_publishedAt_id_idx" ON "Article"("status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_sectionId_status_publishedAt_id_idx" ON "Article"("sectionId", "status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_status_substantiveUpdatedAt_idx" ON "Article"("status", "substantiveUpdatedAt");

-- CreateIndex
CREATE INDEX "Article_sectionId_status_substantiveUpdatedAt_idx" ON "Article"("sectionId", "status", "substantiveUpdatedAt");

-- CreateIndex
CREATE INDEX "ArticleByline_bylineId_listedAt_articleId_idx" ON "ArticleByline"("bylineId", "listedAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleByline_bylineId_lastmod_listedAt_idx" ON "ArticleByline"("bylineId", "lastmod", "listedAt");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_listedAt_articleId_idx" ON "ArticleTag"("tagId", "listedAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_lastmod_listedAt_idx" ON "ArticleTag"("tagId", "lastmod", "listedAt");

-- The listing columns of ArticleTag and ArticleByline follow their story, whoever writes it (editor, scheduler,
-- restore, import, a bulk action): a link made later copies the story's state, and a change of the story's status,
-- publication time or substantive-update time is copied to its links. The application never writes them.
CREATE TRIGGER "listing_tag_insert" AFTER INSERT ON "ArticleTag" BEGIN
  UPDATE "ArticleTag" SET
    "listedAt" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN "a"."publishedAt" END FROM "Article" "a" WHERE "a"."id" = NEW."articleId"),
    "lastmod" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN CASE WHEN "a"."substantiveUpdatedAt" > "a"."publishedAt" THEN "a"."substantiveUpdatedAt" ELSE "a"."publishedAt" END END FROM "Article" "a" WHERE "a"."id" = NEW."articleId")
  WHERE "articleId" = NEW."articleId" AND "tagId" = NEW."tagId";
END;

CREATE TRIGGER "listing_byline_insert" AFTER INSERT ON "ArticleByline" BEGIN
  UPDATE "ArticleByline" SET
    "listedAt" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN "a"."publishedAt" END FROM "Article" "a" WHERE "a"."id" = NEW."articleId"),
    "lastmod" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN CASE WHEN "a"."substantiveUpdatedAt" > "a"."publishedAt" THEN "a"."substantiveUpdatedAt" ELSE "a"."publishedAt" END END FROM "Article" "a" WHERE "a"."id" = NEW."articleId")
  WHERE "articleId" = NEW."articleId" AND "bylineId" = NEW."bylineId";
END;

CREATE TRIGGER "listing_article_update" AFTER UPDATE OF "status", "publishedAt", "substantiveUpdatedAt" ON "Article"
WHEN OLD."status" IS NOT NEW."status" OR OLD."publishedAt" IS NOT NEW."publishedAt" OR OLD."substantiveUpdatedAt" IS NOT NEW."substantiveUpdatedAt"
BEGIN
  UPDATE "ArticleTag" SET
    "listedAt" = CASE WHEN NEW."status" = 'PUBLISHED' THEN NEW."publishedAt" END,
    "lastmod" = CASE WHEN NEW."status" = 'PUBLISHED' THEN CASE WHEN NEW."substantiveUpdatedAt" > NEW."publishedAt" THEN NEW."substantiveUpdatedAt" ELSE NEW."publishedAt" END END
  WHERE "articleId" = NEW."id";
  UPDATE "ArticleByline" SET
    "listedAt" = CASE WHEN NEW."status" = 'PUBLISHED' THEN NEW."publishedAt" END,
    "lastmod" = CASE WHEN NEW."status" = 'PUBLISHED' THEN CASE WHEN NEW."substantiveUpdatedAt" > NEW."publishedAt" THEN NEW."substantiveUpdatedAt" ELSE NEW."publishedAt" END END
  WHERE "articleId" = NEW."id";
END;

-- Existing links.
UPDATE "ArticleTag" SET
  "listedAt" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN "a"."publishedAt" END FROM "Article" "a" WHERE "a"."id" = "ArticleTag"."articleId"),
  "lastmod" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN CASE WHEN "a"."substantiveUpdatedAt" > "a"."publishedAt" THEN "a"."substantiveUpdatedAt" ELSE "a"."publishedAt" END END FROM "Article" "a" WHERE "a"."id" = "ArticleTag"."articleId");
UPDATE "ArticleByline" SET
  "listedAt" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN "a"."publishedAt" END FROM "Article" "a" WHERE "a"."id" = "ArticleByline"."articleId"),
  "lastmod" = (SELECT CASE WHEN "a"."status" = 'PUBLISHED' THEN CASE WHEN "a"."substantiveUpdatedAt" > "a"."publishedAt" THEN "a"."substantiveUpdatedAt" ELSE "a"."publishedAt" END END FROM "Article" "a" WHERE "a"."id" = "ArticleByline"."articleId");
