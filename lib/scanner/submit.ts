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

/** POSTs to Twelvefold's API with the token; a refusal or an unreachable server becomes a SubmitError naming why. */
export async function postToTwelvefold<T>(endpoint: URL, token: string, body: BodyInit, timeoutMs: number): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SubmitError(`Could not reach ${endpoint.origin}: ${(error as Error).message}`, "unreachable");
  }
  const answer = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | T | null;
  if (!response.ok) {
    const error = answer && typeof answer === "object" && "error" in answer ? answer.error : undefined;
    throw new SubmitError(
      `Twelvefold refused it (HTTP ${response.status}${error?.code ? `, ${error.code}` : ""}): ${error?.message ?? "no reason given"}`,
      error?.code ?? `http_${response.status}`,
    );
  }
  return answer as T;
}

export async function submitEvidence(options: { url: string; token: string; service: string; source: string; results: EvidenceResult[] }): Promise<Submitted> {
  const endpoint = new URL(`/api/v1/services/${encodeURIComponent(options.service)}/evidence`, options.url);
  return postToTwelvefold<Submitted>(endpoint, options.token, JSON.stringify({ source: options.source, results: options.results }), 30_000);
}
