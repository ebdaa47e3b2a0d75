// The demo's assessment under way: Checkout API's next review, part answered
// by security and part by its service owner, so the walk, validation and the
// owner's tasks all have something to show.
import type { ChecklistItem } from "../checklist";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

export async function seedDraft(tx: Tx, input: { versionId: string; items: ChecklistItem[]; userIds: Map<string, string>; now: Date }): Promise<void> {
  // Checkout API's next assessment is under way: the first five factors answered
  // by Riley; factors 6 and 7 assigned to Olive Owner, who has answered some of
  // factor 6 (waiting for Riley, one sent back).
  const service = await tx.service.findFirstOrThrow({ where: { slug: "checkout-api" } });
  const previous = await tx.assessment.findFirstOrThrow({
    where: { serviceId: service.id, status: "COMPLETED" },
    orderBy: { approvedAt: "desc" },
    include: { responses: true },
  });
  const reviewer = input.userIds.get("reviewer@demo.test")!;
  const owner = input.userIds.get("owner@demo.test")!;
  const startedAt = new Date(input.now.getTime() - 3 * DAY);
  const ownerAt = new Date(input.now.getTime() - DAY);
  const draft = await tx.assessment.create({
    data: { serviceId: service.id, checklistVersionId: input.versionId, status: "DRAFT", startedById: reviewer, startedAt },
  });
  await tx.assessmentEvent.create({
    data: { assessmentId: draft.id, kind: "STARTED", actorId: reviewer, actorLabel: "reviewer@demo.test", occurredAt: startedAt },
  });
  const carried = new Map(previous.responses.map((r) => [r.itemId, r]));
  const sixth = input.items.filter((item) => item.factor === 6);
  const ownerAnswers = new Map(
    sixth.slice(0, 3).map((item, index) => [
      item.id,
      {
        status: "MET" as const,
        justification: `Checked on the production cluster on ${ownerAt.toISOString().slice(0, 10)}; see the runbook.`,
        notes: "",
        evidenceLinks: [],
        ...(index === 2
          ? {
              validation: "SENT_BACK" as const,
              validatedById: reviewer,
              validatedAt: input.now,
              validationComment: "Link the dashboard or the config that shows this; a runbook alone does not.",
            }
          : {}),
      },
    ]),
  );
  await tx.response.createMany({
    data: input.items.map((item) => {
      // The first five factors are answered; the rest start as the table's defaults (unanswered).
      const answered = item.factor <= 5 ? carried.get(item.id) : undefined;
      const { status, justification, notes, evidenceLinks } = answered ?? {};
      const byOwner = item.factor === 6 ? ownerAnswers.get(item.id) : undefined;
      if (byOwner) {
        return {
          assessmentId: draft.id,
          itemId: item.id,
          ...byOwner,
          assigneeId: owner,
          updatedById: owner,
          attestedById: owner,
          attestedAt: ownerAt,
          createdAt: startedAt,
        };
      }
      return {
        assessmentId: draft.id,
        itemId: item.id,
        status,
        justification,
        notes,
        evidenceLinks,
        updatedById: answered ? reviewer : null,
        ...(answered ? { attestedById: reviewer, attestedAt: startedAt, validation: "AGREED" as const, validatedById: reviewer, validatedAt: startedAt } : {}),
        assigneeId: item.factor === 6 || item.factor === 7 ? owner : null,
        createdAt: startedAt,
      };
    }),
  });
}
