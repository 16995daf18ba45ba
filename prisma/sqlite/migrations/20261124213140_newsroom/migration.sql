-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastLoginAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "EditorPresence" (
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("articleId", "userId"),
    CONSTRAINT "EditorPresence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EditorPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "runAt" DATETIME NOT NULL,
    "changes" JSONB NOT NULL,
    "substantive" BOOLEAN NOT NULL DEFAULT true,
    "baseVersion" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    "failure" TEXT,
    CONSTRAINT "ScheduledUpdate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduledUpdate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "scheduledAt" DATETIME,
    "substantiveUpdatedAt" DATETIME,
    "breaking" BOOLEAN NOT NULL DEFAULT false,
    "breakingUntil" DATETIME,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "sectionId" TEXT,
    "heroMediaId" TEXT,
    "seoTitle" TEXT,
    "seoDescription" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "lastEditedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_heroMediaId_fkey" FOREIGN KEY ("heroMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("body", "breaking", "breakingUntil", "createdAt", "createdById", "featured", "headline", "heroMediaId", "id", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "standfirst", "status", "substantiveUpdatedAt", "updatedAt", "version") SELECT "body", "breaking", "breakingUntil", "createdAt", "createdById", "featured", "headline", "heroMediaId", "id", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "standfirst", "status", "substantiveUpdatedAt", "updatedAt", "version" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");
CREATE INDEX "Article_sectionId_status_publishedAt_idx" ON "Article"("sectionId", "status", "publishedAt");
CREATE INDEX "Article_status_scheduledAt_idx" ON "Article"("status", "scheduledAt");
CREATE TABLE "new_SiteSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "publisherDescription" TEXT NOT NULL DEFAULT '',
    "copyright" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "feedFullContent" BOOLEAN NOT NULL DEFAULT true,
    "logoMediaId" TEXT,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SiteSettings_logoMediaId_fkey" FOREIGN KEY ("logoMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SiteSettings" ("copyright", "description", "feedFullContent", "id", "language", "name", "publisherDescription", "timeZone", "updatedAt") SELECT "copyright", "description", "feedFullContent", "id", "language", "name", "publisherDescription", "timeZone", "updatedAt" FROM "SiteSettings";
DROP TABLE "SiteSettings";
ALTER TABLE "new_SiteSettings" RENAME TO "SiteSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "EditorPresence_articleId_lastSeenAt_idx" ON "EditorPresence"("articleId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "ScheduledUpdate_appliedAt_runAt_idx" ON "ScheduledUpdate"("appliedAt", "runAt");

-- Redefining "Article" dropped the reader-search triggers with the old table; re-create them (see the search migration).
-- CreateTrigger
CREATE TRIGGER "search_article_insert" AFTER INSERT ON "Article" WHEN NEW."status" = 'PUBLISHED'
BEGIN
    INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
    VALUES (NEW."id", NEW."headline", NEW."standfirst", NEW."body");
END;

-- CreateTrigger
CREATE TRIGGER "search_article_update" AFTER UPDATE OF "id", "headline", "standfirst", "body", "status" ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
    INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
    SELECT NEW."id", NEW."headline", NEW."standfirst", NEW."body"
    WHERE NEW."status" = 'PUBLISHED';
END;

-- CreateTrigger
CREATE TRIGGER "search_article_delete" AFTER DELETE ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
END;
