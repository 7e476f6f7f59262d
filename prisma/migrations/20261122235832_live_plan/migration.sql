-- AlterTable
ALTER TABLE "plan" ADD COLUMN     "keep_locked" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_route" ADD COLUMN     "locked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "out_of_service_min" INTEGER,
ADD COLUMN     "out_of_service_reason" TEXT;

-- AlterTable
ALTER TABLE "plan_stop" ADD COLUMN     "eta_sec" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "stop_event" ADD COLUMN     "delay_min" INTEGER;

-- CreateTable
CREATE TABLE "plan_change" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ride_id" UUID,
    "vehicle_id" UUID,
    "message_pl" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "plan_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "plan_change_plan_id_at_idx" ON "plan_change"("plan_id", "at");

-- AddForeignKey
ALTER TABLE "plan_change" ADD CONSTRAINT "plan_change_organisation_id_plan_id_fkey" FOREIGN KEY ("organisation_id", "plan_id") REFERENCES "plan"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
