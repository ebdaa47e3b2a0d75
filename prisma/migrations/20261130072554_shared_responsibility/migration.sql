-- CreateEnum
CREATE TYPE "validation" AS ENUM ('agreed', 'sent_back');

-- AlterEnum
ALTER TYPE "team_role" ADD VALUE 'owner';

-- AlterTable
ALTER TABLE "assessments" ADD COLUMN     "sample_drawn_at" TIMESTAMPTZ(3),
ADD COLUMN     "sample_drawn_by_id" UUID,
ADD COLUMN     "sample_item_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sampling_rule" JSONB;

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "assignee_id" UUID,
ADD COLUMN     "attested_at" TIMESTAMPTZ(3),
ADD COLUMN     "attested_by_id" UUID,
ADD COLUMN     "carried_from_id" UUID,
ADD COLUMN     "recheck_reason" TEXT,
ADD COLUMN     "validated_at" TIMESTAMPTZ(3),
ADD COLUMN     "validated_by_id" UUID,
ADD COLUMN     "validation" "validation",
ADD COLUMN     "validation_comment" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "responses_assignee_id_idx" ON "responses"("assignee_id");

-- AddForeignKey
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_sample_drawn_by_id_fkey" FOREIGN KEY ("sample_drawn_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_attested_by_id_fkey" FOREIGN KEY ("attested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_validated_by_id_fkey" FOREIGN KEY ("validated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Answers given before owners existed were given by reviewers: attested and
-- validated by whoever saved them, when they saved them.
UPDATE "responses"
SET "attested_by_id" = "updated_by_id", "attested_at" = "updated_at",
    "validation" = 'agreed', "validated_by_id" = "updated_by_id", "validated_at" = "updated_at"
WHERE "status" <> 'unanswered' AND "carried_over" = false;
