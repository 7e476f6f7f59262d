-- CreateEnum
CREATE TYPE "StopEventKind" AS ENUM ('ARRIVED', 'PICKED_UP', 'DROPPED_OFF', 'NO_SHOW', 'DELAYED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RideStatus" ADD VALUE 'IN_PROGRESS';
ALTER TYPE "RideStatus" ADD VALUE 'COMPLETED';
ALTER TYPE "RideStatus" ADD VALUE 'NO_SHOW';

-- CreateTable
CREATE TABLE "stop_event" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "plan_stop_id" UUID NOT NULL,
    "ride_id" UUID NOT NULL,
    "kind" "StopEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lat" DOUBLE PRECISION,
    "lon" DOUBLE PRECISION,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "client_event_id" UUID NOT NULL,

    CONSTRAINT "stop_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stop_event_organisation_id_ride_id_idx" ON "stop_event"("organisation_id", "ride_id");

-- CreateIndex
CREATE INDEX "stop_event_plan_stop_id_idx" ON "stop_event"("plan_stop_id");

-- CreateIndex
CREATE UNIQUE INDEX "stop_event_organisation_id_client_event_id_key" ON "stop_event"("organisation_id", "client_event_id");

-- AddForeignKey
ALTER TABLE "stop_event" ADD CONSTRAINT "stop_event_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stop_event" ADD CONSTRAINT "stop_event_plan_stop_id_fkey" FOREIGN KEY ("plan_stop_id") REFERENCES "plan_stop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stop_event" ADD CONSTRAINT "stop_event_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
