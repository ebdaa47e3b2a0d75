// Twelvefold assessed against its own checklist. Every answer names the files
// (code, configuration, tests) that prove it; a unit test checks that each one
// exists, so a pointer cannot rot unnoticed. Scope: this repository and the
// deployment it documents (npm start, the Procfile, the container). What rests
// on the operator's platform (code host, secret store, network, log store) has
// no proof here, so it is answered as a gap, never assumed: each gap becomes a
// finding with an owner and a due date, and a line in the README.
import { ANSWERS_1_TO_6 } from "./self-answers/factors-1-6";
import { ANSWERS_7_TO_12 } from "./self-answers/factors-7-12";
import type { SelfAnswer } from "./self-answers/shared";

export { SELF_PEOPLE, type SelfAnswer } from "./self-answers/shared";

export const SELF_SERVICE = {
  team: "platform",
  name: "Twelvefold",
  slug: "twelvefold",
  description: "This product, assessed against its own checklist: every answer points to the code, configuration or test that proves it.",
  criticality: "high" as const,
  owner: "jonas.berg@demo.test",
  repositoryUrl: "https://git.example.com/platform/twelvefold",
};

/** Every item's answer, by item id. */
export const SELF_ANSWERS: Record<string, SelfAnswer> = { ...ANSWERS_1_TO_6, ...ANSWERS_7_TO_12 };

/** A repository path as a link under the service's repository. */
export function evidenceLink(path: string): string {
  return `${SELF_SERVICE.repositoryUrl}/blob/main/${path}`;
}
