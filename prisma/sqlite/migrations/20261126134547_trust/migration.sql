-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
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
    "scheduleAttempts" INTEGER NOT NULL DEFAULT 0,
    "scheduleError" TEXT,
    "scheduleRetryAt" DATETIME,
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
INSERT INTO "new_Article" ("body", "breaking", "breakingUntil", "createdAt", "createdById", "featured", "headline", "heroMediaId", "id", "lastEditedById", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "standfirst", "status", "substantiveUpdatedAt", "updatedAt", "version") SELECT "body", "breaking", "breakingUntil", "createdAt", "createdById", "featured", "headline", "heroMediaId", "id", "lastEditedById", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "standfirst", "status", "substantiveUpdatedAt", "updatedAt", "version" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");
CREATE INDEX "Article_sectionId_status_publishedAt_idx" ON "Article"("sectionId", "status", "publishedAt");
CREATE INDEX "Article_status_scheduledAt_idx" ON "Article"("status", "scheduledAt");
CREATE TABLE "new_ScheduledUpdate" (
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
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "retryAt" DATETIME,
    CONSTRAINT "ScheduledUpdate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduledUpdate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ScheduledUpdate" ("appliedAt", "articleId", "baseVersion", "changes", "createdAt", "createdById", "failure", "id", "runAt", "substantive") SELECT "appliedAt", "articleId", "baseVersion", "changes", "createdAt", "createdById", "failure", "id", "runAt", "substantive" FROM "ScheduledUpdate";
DROP TABLE "ScheduledUpdate";
ALTER TABLE "new_ScheduledUpdate" RENAME TO "ScheduledUpdate";
CREATE INDEX "ScheduledUpdate_appliedAt_runAt_idx" ON "ScheduledUpdate"("appliedAt", "runAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

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
