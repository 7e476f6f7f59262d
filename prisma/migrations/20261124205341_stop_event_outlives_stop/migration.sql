-- DropForeignKey
ALTER TABLE "stop_event" DROP CONSTRAINT "stop_event_plan_stop_id_fkey";

-- AlterTable
ALTER TABLE "stop_event" ALTER COLUMN "plan_stop_id" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "stop_event" ADD CONSTRAINT "stop_event_plan_stop_id_fkey" FOREIGN KEY ("plan_stop_id") REFERENCES "plan_stop"("id") ON DELETE SET NULL ON UPDATE CASCADE;
