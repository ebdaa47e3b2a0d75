import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../../checklist";
import { applyMapping } from "./mapper";
import { BUILT_IN_MAPPING, mappingSchema, mergeMappings } from "./mapping";
import { ImportTooLarge, MAX_IMPORT_BYTES, parseImport, readImport } from "./parse";
import { repositoryPath } from "./types";

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/imports/${name}`, import.meta.url));
const known = new Set(allItems(latestChecklist()).map((i) => i.id));
const suggest = (name: string) => {
  const mapped = applyMapping(parseImport(fixture(name)), BUILT_IN_MAPPING, known);
  return { ...mapped, byItem: Object.fromEntries(mapped.results.map((r) => [r.itemId, r.status])) };
};

describe("the evidence mapping", () => {
  it("names only items of the checklist it is versioned beside", () => {
    const named = [
      ...Object.values(BUILT_IN_MAPPING.kinds).flatMap((k) => [...k.ran, ...k.any, ...Object.values(k.severity).flat()].map((t) => t.item)),
      ...BUILT_IN_MAPPING.tools.flatMap((t) => t.rules.flatMap((r) => r.items.map((i) => i.item))),
      ...BUILT_IN_MAPPING.cwe.flatMap((c) => c.items),
      ...BUILT_IN_MAPPING.scorecard.flatMap((s) => s.items),
    ];
    expect(named.filter((id) => !known.has(id))).toEqual([]);
    expect(BUILT_IN_MAPPING.checklist).toBe(latestChecklist().version);
  });

  it("takes an organisation's own entries first", () => {
    const extra = mappingSchema.parse({
      version: "acme-1",
      checklist: "1.0.0",
      tools: [
        {
          name: "AcmeLint",
          match: "^acmelint$",
          kind: "sast",
          rules: [{ rule: "^ACME001$", items: [{ item: "F06-ATTACK-SURFACE", status: "partially_met" }] }],
        },
      ],
    });
    const merged = mergeMappings(BUILT_IN_MAPPING, extra);
    const mapped = applyMapping(parseImport(fixture("unmapped-tool.sarif")), merged, known);
    expect(Object.fromEntries(mapped.results.map((r) => [r.itemId, r.status]))).toMatchObject({
      "F06-ATTACK-SURFACE": "partially_met",
      "F03-NO-SECRETS-IN-CODE": "not_met",
    });
    expect(merged.version).toBe("1.0.0+acme-1");
  });

  it("refuses a mapping whose patterns or items are malformed", () => {
    expect(mappingSchema.safeParse({ version: "x", checklist: "1.0.0", tools: [{ name: "a", match: "(", kind: "sast" }] }).success).toBe(false);
    expect(mappingSchema.safeParse({ version: "x", checklist: "1.0.0", cwe: [{ cwe: [1], items: ["not an item"] }] }).success).toBe(false);
  });
});

describe("imports, format by format", () => {
  it("SARIF (Trivy): vulnerabilities by severity, a misconfiguration by rule; suppressed and outside results left out and said so", () => {
    const parsed = parseImport(fixture("trivy.sarif"));
    expect(parsed.runs[0]!.tool).toEqual({ name: "Trivy", version: "0.57.1" });
    expect(parsed.runs[0]!.producedAt?.toISOString()).toBe("2026-11-28T09:15:00.000Z");
    expect(parsed.runs[0]!.findings.map((f) => [f.rule, f.file, f.line, f.severity])).toEqual([
      ["CVE-2024-21538", "package-lock.json", 1204, "high"],
      ["CVE-2024-45590", "package-lock.json", 311, "critical"],
      ["KSV012", "deploy/k8s/deployment.yaml", 21, "medium"],
    ]);
    const { byItem, notes, results } = suggest("trivy.sarif");
    expect(byItem).toEqual({ "F02-REMEDIATION-SLA": "not_met", "F02-COMPOSITION-ANALYSIS": "not_met", "F07-UNPRIVILEGED-PORT": "not_met" });
    expect(results.find((r) => r.itemId === "F07-UNPRIVILEGED-PORT")!.observations[0]).toMatchObject({ file: "deploy/k8s/deployment.yaml", line: 21 });
    expect(notes.join("\n")).toMatch(/1 result suppressed in the tool/);
    expect(notes.join("\n")).toMatch(/1 result pointing outside the repository.*etc\/kubernetes/);
  });

  it("SARIF (Semgrep): findings map through their CWE; the run suggests its gate", () => {
    const { byItem } = suggest("semgrep.sarif");
    expect(byItem["F06-INPUT-UNTRUSTED"]).toBe("not_met");
    expect(byItem["F05-SECURITY-GATES"]).toBe("partially_met");
  });

  it("SARIF with no result from a secret scanner suggests the items it covers as met", () => {
    expect(suggest("gitleaks-clean.sarif").byItem).toEqual({ "F01-SECRET-SCANNING": "met", "F03-NO-SECRETS-IN-CODE": "met" });
  });

  it("a tool nobody mapped: results kept, a note says so, a CWE still maps", () => {
    const { byItem, notes, total, mapped } = suggest("unmapped-tool.sarif");
    expect(byItem).toEqual({ "F03-NO-SECRETS-IN-CODE": "not_met" });
    expect([total, mapped]).toEqual([2, 1]);
    expect(notes.join("\n")).toMatch(/AcmeLint 3\.1 is not mapped/);
  });

  it("CycloneDX 1.5 with vulnerabilities: an SBOM, and what it says of known flaws", () => {
    const parsed = parseImport(fixture("cyclonedx-1.5-vulns.json"));
    expect([parsed.format, parsed.formatVersion, parsed.runs[0]!.components, parsed.runs[0]!.tool.name]).toEqual(["cyclonedx", "1.5", 4, "syft"]);
    expect(suggest("cyclonedx-1.5-vulns.json").byItem).toMatchObject({ "F02-SBOM": "met", "F06-INPUT-UNTRUSTED": "not_met" });
    expect(suggest("cyclonedx-1.6.json").byItem).toEqual({ "F02-SBOM": "met" });
  });

  it("SPDX 2.3: an SBOM made by its tool", () => {
    const parsed = parseImport(fixture("spdx-2.3.json"));
    expect(parsed.runs[0]!.tool).toEqual({ name: "syft", version: "1.18.1" });
    expect(suggest("spdx-2.3.json").byItem).toEqual({ "F02-SBOM": "met" });
  });

  it("Scorecard: each check by its thresholds, with the file and line its details name; a check that could not run judges nothing", () => {
    const { byItem, results, notes } = suggest("scorecard.json");
    expect(byItem).toEqual({ "F01-BRANCH-PROTECTION": "not_met", "F05-HARDENED-BUILDS": "not_met", "F02-TRUSTED-SOURCES": "met" });
    expect(results.find((r) => r.itemId === "F05-HARDENED-BUILDS")!.observations.map((o) => [o.file, o.line])).toEqual([
      [".github/workflows/ci.yml", 1],
      [".github/workflows/release.yml", 14],
    ]);
    expect(notes.join("\n")).toMatch(/Signed-Releases could not run/);
  });

  it("npm audit (report 2) and OSV-Scanner: vulnerabilities by severity", () => {
    expect(suggest("npm-audit.json").byItem).toMatchObject({
      "F02-COMPOSITION-ANALYSIS": "not_met",
      "F02-REMEDIATION-SLA": "not_met",
      "F08-DOS-PRONE-APIS": "not_met",
    });
    const osv = suggest("osv-scanner.json");
    expect(osv.byItem).toEqual({ "F02-COMPOSITION-ANALYSIS": "met", "F02-REMEDIATION-SLA": "partially_met" });
    expect(parseImport(fixture("osv-scanner.json")).runs[0]!.findings.map((f) => f.file)).toEqual([null, "services/api/package-lock.json"]);
  });
});

describe("bad input", () => {
  const refused = (text: string) => () => parseImport(Buffer.from(text));
  it("refuses what it cannot read, saying why", () => {
    expect(refused("")).toThrow(/empty/);
    expect(refused("<bom xmlns='http://cyclonedx.org/schema/bom/1.5'/>")).toThrow(/XML is not read/);
    expect(refused("SPDXVersion: SPDX-2.3\n")).toThrow(/tag-value/);
    expect(refused('{"version": "2.0.0", "runs": []}')).toThrow(/SARIF 2\.0\.0 is not read/);
    expect(refused('{"runs": [')).toThrow(/not valid JSON/);
    expect(refused('{"hello": "world"}')).toThrow(/does not recognise/);
    expect(() => parseImport(fixture("cyclonedx-1.2.json"))).toThrow(/CycloneDX 1\.2 is not read/);
    expect(refused(`{"a":${"[".repeat(100)}${"]".repeat(100)}}`)).toThrow(/nested/);
  });

  it("stops reading an upload past the limit, whatever it claims to be", async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 0x20);
    async function* upload() {
      yield Buffer.from('{"version":"2.1.0","runs":[');
      for (let i = 0; i <= MAX_IMPORT_BYTES / megabyte.length; i++) yield megabyte;
    }
    await expect(readImport(upload())).rejects.toBeInstanceOf(ImportTooLarge);
  });

  it("hashes and counts what it reads", async () => {
    const bytes = fixture("gitleaks-clean.sarif");
    const read = await readImport([bytes.subarray(0, 100), bytes.subarray(100)]);
    expect(read.byteSize).toBe(bytes.length);
    expect(read.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(read.parsed.runs[0]!.tool.name).toBe("gitleaks");
  });

  it("keeps a result's path only inside the repository", () => {
    expect(repositoryPath("src/./a/../b.ts")).toEqual({ path: "src/b.ts" });
    for (const outside of ["../x", "/etc/passwd", "file:///etc/passwd", "C:\\Windows\\x", "https://example.com/a", "a/../../b", "%2e%2e/x"]) {
      expect(repositoryPath(outside)).toHaveProperty("outside");
    }
  });
});
