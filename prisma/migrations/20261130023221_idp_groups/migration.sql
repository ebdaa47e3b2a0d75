-- AlterTable
ALTER TABLE "users" ADD COLUMN     "idp_groups" TEXT[] DEFAULT ARRAY[]::TEXT[];
