-- CreateTable
CREATE TABLE "address_point" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "simc" TEXT,
    "locality" TEXT NOT NULL,
    "street" TEXT,
    "house_number" TEXT NOT NULL,
    "postcode" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'PRG',
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "address_point_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "address_point_organisation_id_locality_idx" ON "address_point"("organisation_id", "locality");

-- CreateIndex
CREATE UNIQUE INDEX "address_point_organisation_id_locality_street_house_number_key" ON "address_point"("organisation_id", "locality", "street", "house_number");

-- AddForeignKey
ALTER TABLE "address_point" ADD CONSTRAINT "address_point_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
