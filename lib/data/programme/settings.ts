import "server-only";
import { about, eventBy, recordAuditEvent, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { DEFAULT_INTERVALS, type ReviewIntervals } from "../../programme/cadence";
import { severities, type Severity } from "../../vocabulary/levels";
import { assertOrgAdmin } from "../scope";

export interface ProgrammeSettingsView {
  intervals: ReviewIntervals;
  /** Severities whose risk acceptance needs a second lead. */
  fourEyes: Severity[];
}

type Db = Prisma.TransactionClient | ReturnType<typeof getPrisma>;

/** The organisation's settings (readable by every process; nothing secret), or the defaults until an admin saves. */
export async function getProgrammeSettings(db: Db = getPrisma()): Promise<ProgrammeSettingsView> {
  const row = await db.programmeSettings.findUnique({ where: { id: 1 } });
  if (!row) return { intervals: { ...DEFAULT_INTERVALS }, fourEyes: ["critical", "high"] };
  return {
    intervals: { critical: row.reviewDaysCritical, high: row.reviewDaysHigh, medium: row.reviewDaysMedium, low: row.reviewDaysLow },
    fourEyes: row.fourEyesSeverities.map((s) => severities.fromDb(s)),
  };
}

export async function updateProgrammeSettings(principal: Principal, input: ProgrammeSettingsView, context: RequestContext): Promise<boolean> {
  assertOrgAdmin(principal);
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x7450_5253})`;
    const before = await getProgrammeSettings(tx);
    const after = { intervals: input.intervals, fourEyes: severities.values.filter((s) => input.fourEyes.includes(s)) };
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    const data = {
      reviewDaysCritical: after.intervals.critical,
      reviewDaysHigh: after.intervals.high,
      reviewDaysMedium: after.intervals.medium,
      reviewDaysLow: after.intervals.low,
      fourEyesSeverities: after.fourEyes.map((s) => severities.toDb(s)),
      updatedById: principal.userId,
    };
    await tx.programmeSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAuditEvent(tx, {
      action: "programme.settings_changed",
      ...eventBy(principal, context, new Date()),
      ...about("programme_settings", "1"),
      before: { ...before },
      after: { ...after },
    });
    return true;
  });
}
