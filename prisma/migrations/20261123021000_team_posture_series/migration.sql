-- CreateTable
CREATE TABLE "team_posture" (
    "team_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "services" INTEGER NOT NULL,
    "assessed" INTEGER NOT NULL,
    "score_sum" DOUBLE PRECISION NOT NULL,
    "unresolved_critical" INTEGER NOT NULL,
    "unresolved_high" INTEGER NOT NULL,
    "unresolved_medium" INTEGER NOT NULL,
    "unresolved_low" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_posture_pkey" PRIMARY KEY ("team_id","day")
);

-- AddForeignKey
ALTER TABLE "team_posture" ADD CONSTRAINT "team_posture_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
