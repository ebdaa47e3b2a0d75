// The mapping in force: the built-in one, with the organisation's own file
// (EVIDENCE_MAPPING_FILE) read first. Read once per process; a file that cannot
// be read or does not parse is reported (by the import, as a refusal) until fixed.
import { readFileSync } from "node:fs";
import { getEnv } from "../../env";
import { BUILT_IN_MAPPING, mappingSchema, mergeMappings, type Mapping } from "./mapping";

let cached: Mapping | undefined;

export function currentMapping(): Mapping {
  if (cached) return cached;
  const file = getEnv().EVIDENCE_MAPPING_FILE;
  let extra: Mapping | null = null;
  if (file) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`EVIDENCE_MAPPING_FILE ${file}: ${(error as Error).message}`);
    }
    const parsed = mappingSchema.safeParse(value);
    if (!parsed.success) throw new Error(`EVIDENCE_MAPPING_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    extra = parsed.data;
  }
  cached = mergeMappings(BUILT_IN_MAPPING, extra);
  return cached;
}
