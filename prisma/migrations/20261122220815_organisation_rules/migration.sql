-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "rules" JSONB,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
