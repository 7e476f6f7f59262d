-- AlterTable
ALTER TABLE "plan_route" ADD COLUMN     "late_reported_sec" DOUBLE PRECISION;
