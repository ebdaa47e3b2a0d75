-- One-time passwords from an administrator expire, and must be replaced at first sign-in.
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "password_expires_at" TIMESTAMPTZ(3);
