// Drift in the demo: yesterday a pipeline imported Trivy's SARIF for a service
// whose latest approval says it never runs as root, and Trivy found a container
// that does. The service shows the drift and a current score below its approved
// one; the dashboard lists it. Written as rows, as the import would write them
// (the import itself is server-only code).
import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { recomputeEffectivePosture } from "../posture/effective";

const DAY = 86_400_000;
const ITEM = "F07-UNPRIVILEGED-PORT";

export async function seedDrift(tx: Prisma.TransactionClient, input: { now: Date }): Promise<void> {
  const [target] = await tx.$queryRaw<{ service_id: string; assessment_id: string }[]>`
    SELECT s.id AS service_id, a.id AS assessment_id FROM services s
    JOIN LATERAL (SELECT id FROM assessments WHERE service_id = s.id AND status = 'completed' ORDER BY approved_at DESC LIMIT 1) a ON true
    JOIN responses r ON r.assessment_id = a.id AND r.item_id = ${ITEM} AND r.status = 'met'
    WHERE s.archived_at IS NULL AND s.platform_kind IS NULL
    ORDER BY s.name LIMIT 1`;
  if (!target) return;
  const at = new Date(input.now.getTime() - DAY);
  const message = "Container 'api' of Deployment 'api' should set 'securityContext.runAsNonRoot' to true";
  const sarif = JSON.stringify({
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "Trivy", version: "0.57.1" } }, results: [{ ruleId: "KSV012", message: { text: message } }] }],
  });
  const source = "Trivy 0.57.1 (sarif)";
  const imported = await tx.evidenceImport.create({
    data: {
      serviceId: target.service_id,
      format: "sarif",
      formatVersion: "2.1.0",
      tools: [{ name: "Trivy", version: "0.57.1", producedAt: at.toISOString() }],
      fileName: "trivy-config.sarif",
      sha256: createHash("sha256").update(sarif).digest("hex"),
      byteSize: Buffer.byteLength(sarif),
      resultCount: 1,
      mappedCount: 1,
      notes: [],
      mappingVersion: "1.0.0",
      submittedAt: at,
      results: {
        create: {
          tool: "Trivy",
          toolVersion: "0.57.1",
          rule: "KSV012",
          level: "error",
          severity: "medium",
          file: "deploy/k8s/deployment.yaml",
          line: 24,
          message,
          itemIds: [ITEM],
        },
      },
    },
  });
  const evidence = await tx.evidence.create({
    data: {
      serviceId: target.service_id,
      itemId: ITEM,
      status: "NOT_MET",
      summary: `${source}: 1 result bears on this item.`,
      observations: [{ file: "deploy/k8s/deployment.yaml", line: 24, message: `KSV012 (medium): ${message}` }],
      source,
      importId: imported.id,
      submittedAt: at,
    },
  });
  await tx.drift.create({
    data: {
      serviceId: target.service_id,
      itemId: ITEM,
      assessmentId: target.assessment_id,
      kind: "CONTRADICTED",
      approvedStatus: "MET",
      observedStatus: "NOT_MET",
      evidenceId: evidence.id,
      source,
      detail: `Approved as met; ${source} now finds it not met: 1 result bears on this item.`,
      file: "deploy/k8s/deployment.yaml",
      line: 24,
      detectedAt: at,
    },
  });
  await recomputeEffectivePosture(tx, [target.service_id]);
}
