-- Live coverage, embargoes and distribution (#12), and the backup record (#13): live entries with bylines and
-- revisions, a correction may name an entry, each story's embargo and coverage times, the WebSub hub setting,
-- outgoing webhooks with their delivery log, and backup runs.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "coverageEndedAt" TIMESTAMP(3),
ADD COLUMN     "coverageStartedAt" TIMESTAMP(3),
ADD COLUMN     "embargoUntil" TIMESTAMP(3),
ADD COLUMN     "liveCoverage" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Correction" ADD COLUMN     "liveEntryId" TEXT;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "websubHubUrl" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEntryByline" (
    "entryId" TEXT NOT NULL,
    "bylineId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LiveEntryByline_pkey" PRIMARY KEY ("entryId","bylineId")
);

-- CreateTable
CREATE TABLE "LiveEntryRevision" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "action" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEntryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastTriedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "file" TEXT,
    "sizeBytes" BIGINT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_liveEntryId_fkey" FOREIGN KEY ("liveEntryId") REFERENCES "LiveEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryByline" ADD CONSTRAINT "LiveEntryByline_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryByline" ADD CONSTRAINT "LiveEntryByline_bylineId_fkey" FOREIGN KEY ("bylineId") REFERENCES "Byline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "LiveEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEntryRevision" ADD CONSTRAINT "LiveEntryRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
