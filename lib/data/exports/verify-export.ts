import "server-only";
import { readScope, type Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { exportKindLabel } from "../../exports/kinds";

export type Verification =
  | {
      status: "verified";
      exportId: string;
      kind: string;
      fileName: string | null;
      exportedBy: string | null;
      exportedAt: Date;
      subject: string | null;
    }
  | { status: "unknown" };

/**
 * Whether a SHA-256 is that of an unaltered Twelvefold export, and which one.
 * Only exports of records the principal may read are named; anything else,
 * altered or not, is "unknown", so the check reveals nothing beyond its scope.
 */
export async function verifyExport(principal: Principal, sha256: string): Promise<Verification> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return { status: "unknown" };
  const scope = readScope(principal);
  const found = await getPrisma().export.findFirst({
    where: {
      sha256,
      status: "DONE",
      ...(scope.kind === "org" ? {} : { OR: [{ teamId: { in: [...scope.teamIds] } }, { teamId: null, requestedById: principal.userId }] }),
    },
    orderBy: { createdAt: "asc" },
    include: { requestedBy: { select: { name: true, email: true } }, assessment: { select: { service: { select: { name: true } } } } },
  });
  if (!found) return { status: "unknown" };
  return {
    status: "verified",
    exportId: found.id,
    kind: exportKindLabel(found.kind),
    fileName: found.fileName,
    exportedBy: found.requestedBy ? `${found.requestedBy.name} <${found.requestedBy.email}>` : null,
    exportedAt: found.completedAt ?? found.createdAt,
    subject: found.assessment ? `Assessment of ${found.assessment.service.name}` : null,
  };
}
