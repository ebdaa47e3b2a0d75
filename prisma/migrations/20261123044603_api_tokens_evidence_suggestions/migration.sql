-- CreateEnum
CREATE TYPE "suggestion_outcome" AS ENUM ('accepted', 'overridden');

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "last_used_ip" TEXT,
ADD COLUMN     "revoked_by_id" UUID;

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "suggestion_decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "suggestion_decided_by_id" UUID,
ADD COLUMN     "suggestion_id" UUID,
ADD COLUMN     "suggestion_outcome" "suggestion_outcome";

-- CreateTable
CREATE TABLE "api_rate_windows" (
    "token_id" UUID NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_windows_pkey" PRIMARY KEY ("token_id","window_start")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "item_id" TEXT NOT NULL,
    "status" "response_status" NOT NULL,
    "summary" TEXT NOT NULL,
    "observations" JSONB NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "token_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "api_rate_windows_window_start_idx" ON "api_rate_windows"("window_start");

-- CreateIndex
CREATE INDEX "evidence_service_id_item_id_submitted_at_idx" ON "evidence"("service_id", "item_id", "submitted_at");

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_suggestion_id_fkey" FOREIGN KEY ("suggestion_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_suggestion_decided_by_id_fkey" FOREIGN KEY ("suggestion_decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_rate_windows" ADD CONSTRAINT "api_rate_windows_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
