// The daily scan (a pg-boss schedule: one run per tick across every worker):
// raises what time alone makes true, each once, by key (a finding overdue for
// its due date, a review due on its date), set-based so 134,000 findings take
// one statement, then fans every waiting event out.
import "server-only";
import { getPrisma } from "../db/prisma";
import { Prisma } from "../generated/prisma/client";
import { closeDueCampaigns, raiseCampaignReminders } from "../data/campaigns/lifecycle";
import { lapseExpiredAcceptances } from "../data/findings/lapse-acceptances";
import { getProgrammeSettings } from "../data/programme/settings";
import { standingAssessment } from "../data/services/stale-evidence";
import { DUE_SOON_DAYS } from "./kinds";
import { fanOutWaiting, type FanoutResult } from "./fanout";

export interface ScanResult {
  raised: number;
  lapsed: number;
  campaignsClosed: number;
  fanout: FanoutResult;
}

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

export async function runDailyScan(now: Date = new Date()): Promise<ScanResult> {
  const prisma = getPrisma();
  const lapsed = await lapseExpiredAcceptances(now);
  const { intervals } = await getProgrammeSettings();
  const day = 86_400_000;
  const reviewHorizon = new Date(now.getTime() + DUE_SOON_DAYS.assessment * day);
  const findingHorizon = new Date(now.getTime() + DUE_SOON_DAYS.finding * day);
  const riskHorizon = new Date(now.getTime() + DUE_SOON_DAYS.risk * day);

  const reviews = await prisma.$executeRaw`
    INSERT INTO notification_events (kind, key, team_id, subject_type, subject_id, path, title, summary, occurred_at)
    SELECT k.kind, k.kind || ':' || x.id || ':' || COALESCE(${iso(Prisma.sql`x.due`)}, 'never'), x.team_id, 'service', x.id, '/services/' || x.slug,
           left(CASE WHEN x.due IS NULL THEN x.name || ' has never been reviewed'
                     WHEN x.due <= ${now} THEN 'Review overdue: ' || x.name
                     ELSE 'Review due ' || ${iso(Prisma.sql`x.due`)} || ': ' || x.name END, 300),
           CASE WHEN x.due IS NULL THEN 'Start its first assessment.'
                ELSE 'Its ' || x.criticality || ' tier asks for a review every ' || x.days || ' days; the last was approved ' || ${iso(Prisma.sql`x.last_assessed_at`)} || '.' END,
           ${now}
    FROM (
      SELECT s.id, s.team_id, s.slug, s.name, s.criticality, s.last_assessed_at, i.days,
             s.last_assessed_at + i.days * interval '1 day' AS due
      FROM services s
      JOIN (VALUES ('critical', ${intervals.critical}::int), ('high', ${intervals.high}::int), ('medium', ${intervals.medium}::int), ('low', ${intervals.low}::int))
        AS i(tier, days) ON i.tier::criticality = s.criticality
      WHERE s.archived_at IS NULL
    ) x
    CROSS JOIN LATERAL (SELECT CASE WHEN x.due IS NULL OR x.due <= ${now} THEN 'assessment.overdue' ELSE 'assessment.due_soon' END AS kind) k
    WHERE x.due IS NULL OR x.due <= ${reviewHorizon}
    ON CONFLICT (key) DO NOTHING`;

  const findings = await prisma.$executeRaw`
    INSERT INTO notification_events (kind, key, team_id, subject_type, subject_id, path, title, summary, user_ids, occurred_at)
    SELECT k.kind, k.kind || ':' || f.id || ':' || ${iso(Prisma.sql`f.due_date`)}, s.team_id, 'finding', f.id, '/findings/' || f.id,
           left(CASE WHEN k.kind = 'finding.overdue' THEN 'Finding overdue: ' ELSE 'Finding due ' || ${iso(Prisma.sql`f.due_date`)} || ': ' END
                || f.title || ' (' || s.name || ')', 300),
           'A ' || f.severity || ' finding, due ' || ${iso(Prisma.sql`f.due_date`)} || '.',
           CASE WHEN f.owner_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[f.owner_id] END, ${now}
    FROM findings f JOIN services s ON s.id = f.service_id
    CROSS JOIN LATERAL (SELECT CASE WHEN f.due_date <= ${now} THEN 'finding.overdue' ELSE 'finding.due_soon' END AS kind) k
    WHERE f.status IN ('open', 'in_progress') AND f.due_date <= ${findingHorizon} AND s.archived_at IS NULL
    ON CONFLICT (key) DO NOTHING`;

  const risks = await prisma.$executeRaw`
    INSERT INTO notification_events (kind, key, team_id, subject_type, subject_id, path, title, summary, user_ids, occurred_at)
    SELECT 'risk.expiring', 'risk.expiring:' || f.id || ':' || ${iso(Prisma.sql`f.risk_acceptance_expires_at`)}, s.team_id, 'finding', f.id, '/findings/' || f.id,
           left('Risk acceptance ends ' || ${iso(Prisma.sql`f.risk_acceptance_expires_at`)} || ': ' || f.title || ' (' || s.name || ')', 300),
           'Renew the acceptance or plan the fix before it lapses and the finding opens again.',
           CASE WHEN f.risk_accepted_by_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[f.risk_accepted_by_id] END, ${now}
    FROM findings f JOIN services s ON s.id = f.service_id
    WHERE f.status = 'risk_accepted' AND f.risk_acceptance_expires_at > ${now} AND f.risk_acceptance_expires_at <= ${riskHorizon} AND s.archived_at IS NULL
    ON CONFLICT (key) DO NOTHING`;

  // Evidence of a service's standing answers that ran out: its answer needs re-attestation; whoever attached it, its owners and leads are asked.
  const evidence = await prisma.$executeRaw`
    INSERT INTO notification_events (kind, key, team_id, subject_type, subject_id, path, title, summary, user_ids, occurred_at)
    SELECT 'evidence.expired', 'evidence.expired:' || at.id || ':' || at.valid_until, s.team_id, 'service', s.id, '/services/' || s.slug || '?team=' || t.slug,
           left(s.name || ': evidence for ' || r.item_id || ' ran out on ' || at.valid_until, 300),
           'The file ' || left(at.file_name, 200) || ' stood until ' || at.valid_until || '; the answer needs re-attestation with current evidence.',
           CASE WHEN at.uploaded_by_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[at.uploaded_by_id] END, ${now}
    FROM attachments at JOIN responses r ON r.id = at.response_id JOIN assessments a ON a.id = r.assessment_id
    JOIN services s ON s.id = a.service_id JOIN teams t ON t.id = s.team_id
    WHERE at.valid_until < (${now}::timestamptz AT TIME ZONE 'UTC')::date AND s.archived_at IS NULL AND ${standingAssessment}
    ON CONFLICT (key) DO NOTHING`;

  const campaignsClosed = await closeDueCampaigns(now);
  const reminders = await raiseCampaignReminders(now);
  const fanout = await fanOutWaiting();
  return { raised: reviews + findings + risks + evidence + reminders, lapsed, campaignsClosed, fanout };
}
