-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "effective_on" DATE NOT NULL DEFAULT CURRENT_DATE,
ADD COLUMN     "valid_until" DATE;

-- CreateIndex
CREATE INDEX "attachments_valid_until_idx" ON "attachments"("valid_until");

-- Files attached before dates were kept: true as of their upload; no end date (they stand until someone sets one).
UPDATE "attachments" SET "effective_on" = ("created_at" AT TIME ZONE 'UTC')::date;
