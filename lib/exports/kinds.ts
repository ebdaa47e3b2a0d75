import type { ExportKind } from "../generated/prisma/enums";
import { exportKinds } from "../vocabulary/records";

/** What a kind of export is called wherever it is named to a person. */
export const exportKindLabel = (kind: ExportKind): string => exportKinds.label(exportKinds.fromDb(kind));

/** What an export covers, in a few words: its assessment, its team, or several teams. */
export function exportSubject(file: { kind: ExportKind; assessmentOf: string | null; teamName: string | null }): string {
  if (file.assessmentOf) return `Assessment of ${file.assessmentOf}`;
  if (file.teamName) return `Team ${file.teamName}`;
  return file.kind === "PORTFOLIO_PDF" ? "Every team you may export" : "Your scope";
}
