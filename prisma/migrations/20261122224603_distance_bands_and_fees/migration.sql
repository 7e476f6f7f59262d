-- CreateEnum
CREATE TYPE "DistanceBand" AS ENUM ('GMINA', 'COUNTY', 'BEYOND');

-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "county_boundary" JSONB;

-- AlterTable
ALTER TABLE "place" ADD COLUMN     "inside_county" BOOLEAN;

-- AlterTable
ALTER TABLE "ride" ADD COLUMN     "distance_band" "DistanceBand",
ADD COLUMN     "fee_grosze" INTEGER;
