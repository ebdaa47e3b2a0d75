-- CreateEnum
CREATE TYPE "drift_kind" AS ENUM ('contradicted', 'citation_changed');

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "import_id" UUID;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "drift_opens_findings" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "evidence_imports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "format_version" TEXT NOT NULL,
    "tools" JSONB NOT NULL DEFAULT '[]',
    "file_name" TEXT,
    "sha256" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "result_count" INTEGER NOT NULL,
    "mapped_count" INTEGER NOT NULL,
    "notes" JSONB NOT NULL DEFAULT '[]',
    "mapping_version" TEXT NOT NULL,
    "token_id" UUID,
    "submitted_by_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imported_results" (
    "id" BIGSERIAL NOT NULL,
    "import_id" UUID NOT NULL,
    "tool" TEXT NOT NULL,
    "tool_version" TEXT,
    "rule" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "severity" TEXT,
    "file" TEXT,
    "line" INTEGER,
    "message" TEXT NOT NULL,
    "item_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "imported_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drifts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "item_id" TEXT NOT NULL,
    "assessment_id" UUID NOT NULL,
    "kind" "drift_kind" NOT NULL,
    "approved_status" "response_status" NOT NULL,
    "observed_status" "response_status" NOT NULL,
    "evidence_id" UUID,
    "source" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "file" TEXT,
    "line" INTEGER,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,

    CONSTRAINT "drifts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "evidence_imports_service_id_submitted_at_idx" ON "evidence_imports"("service_id", "submitted_at");

-- CreateIndex
CREATE INDEX "imported_results_import_id_idx" ON "imported_results"("import_id");

-- CreateIndex
CREATE INDEX "drifts_service_id_resolved_at_idx" ON "drifts"("service_id", "resolved_at");

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "evidence_imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_imports" ADD CONSTRAINT "evidence_imports_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_imports" ADD CONSTRAINT "evidence_imports_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_results" ADD CONSTRAINT "imported_results_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "evidence_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drifts" ADD CONSTRAINT "drifts_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drifts" ADD CONSTRAINT "drifts_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drifts" ADD CONSTRAINT "drifts_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one open drift per service and item: a second submission finds it and leaves it be.
CREATE UNIQUE INDEX "drifts_open_item_key" ON "drifts"("service_id", "item_id") WHERE "resolved_at" IS NULL;
