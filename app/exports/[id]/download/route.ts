import { downloadMyExport } from "@/lib/data/exports/my-exports";
import { downloadResponse, downloadRoute } from "@/lib/exports/http";

/** A finished report, exactly as recorded, to the user who asked for it. */
export const GET = downloadRoute(async ({ principal, id, context }) => {
  const file = await downloadMyExport(principal, id, context);
  return downloadResponse(file, file.contentType);
});
