// Evidence with dates in the demo: Checkout API's last access review stood for
// 90 days and ran out a month ago (its answer needs re-attestation, and the
// dashboard counts it as stale); its dependency scan is in date.
import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

const DAY = 86_400_000;
const day = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);

export async function seedEvidence(tx: Prisma.TransactionClient, input: { userIds: Map<string, string>; now: Date }): Promise<void> {
  const latest = await tx.assessment.findFirstOrThrow({
    where: { service: { slug: "checkout-api" }, status: "COMPLETED" },
    orderBy: { approvedAt: "desc" },
    select: { responses: { where: { itemId: { in: ["F01-ACCESS-REVIEW", "F02-COMPOSITION-ANALYSIS"] } }, select: { id: true, itemId: true } } },
  });
  const file = (text: string) => ({ content: Buffer.from(text), sizeBytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex") });
  const owner = input.userIds.get("owner@demo.test") ?? null;
  const files = {
    "F01-ACCESS-REVIEW": {
      fileName: "access-review-q3.csv",
      ...file("member,role,kept\nmaya.chen,maintainer,yes\nomar.haddad,developer,yes\nformer.contractor,developer,removed\n"),
      effectiveOn: day(new Date(input.now.getTime() - 120 * DAY)),
      validUntil: day(new Date(input.now.getTime() - 30 * DAY)),
    },
    "F02-COMPOSITION-ANALYSIS": {
      fileName: "dependency-scan.json",
      ...file('{"tool":"osv-scanner","results":[]}\n'),
      effectiveOn: day(new Date(input.now.getTime() - 5 * DAY)),
      validUntil: day(new Date(input.now.getTime() + 25 * DAY)),
    },
  };
  await tx.attachment.createMany({
    data: latest.responses.map((r) => ({
      responseId: r.id,
      contentType: r.itemId === "F01-ACCESS-REVIEW" ? "text/csv" : "application/json",
      uploadedById: owner,
      ...files[r.itemId as keyof typeof files],
    })),
  });
}
