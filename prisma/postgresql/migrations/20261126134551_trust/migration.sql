-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "scheduleAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduleError" TEXT,
ADD COLUMN     "scheduleRetryAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ScheduledUpdate" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "retryAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");
