-- CreateEnum
CREATE TYPE "EligibilityGroup" AS ENUM ('SENIOR', 'DISABILITY_CERTIFICATE', 'CHILD_0_3', 'CHILD_4_15', 'FAMILY', 'OTHER');

-- CreateEnum
CREATE TYPE "HelpLevel" AS ENUM ('KERB_TO_KERB', 'DOOR_TO_DOOR', 'HAND_TO_HAND');

-- CreateEnum
CREATE TYPE "RidePurpose" AS ENUM ('SOCIAL', 'PROFESSIONAL', 'EDUCATIONAL', 'HEALTH');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('CENTRE_BUDGET', 'EU_PROJECT', 'PFRON', 'OTHER');

-- AlterEnum
ALTER TYPE "Mobility" ADD VALUE 'WHEELCHAIR_TRANSFER';

-- AlterTable
ALTER TABLE "client" ADD COLUMN     "assistance_dog" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "caseworker" TEXT,
ADD COLUMN     "consent_at" DATE,
ADD COLUMN     "consent_note" TEXT,
ADD COLUMN     "eligibility_group" "EligibilityGroup" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "help_level" "HelpLevel" NOT NULL DEFAULT 'KERB_TO_KERB',
ADD COLUMN     "suspended_from" DATE,
ADD COLUMN     "suspended_until" DATE,
ADD COLUMN     "suspension_reason" TEXT;

-- AlterTable
ALTER TABLE "ride" ADD COLUMN     "funding_source" "FundingSource" NOT NULL DEFAULT 'CENTRE_BUDGET',
ADD COLUMN     "purpose" "RidePurpose" NOT NULL DEFAULT 'SOCIAL',
ADD COLUMN     "service_name" TEXT;
