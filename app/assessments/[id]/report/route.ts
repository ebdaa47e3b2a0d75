import { z } from "zod";
import { recordRefusal } from "@/lib/audit/refusal";
import { getPrincipal } from "@/lib/auth/current";
import { ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { exportAssessmentPdf } from "@/lib/data/exports/export-assessment-pdf";
import { clientAddress } from "@/lib/security/client-address";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The assessment's report as a PDF download, recorded for verification. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  const id = z.uuid().safeParse((await params).id);
  const path = new URL(request.url).pathname;
  if (!principal || !id.success) {
    await recordRefusal(principal, "page", path);
    return text("Not found, or you do not have access to it.", 404);
  }
  try {
    const file = await exportAssessmentPdf(principal, { assessmentId: id.data }, {
      origin: new URL(request.url).origin,
      ipAddress: clientAddress(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Twelvefold-Export": file.exportId,
        "X-Twelvefold-SHA256": file.sha256,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      await recordRefusal(principal, "page", path);
      return error instanceof ForbiddenError ? text("Your role does not allow exports.", 403) : text("Not found, or you do not have access to it.", 404);
    }
    throw error;
  }
}
