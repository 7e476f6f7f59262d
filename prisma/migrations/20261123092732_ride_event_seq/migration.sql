-- AlterTable
ALTER TABLE "ride_event" ADD COLUMN     "seq" BIGSERIAL NOT NULL;
