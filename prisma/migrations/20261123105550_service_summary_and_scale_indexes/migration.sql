-- DropIndex
DROP INDEX "assessments_status_idx";

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "latest_factor_scores" JSONB;

-- CreateIndex
CREATE INDEX "assessments_status_approved_at_idx" ON "assessments"("status", "approved_at");

-- CreateIndex
CREATE INDEX "findings_working_by_service_idx" ON "findings"("service_id", "severity", "due_date") WHERE (status = ANY (ARRAY['open'::finding_status, 'in_progress'::finding_status]));

-- CreateIndex
CREATE INDEX "findings_unresolved_by_due_idx" ON "findings"("due_date", "severity", "id") WHERE (status <> 'resolved');

-- CreateIndex
CREATE INDEX "findings_resolved_at_idx" ON "findings"("resolved_at");

-- Backfill: each service's factor scores from its latest completed assessment,
-- the one its latest_score already comes from.
UPDATE "services" s
SET "latest_factor_scores" = a."factor_scores"
FROM (
    SELECT DISTINCT ON ("service_id") "service_id", "factor_scores"
    FROM "assessments"
    WHERE "status" = 'completed'
    ORDER BY "service_id", "approved_at" DESC
) a
WHERE a."service_id" = s."id";
