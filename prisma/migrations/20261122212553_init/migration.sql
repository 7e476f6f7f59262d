-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('DEPOT', 'ADDRESS', 'CUS', 'HEALTH', 'HOSPITAL', 'REHAB', 'SCHOOL', 'OFFICE', 'NGO', 'OTHER');

-- CreateEnum
CREATE TYPE "Mobility" AS ENUM ('WALKS', 'WALKER', 'WHEELCHAIR');

-- CreateEnum
CREATE TYPE "TimeMode" AS ENUM ('ARRIVE_BY', 'DEPART_AFTER');

-- CreateEnum
CREATE TYPE "RideStatus" AS ENUM ('REQUESTED', 'SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "StopKind" AS ENUM ('PICKUP', 'DROPOFF');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gmina_name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Warsaw',
    "boundary" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "inside_gmina" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "phone" TEXT,
    "home_place_id" UUID NOT NULL,
    "mobility" "Mobility" NOT NULL DEFAULT 'WALKS',
    "needs_assistant" BOOLEAN NOT NULL DEFAULT false,
    "driver_notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicle" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "registration" TEXT,
    "seats" INTEGER NOT NULL,
    "wheelchair_places" INTEGER NOT NULL,
    "depot_place_id" UUID NOT NULL,
    "shift_start_min" INTEGER NOT NULL,
    "shift_end_min" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ride" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "service_date" DATE NOT NULL,
    "from_place_id" UUID NOT NULL,
    "to_place_id" UUID NOT NULL,
    "time_mode" "TimeMode" NOT NULL,
    "time_min" INTEGER NOT NULL,
    "wheelchair" BOOLEAN NOT NULL DEFAULT false,
    "assistant" BOOLEAN NOT NULL DEFAULT false,
    "outbound_ride_id" UUID,
    "status" "RideStatus" NOT NULL DEFAULT 'REQUESTED',
    "notes" TEXT,
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "service_date" DATE NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "travel_time_source" TEXT,
    "data_version" TEXT,
    "error" TEXT,
    "rides_placed" INTEGER,
    "rides_unassigned" INTEGER,
    "distance_m" DOUBLE PRECISION,
    "duration_sec" DOUBLE PRECISION,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_route" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "start_sec" DOUBLE PRECISION NOT NULL,
    "end_sec" DOUBLE PRECISION NOT NULL,
    "distance_m" DOUBLE PRECISION NOT NULL,
    "driving_sec" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "plan_route_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_stop" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "route_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "StopKind" NOT NULL,
    "ride_id" UUID NOT NULL,
    "place_id" UUID NOT NULL,
    "arrival_sec" DOUBLE PRECISION NOT NULL,
    "service_start_sec" DOUBLE PRECISION NOT NULL,
    "departure_sec" DOUBLE PRECISION NOT NULL,
    "seats_after" INTEGER NOT NULL,
    "wheelchairs_after" INTEGER NOT NULL,

    CONSTRAINT "plan_stop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_unassigned" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "ride_id" UUID NOT NULL,
    "reason_code" TEXT NOT NULL,
    "reason_pl" TEXT NOT NULL,
    "reason_en" TEXT NOT NULL,

    CONSTRAINT "plan_unassigned_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation"("slug");

-- CreateIndex
CREATE INDEX "place_organisation_id_kind_idx" ON "place"("organisation_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "place_organisation_id_id_key" ON "place"("organisation_id", "id");

-- CreateIndex
CREATE INDEX "client_organisation_id_last_name_idx" ON "client"("organisation_id", "last_name");

-- CreateIndex
CREATE UNIQUE INDEX "client_organisation_id_id_key" ON "client"("organisation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "vehicle_organisation_id_id_key" ON "vehicle"("organisation_id", "id");

-- CreateIndex
CREATE INDEX "ride_organisation_id_service_date_idx" ON "ride"("organisation_id", "service_date");

-- CreateIndex
CREATE UNIQUE INDEX "ride_organisation_id_id_key" ON "ride"("organisation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_organisation_id_service_date_revision_key" ON "plan"("organisation_id", "service_date", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "plan_organisation_id_id_key" ON "plan"("organisation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_route_plan_id_vehicle_id_key" ON "plan_route"("plan_id", "vehicle_id");

-- CreateIndex
CREATE INDEX "plan_stop_organisation_id_ride_id_idx" ON "plan_stop"("organisation_id", "ride_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_stop_route_id_sequence_key" ON "plan_stop"("route_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "plan_unassigned_plan_id_ride_id_key" ON "plan_unassigned"("plan_id", "ride_id");

-- AddForeignKey
ALTER TABLE "place" ADD CONSTRAINT "place_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client" ADD CONSTRAINT "client_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client" ADD CONSTRAINT "client_organisation_id_home_place_id_fkey" FOREIGN KEY ("organisation_id", "home_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_organisation_id_depot_place_id_fkey" FOREIGN KEY ("organisation_id", "depot_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_organisation_id_client_id_fkey" FOREIGN KEY ("organisation_id", "client_id") REFERENCES "client"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_organisation_id_from_place_id_fkey" FOREIGN KEY ("organisation_id", "from_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_organisation_id_to_place_id_fkey" FOREIGN KEY ("organisation_id", "to_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_outbound_ride_id_fkey" FOREIGN KEY ("outbound_ride_id") REFERENCES "ride"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan" ADD CONSTRAINT "plan_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_route" ADD CONSTRAINT "plan_route_organisation_id_plan_id_fkey" FOREIGN KEY ("organisation_id", "plan_id") REFERENCES "plan"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_route" ADD CONSTRAINT "plan_route_organisation_id_vehicle_id_fkey" FOREIGN KEY ("organisation_id", "vehicle_id") REFERENCES "vehicle"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_stop" ADD CONSTRAINT "plan_stop_route_id_fkey" FOREIGN KEY ("route_id") REFERENCES "plan_route"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_stop" ADD CONSTRAINT "plan_stop_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_unassigned" ADD CONSTRAINT "plan_unassigned_organisation_id_plan_id_fkey" FOREIGN KEY ("organisation_id", "plan_id") REFERENCES "plan"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_unassigned" ADD CONSTRAINT "plan_unassigned_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
