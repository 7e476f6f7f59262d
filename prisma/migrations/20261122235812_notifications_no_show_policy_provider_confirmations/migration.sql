-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('EVENING_BEFORE', 'PICKUP_CHANGED');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'NO_RECIPIENT');

-- CreateEnum
CREATE TYPE "ClientPolicyAction" AS ENUM ('WARNING', 'SUSPENSION', 'WARNING_CLEARED', 'SUSPENSION_LIFTED');

-- CreateEnum
CREATE TYPE "ProviderOutcome" AS ENUM ('COMPLETED', 'NO_SHOW', 'NOT_DONE');

-- AlterTable
ALTER TABLE "client" ADD COLUMN     "caseworker_phone" TEXT,
ADD COLUMN     "external_id" TEXT,
ADD COLUMN     "no_show_warned_at" TIMESTAMPTZ(3),
ADD COLUMN     "no_shows_count_from" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "ride_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "service_date" DATE NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "window_from_min" INTEGER NOT NULL,
    "window_to_min" INTEGER NOT NULL,
    "recipient_kind" TEXT NOT NULL,
    "recipient" TEXT,
    "text" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "channel" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_policy_event" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" "ClientPolicyAction" NOT NULL,
    "reason" TEXT NOT NULL,
    "no_shows" INTEGER,
    "suspended_from" DATE,
    "suspended_until" DATE,

    CONSTRAINT "client_policy_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_confirmation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "ride_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "outcome" "ProviderOutcome" NOT NULL,
    "km" DOUBLE PRECISION NOT NULL,
    "fee_collected_grosze" INTEGER NOT NULL,
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_organisation_id_service_date_idx" ON "notification"("organisation_id", "service_date");

-- CreateIndex
CREATE INDEX "notification_organisation_id_ride_id_created_at_idx" ON "notification"("organisation_id", "ride_id", "created_at");

-- CreateIndex
CREATE INDEX "notification_status_created_at_idx" ON "notification"("status", "created_at");

-- CreateIndex
CREATE INDEX "client_policy_event_organisation_id_client_id_at_idx" ON "client_policy_event"("organisation_id", "client_id", "at");

-- CreateIndex
CREATE INDEX "provider_confirmation_organisation_id_ride_id_at_idx" ON "provider_confirmation"("organisation_id", "ride_id", "at");

-- CreateIndex
CREATE INDEX "provider_confirmation_organisation_id_provider_id_idx" ON "provider_confirmation"("organisation_id", "provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "client_organisation_id_external_id_key" ON "client"("organisation_id", "external_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_policy_event" ADD CONSTRAINT "client_policy_event_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_policy_event" ADD CONSTRAINT "client_policy_event_organisation_id_client_id_fkey" FOREIGN KEY ("organisation_id", "client_id") REFERENCES "client"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_confirmation" ADD CONSTRAINT "provider_confirmation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_confirmation" ADD CONSTRAINT "provider_confirmation_organisation_id_ride_id_fkey" FOREIGN KEY ("organisation_id", "ride_id") REFERENCES "ride"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_confirmation" ADD CONSTRAINT "provider_confirmation_organisation_id_provider_id_fkey" FOREIGN KEY ("organisation_id", "provider_id") REFERENCES "provider"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
