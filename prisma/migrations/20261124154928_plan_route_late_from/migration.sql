-- AlterTable
ALTER TABLE "plan_route" ADD COLUMN     "late_after_stop_id" UUID,
ADD COLUMN     "late_from_sec" DOUBLE PRECISION;
