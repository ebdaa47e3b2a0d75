-- CreateEnum
CREATE TYPE "integration_purpose" AS ENUM ('catalog', 'scim');

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "catalog_info" JSONB,
ADD COLUMN     "catalog_missing_since" TIMESTAMPTZ(3),
ADD COLUMN     "catalog_ref" TEXT,
ADD COLUMN     "catalog_uid" TEXT;

-- CreateTable
CREATE TABLE "catalog_owners" (
    "owner_ref" TEXT NOT NULL,
    "team_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_owners_pkey" PRIMARY KEY ("owner_ref")
);

-- CreateTable
CREATE TABLE "integration_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "purpose" "integration_purpose" NOT NULL,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "catalog_owners_team_id_idx" ON "catalog_owners"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "integration_tokens_token_hash_key" ON "integration_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "services_catalog_ref_key" ON "services"("catalog_ref");

-- CreateIndex
CREATE UNIQUE INDEX "services_catalog_uid_key" ON "services"("catalog_uid");

-- AddForeignKey
ALTER TABLE "catalog_owners" ADD CONSTRAINT "catalog_owners_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
