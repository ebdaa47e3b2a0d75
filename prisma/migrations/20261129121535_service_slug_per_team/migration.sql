-- Service slugs are unique within a team, not across teams: a slug is chosen
-- from the team's own services, so it never reveals another team's.
-- DropIndex
DROP INDEX "services_slug_key";

-- CreateIndex
CREATE INDEX "services_slug_idx" ON "services"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "services_team_id_slug_key" ON "services"("team_id", "slug");
