// What an assessment report PDF shows: plain data, gathered by the data layer
// and drawn by assessment-report.tsx, so the document never queries anything.

export interface ReportFinding {
  itemId: string;
  severity: string;
  status: string;
  owner: string | null;
  dueDate: Date | null;
  risk: { reason: string; approvedBy: string | null; requestedBy?: string | null; expiresAt: Date } | null;
}

export interface ReportItem {
  id: string;
  title: string;
  severity: string;
  status: string;
  justification: string;
  notes: string;
  evidenceLinks: string[];
  /** Where the answer came from, when a machine suggested it. */
  origin: string | null;
  /** Who attested the answer and who validated it (lib/assessments/validation.ts). */
  attestation: string;
  attachments: { fileName: string; sha256: string; sizeBytes: number }[];
  findings: ReportFinding[];
}

export interface AssessmentReportData {
  exportId: string;
  generatedAt: Date;
  exportedBy: string;
  verifyUrl: string;
  service: { name: string; team: string; criticality: string };
  assessment: {
    id: string;
    status: string;
    checklistVersion: string;
    checklistHash: string;
    startedAt: Date;
    submittedAt: Date | null;
    approvedAt: Date | null;
    reviewer: string | null;
    approver: string | null;
    overallScore: number | null;
  };
  previous: { approvedAt: Date; overallScore: number | null } | null;
  factors: { number: number; name: string; score: number | null; before: number | null; items: ReportItem[] }[];
  openFindings: Record<"critical" | "high" | "medium" | "low", number>;
  trail: { kind: string; actor: string; occurredAt: Date; comment: string }[];
}
