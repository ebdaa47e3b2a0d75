// Sends a scan's results to Twelvefold as evidence for one service, where they
// wait in the assessment under way as suggestions for a reviewer to decide.
import type { EvidenceResult } from "../evidence/schema";

export interface Submitted {
  service: string;
  accepted: number;
  assessmentUnderWay: string | null;
}

export class SubmitError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "SubmitError";
  }
}

export async function submitEvidence(options: { url: string; token: string; service: string; source: string; results: EvidenceResult[] }): Promise<Submitted> {
  const endpoint = new URL(`/api/v1/services/${encodeURIComponent(options.service)}/evidence`, options.url);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ source: options.source, results: options.results }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new SubmitError(`Could not reach ${endpoint.origin}: ${(error as Error).message}`, "unreachable");
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | Submitted | null;
  if (!response.ok) {
    const error = body && "error" in body ? body.error : undefined;
    throw new SubmitError(
      `Twelvefold refused the evidence (HTTP ${response.status}${error?.code ? `, ${error.code}` : ""}): ${error?.message ?? "no reason given"}`,
      error?.code ?? `http_${response.status}`,
    );
  }
  return body as Submitted;
}
