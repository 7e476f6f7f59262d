-- AlterTable
ALTER TABLE "ride" ADD COLUMN     "recurring_leg" INTEGER,
ADD COLUMN     "recurring_ride_id" UUID;

-- CreateTable
CREATE TABLE "recurring_ride" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "from_place_id" UUID NOT NULL,
    "to_place_id" UUID NOT NULL,
    "time_mode" "TimeMode" NOT NULL,
    "time_min" INTEGER NOT NULL,
    "return_time_min" INTEGER,
    "weekdays" INTEGER[],
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "except_dates" DATE[],
    "wheelchair" BOOLEAN NOT NULL DEFAULT false,
    "assistant" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recurring_ride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recurring_ride_organisation_id_id_key" ON "recurring_ride"("organisation_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ride_recurring_ride_id_service_date_recurring_leg_key" ON "ride"("recurring_ride_id", "service_date", "recurring_leg");

-- AddForeignKey
ALTER TABLE "ride" ADD CONSTRAINT "ride_organisation_id_recurring_ride_id_fkey" FOREIGN KEY ("organisation_id", "recurring_ride_id") REFERENCES "recurring_ride"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recurring_ride" ADD CONSTRAINT "recurring_ride_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recurring_ride" ADD CONSTRAINT "recurring_ride_organisation_id_client_id_fkey" FOREIGN KEY ("organisation_id", "client_id") REFERENCES "client"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recurring_ride" ADD CONSTRAINT "recurring_ride_organisation_id_from_place_id_fkey" FOREIGN KEY ("organisation_id", "from_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recurring_ride" ADD CONSTRAINT "recurring_ride_organisation_id_to_place_id_fkey" FOREIGN KEY ("organisation_id", "to_place_id") REFERENCES "place"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
