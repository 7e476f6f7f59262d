-- AlterTable
ALTER TABLE "stop_event" ADD COLUMN     "expected_sec" DOUBLE PRECISION;
