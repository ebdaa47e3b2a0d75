import { z } from "zod";
import { recordRefusal } from "@/lib/audit/refusal";
import { getPrincipal } from "@/lib/auth/current";
import { getAttachmentContent } from "@/lib/data/assessments/attachments";
import { NotFoundError } from "@/lib/data/errors";
import { requestContextOf } from "@/lib/security/client-address";

const paramsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

function notFound(): Response {
  return new Response("Not found, or you do not have access to it.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 one. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Evidence files are always downloads, never rendered: a generic content type,
 * an attachment disposition, no sniffing, and a sandbox if a browser tried.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }): Promise<Response> {
  const principal = await getPrincipal();
  const parsed = paramsSchema.safeParse(await params);
  if (!principal || !parsed.success) {
    await recordRefusal(principal, "page", new URL(request.url).pathname);
    return notFound();
  }
  try {
    const file = await getAttachmentContent(
      principal,
      { assessmentId: parsed.data.id, attachmentId: parsed.data.attachmentId },
      requestContextOf(request.headers),
    );
    return new Response(Buffer.from(file.content), {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": disposition(file.fileName),
        "Content-Length": String(file.sizeBytes),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) {
      await recordRefusal(principal, "page", new URL(request.url).pathname);
      return notFound();
    }
    throw error;
  }
}
