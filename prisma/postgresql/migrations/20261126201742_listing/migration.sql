-- DropIndex
DROP INDEX "Article_sectionId_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_status_publishedAt_idx";

-- DropIndex
DROP INDEX "ArticleByline_bylineId_idx";

-- DropIndex
DROP INDEX "ArticleTag_tagId_idx";

-- AlterTable
ALTER TABLE "ArticleByline" ADD COLUMN     "lastmod" TIMESTAMP(3),
ADD COLUMN     "listedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN     "lastmod" TIMESTAMP(3),
ADD COLUMN     "listedAt" TIMESTAMP(3);

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
-- As in the search migration: no semicolon inside a function body (spelled \073 in an escape string), and the
-- triggers name no columns, so Prisma's own later migrations can still change those columns' types.

-- CreateFunction
CREATE FUNCTION "listing_link_fill"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    SELECT CASE WHEN "a"."status"::text = ''PUBLISHED'' THEN "a"."publishedAt" END,
           CASE WHEN "a"."status"::text = ''PUBLISHED'' THEN GREATEST("a"."publishedAt", "a"."substantiveUpdatedAt") END
      INTO NEW."listedAt", NEW."lastmod"
      FROM "Article" "a" WHERE "a"."id" = NEW."articleId"\073
    RETURN NEW\073
END
';

-- CreateTrigger
CREATE TRIGGER "listing_tag_fill" BEFORE INSERT OR UPDATE ON "ArticleTag"
FOR EACH ROW EXECUTE FUNCTION "listing_link_fill"();

-- CreateTrigger
CREATE TRIGGER "listing_byline_fill" BEFORE INSERT OR UPDATE ON "ArticleByline"
FOR EACH ROW EXECUTE FUNCTION "listing_link_fill"();

-- CreateFunction
CREATE FUNCTION "listing_article_sync"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    IF (NEW."status"::text, NEW."publishedAt", NEW."substantiveUpdatedAt")
        IS NOT DISTINCT FROM (OLD."status"::text, OLD."publishedAt", OLD."substantiveUpdatedAt") THEN
        RETURN NULL\073
    END IF\073
    UPDATE "ArticleTag" SET "articleId" = "articleId" WHERE "articleId" = NEW."id"\073
    UPDATE "ArticleByline" SET "articleId" = "articleId" WHERE "articleId" = NEW."id"\073
    RETURN NULL\073
END
';

-- CreateTrigger
CREATE TRIGGER "listing_article_sync" AFTER UPDATE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "listing_article_sync"();

-- Existing links (the fill trigger computes them).
UPDATE "ArticleTag" SET "articleId" = "articleId";
UPDATE "ArticleByline" SET "articleId" = "articleId";
