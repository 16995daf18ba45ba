-- Trust (#11 §3): site pages with revisions, each story type of work and dateline, more of a byline profile,
-- and the short tagline, Twitter handle and sameAs profiles in the settings.
-- Columns are added with ALTER TABLE, not by redefining the tables as Prisma writes by default: a DROP TABLE of
-- "Article" or "Byline" would drop the search and listing triggers kept on them (migrations *_search, *_listing,
-- *_sitemap_hubs). Column order then differs from a fresh database, which Prisma does not compare.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "workType" TEXT NOT NULL DEFAULT 'NEWS';
ALTER TABLE "Article" ADD COLUMN "dateline" TEXT;

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN "expertise" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Byline" ADD COLUMN "languages" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Byline" ADD COLUMN "contactEmail" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN "tagline" TEXT NOT NULL DEFAULT '';
ALTER TABLE "SiteSettings" ADD COLUMN "twitterHandle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "SiteSettings" ADD COLUMN "sameAs" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Page" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PageRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pageId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PageRevision_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PageRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Page_slug_key" ON "Page"("slug");

-- CreateIndex
CREATE INDEX "PageRevision_pageId_createdAt_idx" ON "PageRevision"("pageId", "createdAt");
