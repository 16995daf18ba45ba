-- Live coverage, embargoes and distribution (#12), and the backup record (#13): live entries with bylines and
-- revisions, a correction may name an entry, each story's embargo and coverage times, the WebSub hub setting,
-- outgoing webhooks with their delivery log, and backup runs.
-- Columns are added with ALTER TABLE, not by redefining the tables as Prisma writes by default: a DROP TABLE of
-- "Article" would drop the search and listing triggers kept on it (migrations *_search, *_listing, *_sitemap_hubs).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "embargoUntil" DATETIME;
ALTER TABLE "Article" ADD COLUMN "liveCoverage" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Article" ADD COLUMN "coverageStartedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "coverageEndedAt" DATETIME;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN "websubHubUrl" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveEntryByline" (
    "entryId" TEXT NOT NULL,
    "bylineId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("entryId", "bylineId"),
    CONSTRAINT "LiveEntryByline_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveEntryByline_bylineId_fkey" FOREIGN KEY ("bylineId") REFERENCES "Byline" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveEntryRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveEntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveEntryRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastTriedAt" DATETIME,
    "deliveredAt" DATETIME,
    CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "file" TEXT,
    "sizeBytes" BIGINT,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- AlterTable (after LiveEntry exists, which it references)
ALTER TABLE "Correction" ADD COLUMN "liveEntryId" TEXT REFERENCES "LiveEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "LiveEntry_articleId_deletedAt_publishedAt_idx" ON "LiveEntry"("articleId", "deletedAt", "publishedAt");

-- CreateIndex
CREATE INDEX "LiveEntryByline_bylineId_idx" ON "LiveEntryByline"("bylineId");

-- CreateIndex
CREATE INDEX "LiveEntryRevision_entryId_version_idx" ON "LiveEntryRevision"("entryId", "version");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "BackupRun_status_finishedAt_idx" ON "BackupRun"("status", "finishedAt");

-- CreateIndex
CREATE INDEX "Article_embargoUntil_idx" ON "Article"("embargoUntil");
