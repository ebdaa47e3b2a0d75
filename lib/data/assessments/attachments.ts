import "server-only";
import { createHash } from "node:crypto";
import { checkAttachment } from "../../assessments/attachment-type";
import { about, actorOf, recordAuditEvent, requestOf, type RequestContext } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { NotFoundError, ValidationError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import { lockAssessment } from "./load";
import { evidenceDates } from "../../evidence/validity";

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  /** When what it shows was true, and until when it stands (null: no end). */
  effectiveOn: Date;
  validUntil: Date | null;
}

const META = { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, effectiveOn: true, validUntil: true } as const;

async function draftResponse(principal: Principal, tx: Parameters<typeof lockAssessment>[0], assessmentId: string, itemId: string) {
  const assessment = await lockAssessment(tx, principal, assessmentId, "share");
  assertTeamPermission(principal, "assessment.attest", assessment.teamId);
  if (assessment.status !== "DRAFT") throw new ValidationError("Attachments can change only while the assessment is a draft.");
  const response = await tx.response.findUnique({ where: { assessmentId_itemId: { assessmentId, itemId } }, select: { id: true } });
  if (!response) throw new ValidationError(`There is no item ${itemId} in this assessment's checklist.`);
  return { assessment, response };
}

/** Stores an evidence file in Postgres after checking its size and that its bytes match its type. */
export async function addAttachment(
  principal: Principal,
  input: { assessmentId: string; itemId: string; fileName: string; bytes: Uint8Array; effectiveOn?: string; validUntil?: string },
  now: Date = new Date(),
): Promise<AttachmentMeta> {
  const check = checkAttachment(input.fileName, input.bytes);
  if (!check.ok) throw new ValidationError(check.reason, { file: [check.reason] });
  const dates = evidenceDates(input.itemId, input, now);
  if (!dates.ok) throw new ValidationError(dates.message, { [dates.field]: [dates.message] });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  return getPrisma().$transaction(async (tx) => {
    const { assessment, response } = await draftResponse(principal, tx, input.assessmentId, input.itemId);
    const attachment = await tx.attachment.create({
      data: {
        responseId: response.id,
        fileName: check.fileName,
        contentType: check.contentType,
        sizeBytes: input.bytes.byteLength,
        sha256,
        content: Buffer.from(input.bytes),
        uploadedById: principal.userId,
        effectiveOn: new Date(`${dates.effectiveOn}T00:00:00Z`),
        validUntil: new Date(`${dates.validUntil}T00:00:00Z`),
      },
      select: META,
    });
    await recordAuditEvent(tx, {
      action: "attachment.added",
      ...actorOf(principal),
      ...about("response", `${assessment.id}/${input.itemId}`, assessment.teamId),
      after: {
        attachmentId: attachment.id,
        fileName: attachment.fileName,
        sizeBytes: attachment.sizeBytes,
        sha256,
        effectiveOn: dates.effectiveOn,
        validUntil: dates.validUntil,
      },
    });
    return attachment;
  });
}

export async function removeAttachment(principal: Principal, input: { assessmentId: string; itemId: string; attachmentId: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const { assessment, response } = await draftResponse(principal, tx, input.assessmentId, input.itemId);
    const attachment = await tx.attachment.findFirst({ where: { id: input.attachmentId, responseId: response.id }, select: META });
    if (!attachment) throw new NotFoundError();
    await tx.attachment.delete({ where: { id: attachment.id } });
    await recordAuditEvent(tx, {
      action: "attachment.removed",
      ...actorOf(principal),
      ...about("response", `${assessment.id}/${input.itemId}`, assessment.teamId),
      before: { attachmentId: attachment.id, fileName: attachment.fileName, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
    });
  });
}

/** A file's bytes for download, if the principal may read its assessment; each download is audited. */
export async function getAttachmentContent(
  principal: Principal,
  input: { assessmentId: string; attachmentId: string },
  context: RequestContext,
): Promise<AttachmentMeta & { content: Uint8Array }> {
  return getPrisma().$transaction(async (tx) => {
    const attachment = await tx.attachment.findFirst({
      where: { id: input.attachmentId, response: { assessmentId: input.assessmentId, assessment: { service: servicesVisibleTo(principal) } } },
      select: { ...META, content: true, response: { select: { itemId: true, assessment: { select: { service: { select: { teamId: true } } } } } } },
    });
    if (!attachment) throw new NotFoundError();
    await recordAuditEvent(tx, {
      action: "attachment.downloaded",
      ...actorOf(principal),
      ...about("attachment", attachment.id, attachment.response.assessment.service.teamId),
      ...requestOf(context),
      after: { fileName: attachment.fileName, sha256: attachment.sha256, item: `${input.assessmentId}/${attachment.response.itemId}` },
    });
    return {
      id: attachment.id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      createdAt: attachment.createdAt,
      effectiveOn: attachment.effectiveOn,
      validUntil: attachment.validUntil,
      content: attachment.content,
    };
  });
}
