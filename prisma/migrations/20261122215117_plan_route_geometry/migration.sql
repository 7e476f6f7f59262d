-- AlterTable
ALTER TABLE "plan_route" ADD COLUMN     "geometry" JSONB;
