-- Portfolio reports record every team they cover, so a download later can check
-- that the reader may still read each of them.
-- AlterTable
ALTER TABLE "exports" ADD COLUMN     "scope_team_ids" UUID[] DEFAULT ARRAY[]::UUID[];
