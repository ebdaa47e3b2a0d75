// The findings list, a finding's management and the CSV export, against the
// demo data: figures checked against the raw rows, refusals changing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { parseFindingFilter } from "@/lib/findings/filter";
import { withClient } from "./helpers";
import { seededDemo } from "./principals";

let url: string;
let prisma: PrismaClient;
let as: Record<string, Principal>;
const sql = async <T>(text: string, params: unknown[] = []) => withClient(url, async (client) => (await client.query(text, params)).rows as T[]);
const data = async () => ({
  ...(await import("@/lib/data/findings/list-findings")),
  ...(await import("@/lib/data/findings/manage-finding")),
  ...(await import("@/lib/data/findings/get-finding")),
  ...(await import("@/lib/data/findings/export-findings")),
  ...(await import("@/lib/data/findings/update-findings")),
});

// A fixed clock for the seed and the overdue filter, so the counts do not depend on the day the suite runs.
const NOW = new Date("2026-11-29T09:30:00Z");

beforeAll(async () => {
  ({ url, prisma, as } = await seededDemo({
    database: "twelvefold_findings",
    poolSize: 4,
    now: NOW,
    people: { lead: "lead@demo.test", reviewer: "reviewer@demo.test", auditor: "auditor@demo.test", identityLead: "tomas.reyes@demo.test" },
  }));
  return () => prisma.$disconnect();
});

describe("the findings list", () => {
  it("counts what the raw rows say, within the lead's teams, for each filter", async () => {
    const { listFindings } = await data();
    const now = NOW;
    const scope = "s.team_id IN (SELECT team_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'lead@demo.test')";
    const count = async (where: string, params: unknown[] = []) =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM findings f JOIN services s ON s.id = f.service_id JOIN teams t ON t.id = s.team_id WHERE ${scope} AND s.archived_at IS NULL AND ${where}`,
          params,
        )
      )[0]!.n;
    const total = (params: Record<string, string>) => listFindings(as.lead!, parseFindingFilter(params), now).then((p) => p.total);

    expect(await total({})).toBe(await count("f.status <> 'resolved'"));
    expect(await total({ status: "all" })).toBe(await count("true"));
    expect(await total({ team: "platform", severity: "high" })).toBe(await count("t.slug = 'platform' AND f.severity = 'high' AND f.status <> 'resolved'"));
    expect(await total({ factor: "3" })).toBe(await count("f.item_id LIKE 'F03-%' AND f.status <> 'resolved'"));
    expect(await total({ overdue: "1" })).toBe(await count("f.status IN ('open', 'in_progress') AND f.due_date < $1", [now]));
    const july = "'2026-07-01T00:00:00Z'";
    expect(await total({ status: "all", unresolvedOn: "2026-06-30" })).toBe(
      await count(`f.opened_at < ${july} AND (f.resolved_at IS NULL OR f.resolved_at >= ${july})`),
    );
    expect(await total({ status: "all", openedFrom: "2026-04-01", openedTo: "2026-06-30" })).toBe(
      await count(`f.opened_at >= '2026-04-01T00:00:00Z' AND f.opened_at < ${july}`),
    );
    expect(await total({ status: "all", resolvedFrom: "2026-04-01", resolvedTo: "2026-06-30" })).toBe(
      await count(`f.resolved_at >= '2026-04-01T00:00:00Z' AND f.resolved_at < ${july}`),
    );
    expect(await total({ team: "identity" })).toBe(0);
    expect(await total({ status: "all" })).toBeGreaterThan(50);
  });

  it("pages without gaps or repeats, in the order asked", async () => {
    const { listFindings } = await data();
    const filter = { status: "all", sort: "severity" };
    const first = await listFindings(as.lead!, parseFindingFilter(filter));
    const ids: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      ids.push(...(await listFindings(as.lead!, parseFindingFilter({ ...filter, page: String(page) }))).rows.map((r) => r.id));
    }
    expect(ids).toHaveLength(first.total);
    expect(new Set(ids).size).toBe(first.total);
    const order = ["critical", "high", "medium", "low"];
    const severities = (await listFindings(as.lead!, parseFindingFilter(filter))).rows.map((r) => order.indexOf(r.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });
});

describe("risk acceptance", () => {
  it("is a lead's, with a reason and an expiry within the maximum", async () => {
    const { acceptRisk, listFindings } = await data();
    const [finding] = (await listFindings(as.lead!, parseFindingFilter({ status: "open", team: "payments" }))).rows;
    const before = JSON.stringify(await prisma.finding.findUniqueOrThrow({ where: { id: finding!.id } }));
    const now = new Date("2026-11-23T12:00:00Z");
    const input = { findingId: finding!.id, reason: "Compensating control: WAF rule 9.", expiresOn: "2027-02-01" };
    await expect(acceptRisk(as.reviewer!, input, now)).rejects.toThrow("forbidden");
    await expect(acceptRisk(as.auditor!, input, now)).rejects.toThrow("forbidden");
    await expect(acceptRisk(as.identityLead!, input, now)).rejects.toThrow("not found");
    await expect(acceptRisk(as.lead!, { ...input, expiresOn: "2026-11-01" }, now)).rejects.toThrow("in the future");
    await expect(acceptRisk(as.lead!, { ...input, expiresOn: "2027-12-01" }, now)).rejects.toThrow("at most 365 days");
    expect(JSON.stringify(await prisma.finding.findUniqueOrThrow({ where: { id: finding!.id } }))).toBe(before);

    await acceptRisk(as.lead!, input, now);
    const accepted = await prisma.finding.findUniqueOrThrow({ where: { id: finding!.id } });
    expect([accepted.status, accepted.riskAcceptanceReason, accepted.riskAcceptedById]).toEqual(["RISK_ACCEPTED", input.reason, as.lead!.userId]);
  });

  it("lapses by itself: open again on the next read, once, with the lapse in its history", async () => {
    const { listFindings, getFinding } = await data();
    const [finding] = await sql<{ id: string }>("SELECT id FROM findings WHERE status = 'risk_accepted' LIMIT 1");
    await sql("UPDATE findings SET risk_acceptance_expires_at = now() - interval '1 day' WHERE id = $1", [finding!.id]);
    // Two readers at once: one lapse, not two.
    await Promise.all([listFindings(as.lead!, parseFindingFilter({})), listFindings(as.auditor!, parseFindingFilter({}))]);
    const detail = await getFinding(as.lead!, finding!.id);
    expect(detail.status).toBe("open");
    expect(detail.risk).toBeNull();
    expect(detail.events.filter((e) => e.kind === "risk_lapsed")).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { action: "finding.risk_lapsed", targetId: finding!.id } })).toBe(1);
  });
});

describe("managing a finding", () => {
  it("assigns only a team member as owner, and comments only for those who may", async () => {
    const { assignOwner, addFindingComment, listFindings } = await data();
    const [finding] = (await listFindings(as.lead!, parseFindingFilter({ team: "payments" }))).rows;
    const outsider = await prisma.user.findUniqueOrThrow({ where: { email: "ines.okafor@demo.test" } });
    await expect(assignOwner(as.lead!, { findingId: finding!.id, ownerId: outsider.id })).rejects.toThrow("member of the service's team");
    const maya = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    await assignOwner(as.lead!, { findingId: finding!.id, ownerId: maya.id });
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: finding!.id } })).ownerId).toBe(maya.id);
    await expect(addFindingComment(as.auditor!, { findingId: finding!.id, body: "Looks fine." })).rejects.toThrow("forbidden");
    await addFindingComment(as.reviewer!, { findingId: finding!.id, body: "Fix is in review." });
    expect(await prisma.comment.count({ where: { findingId: finding!.id } })).toBe(1);
  });
});

describe("changing several findings at once", () => {
  const unchangedRows = async (ids: string[]) =>
    JSON.stringify(await sql("SELECT id, owner_id, due_date, severity, status FROM findings WHERE id = ANY($1::uuid[]) ORDER BY id", [ids]));

  it("applies one change to each, recorded in each finding's history and the audit trail", async () => {
    const { updateFindings, listFindings } = await data();
    const rows = (await listFindings(as.lead!, parseFindingFilter({ team: "payments", status: "working" }))).rows.slice(0, 3);
    const ids = rows.map((r) => r.id);
    const maya = await prisma.user.findUniqueOrThrow({ where: { email: "maya.chen@demo.test" } });
    await prisma.finding.updateMany({ where: { id: ids[0] }, data: { ownerId: maya.id } });

    expect(await updateFindings(as.lead!, { findingIds: ids, change: { kind: "owner", ownerId: maya.id } }, NOW)).toEqual({ changed: 2, unchanged: 1 });
    expect(await prisma.finding.count({ where: { id: { in: ids }, ownerId: maya.id } })).toBe(3);
    expect(await prisma.findingEvent.count({ where: { findingId: { in: ids.slice(1) }, kind: "OWNER_CHANGED" } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: "finding.owner_changed", targetId: { in: ids.slice(1) } } })).toBe(2);

    const result = await updateFindings(
      as.lead!,
      { findingIds: ids, change: { kind: "due", dueOn: "2027-03-31", reason: "Planned for the Q1 release." } },
      NOW,
    );
    expect(result).toEqual({ changed: 3, unchanged: 0 });
    const due = await prisma.finding.findMany({ where: { id: { in: ids } }, select: { dueDate: true } });
    expect(due.map((f) => f.dueDate?.toISOString())).toEqual(Array(3).fill("2027-03-31T23:59:59.999Z"));
  });

  it("changes none when any one is out of reach, resolved, or refused", async () => {
    const { updateFindings, listFindings } = await data();
    const mine = (await listFindings(as.lead!, parseFindingFilter({ team: "payments", status: "working" }))).rows.slice(0, 2).map((r) => r.id);
    const [elsewhere] = await sql<{ id: string }>(
      "SELECT f.id FROM findings f JOIN services s ON s.id = f.service_id JOIN teams t ON t.id = s.team_id WHERE t.slug = 'identity' AND f.status = 'open' LIMIT 1",
    );
    const [resolved] = await sql<{ id: string }>(
      "SELECT f.id FROM findings f JOIN services s ON s.id = f.service_id JOIN teams t ON t.id = s.team_id WHERE t.slug = 'payments' AND f.status = 'resolved' LIMIT 1",
    );
    const all = [...mine, elsewhere!.id, resolved!.id];
    const before = await unchangedRows(all);
    const change = { kind: "severity", severity: "critical", reason: "Exposed to the internet." } as const;
    await expect(updateFindings(as.lead!, { findingIds: [...mine, elsewhere!.id], change }, NOW)).rejects.toThrow("not found");
    await expect(updateFindings(as.lead!, { findingIds: [...mine, resolved!.id], change }, NOW)).rejects.toThrow("Resolved findings");
    await expect(updateFindings(as.reviewer!, { findingIds: mine, change }, NOW)).rejects.toThrow("forbidden");
    await expect(
      updateFindings(as.lead!, { findingIds: mine, change: { kind: "due", dueOn: "2026-11-01", reason: "Too late already." } }, NOW),
    ).rejects.toThrow("in the future");
    await expect(updateFindings(as.lead!, { findingIds: [], change }, NOW)).rejects.toThrow("at least one");
    expect(await unchangedRows(all)).toBe(before);
  });
});

describe("the CSV export", () => {
  it("holds every matching row, is recorded with its hash, and audited", async () => {
    const { exportFindingsCsv, listFindings } = await data();
    const filter = parseFindingFilter({ status: "all", team: "payments" });
    const file = await exportFindingsCsv(as.lead!, filter, { ipAddress: "192.0.2.1", userAgent: "test" });
    const lines = file.bytes.toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "finding_id,item_id,title,severity,status,due_state,due_date,opened_at,resolved_at,risk_acceptance_expires_at,service,service_slug,team,owner",
    );
    expect(lines.length - 1).toBe((await listFindings(as.lead!, filter)).total);
    expect(file.rows).toBe(lines.length - 1);
    const record = await prisma.export.findFirstOrThrow({ where: { sha256: file.sha256 } });
    expect([record.kind, record.sizeBytes, record.requestedById]).toEqual(["FINDINGS_CSV", file.bytes.byteLength, as.lead!.userId]);
    expect(await prisma.auditEvent.count({ where: { action: "export.findings_csv", targetId: record.id } })).toBe(1);
    const other = await exportFindingsCsv(as.identityLead!, filter, { ipAddress: null, userAgent: null });
    expect(other.rows).toBe(0);
  });
});

describe("approval and changes to findings at the same moment", () => {
  it("lock a service's findings in one order, so neither waits on the other in a circle", async () => {
    const { approveAssessment } = await import("@/lib/data/assessments/sign-off");
    const pg = await import("pg");
    const [team] = await sql<{ id: string }>("SELECT id FROM teams WHERE slug = 'payments'");
    const [service] = await sql<{ id: string }>(
      "INSERT INTO services (team_id, name, slug, updated_at) VALUES ($1, 'Lock order', 'lock-order', now()) RETURNING id",
      [team!.id],
    );
    const [version] = await sql<{ id: string; items: { items: { id: string }[] }[] }>(
      "SELECT id, items FROM checklist_versions ORDER BY published_at DESC LIMIT 1",
    );
    const items = version!.items.flatMap((f) => f.items.map((i) => i.id));
    const [assessment] = await sql<{ id: string }>(
      "INSERT INTO assessments (service_id, checklist_version_id, status, submitted_at, updated_at) VALUES ($1, $2, 'in_review', now(), now()) RETURNING id",
      [service!.id, version!.id],
    );
    await sql("INSERT INTO responses (assessment_id, item_id, status, validation, updated_at) SELECT $1, unnest($2::text[]), 'met', 'agreed', now()", [
      assessment!.id,
      items,
    ]);
    // The approval resolves both: the first item's finding comes first in its plan but has the higher id.
    const low = "00000000-0000-4000-8000-000000000001";
    const high = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    await sql(
      "INSERT INTO findings (id, service_id, item_id, title, severity, updated_at) VALUES ($1, $2, $3, 'Last item', 'medium', now()), ($4, $2, $5, 'First item', 'medium', now())",
      [low, service!.id, items.at(-1), high, items[0]],
    );

    // Another change holds the lower finding, as lockFindings takes them: in id order.
    const other = new pg.default.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT id FROM findings WHERE id = $1 FOR UPDATE", [low]);
      const approval = approveAssessment(as.lead!, { assessmentId: assessment!.id });
      await expect
        .poll(
          async () =>
            (await sql<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]!.n,
          {
            timeout: 10_000,
          },
        )
        .toBe("1");
      // The approval waits for the lower finding without holding the higher one: the other change takes it at once.
      await other.query("SELECT id FROM findings WHERE id = $1 FOR UPDATE NOWAIT", [high]);
      await other.query("COMMIT");
      await approval;
    } finally {
      await other.end();
    }
    const statuses = await sql<{ status: string }>("SELECT status::text FROM findings WHERE service_id = $1", [service!.id]);
    expect(statuses.map((s) => s.status)).toEqual(["resolved", "resolved"]);
  });
});
