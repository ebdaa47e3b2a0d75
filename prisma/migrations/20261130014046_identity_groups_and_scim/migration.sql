-- CreateEnum
CREATE TYPE "group_grant" AS ENUM ('team_role', 'org_auditor', 'admin');

-- AlterTable
ALTER TABLE "auditor_grants" ADD COLUMN     "via_group" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "via_group" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "admin_via_group" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scim_deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "scim_external_id" TEXT;

-- CreateTable
CREATE TABLE "scim_groups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "display_name" TEXT NOT NULL,
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scim_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scim_group_members" (
    "group_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "scim_group_members_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "group_mappings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "group_name" TEXT NOT NULL,
    "grant" "group_grant" NOT NULL,
    "team_id" UUID,
    "role" "team_role",
    "until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scim_groups_display_name_key" ON "scim_groups"("display_name");

-- CreateIndex
CREATE INDEX "scim_group_members_user_id_idx" ON "scim_group_members"("user_id");

-- CreateIndex
CREATE INDEX "group_mappings_group_name_idx" ON "group_mappings"("group_name");

-- AddForeignKey
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "scim_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scim_group_members" ADD CONSTRAINT "scim_group_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_mappings" ADD CONSTRAINT "group_mappings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
