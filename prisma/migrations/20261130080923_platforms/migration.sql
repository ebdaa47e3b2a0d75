-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "inherited_from_id" UUID;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "current_factor_scores" JSONB,
ADD COLUMN     "current_score" DOUBLE PRECISION,
ADD COLUMN     "platform_items" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "platform_kind" TEXT;

-- CreateTable
CREATE TABLE "platform_uses" (
    "service_id" UUID NOT NULL,
    "platform_id" UUID NOT NULL,
    "modes" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_uses_pkey" PRIMARY KEY ("service_id","platform_id")
);

-- CreateIndex
CREATE INDEX "platform_uses_platform_id_idx" ON "platform_uses"("platform_id");

-- AddForeignKey
ALTER TABLE "platform_uses" ADD CONSTRAINT "platform_uses_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_uses" ADD CONSTRAINT "platform_uses_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_uses" ADD CONSTRAINT "platform_uses_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A service does not run on itself (longer cycles are refused by lib/data/platforms).
ALTER TABLE "platform_uses" ADD CONSTRAINT "platform_uses_not_self" CHECK ("service_id" <> "platform_id");
