// The mapping in force: the built-in one, with the organisation's own file
// (EVIDENCE_MAPPING_FILE) read first. Read once per process.
import { readFileSync } from "node:fs";
import { getEnv } from "../../env";
import { BUILT_IN_MAPPING, mappingSchema, mergeMappings, type Mapping } from "./mapping";

let cached: Mapping | undefined;

export function currentMapping(): Mapping {
  if (cached) return cached;
  const file = getEnv().EVIDENCE_MAPPING_FILE;
  let extra: Mapping | null = null;
  if (file) {
    const parsed = mappingSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`EVIDENCE_MAPPING_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    extra = parsed.data;
  }
  cached = mergeMappings(BUILT_IN_MAPPING, extra);
  return cached;
}
