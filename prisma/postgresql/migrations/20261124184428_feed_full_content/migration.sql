-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN     "feedFullContent" BOOLEAN NOT NULL DEFAULT true;
