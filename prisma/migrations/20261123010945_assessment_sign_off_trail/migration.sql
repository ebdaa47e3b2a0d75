-- CreateEnum
CREATE TYPE "assessment_event_kind" AS ENUM ('started', 'submitted', 'returned', 'approved');

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "item_revised" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "assessment_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assessment_id" UUID NOT NULL,
    "kind" "assessment_event_kind" NOT NULL,
    "actor_id" UUID,
    "actor_label" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assessment_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assessment_events_assessment_id_occurred_at_idx" ON "assessment_events"("assessment_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "assessment_events" ADD CONSTRAINT "assessment_events_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_events" ADD CONSTRAINT "assessment_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
