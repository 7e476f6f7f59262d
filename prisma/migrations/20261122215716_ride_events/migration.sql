-- CreateTable
CREATE TABLE "ride_event" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "ride_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "from_status" "RideStatus",
    "to_status" "RideStatus" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "ride_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ride_event_organisation_id_ride_id_at_idx" ON "ride_event"("organisation_id", "ride_id", "at");

-- AddForeignKey
ALTER TABLE "ride_event" ADD CONSTRAINT "ride_event_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ride_event" ADD CONSTRAINT "ride_event_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
