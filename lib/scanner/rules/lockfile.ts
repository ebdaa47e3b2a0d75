// Every manifest needs its committed lockfile, and builds should install from
// it exactly (npm ci), or a rebuild can pull in code nobody reviewed.
import type { RepoFile } from "../repo";
import { defineRule, baseName, count, isCiFile, isDockerfile, isDocOrFixture, worst, type Finding } from "../rule";

const LOCKS_FOR: Record<string, string[]> = {
  "package.json": ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"],
  "pyproject.toml": ["poetry.lock", "uv.lock", "pdm.lock"],
  Pipfile: ["Pipfile.lock"],
  "go.mod": ["go.sum"],
  Gemfile: ["Gemfile.lock"],
  "Cargo.toml": ["Cargo.lock"],
  "composer.json": ["composer.lock"],
};
/** `npm install` with no package named, or yarn without a frozen lockfile. */
export function looseInstall(line: string): string | null {
  for (const command of line.split(/&&|\|\||;|\|/)) {
    const words = command.trim().split(/\s+/);
    const at = words.findIndex((word, i) => (word === "npm" && (words[i + 1] === "install" || words[i + 1] === "i")) || word === "yarn");
    if (at < 0) continue;
    const tool = words[at]!;
    const rest = words.slice(tool === "npm" ? at + 2 : at + 1);
    if (tool === "npm" && !rest.some((word) => !word.startsWith("-")) && !rest.some((word) => word === "-g" || word === "--global")) {
      return words.slice(at, at + 2).join(" ");
    }
    if (
      tool === "yarn" &&
      (rest.length === 0 || rest[0] === "install" || rest[0]!.startsWith("-")) &&
      !rest.some((word) => /^--(frozen-lockfile|immutable)$/.test(word))
    ) {
      return ["yarn", ...rest].join(" ");
    }
  }
  return null;
}

const REQUIREMENTS = /(^|\/)requirements[\w.-]*\.txt$/;

function folderOf(file: string): string {
  return file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
}

/** A pip requirements file is its own lockfile when every package is pinned to an exact version (==, or a URL at a commit). */
function unpinnedRequirements(file: RepoFile): Finding[] {
  if (!REQUIREMENTS.test(file.path) || !file.text || isDocOrFixture(file.path)) return [];
  const loose = file.lines
    .map((text, index) => ({ text: text.replace(/\s+#.*$/, "").trim(), line: index + 1 }))
    .filter(({ text }) => /^[A-Za-z0-9]/.test(text) && !/===?|\s@\s|@[0-9a-f]{7,}/.test(text));
  if (!loose.length) return [];
  const names = loose.slice(0, 4).map(({ text }) => text.split(/[\s<>=!~;[]/)[0]);
  return [
    {
      file: file.path,
      line: loose[0]!.line,
      verdict: "not_met",
      message: `${count(loose.length, "package")} not pinned to an exact version (${names.join(", ")}${loose.length > 4 ? ", …" : ""}): each build takes whatever is newest`,
    },
  ];
}

export const lockfile = defineRule("lockfile", (repo) => {
  const present = new Set(repo.files.map((file) => file.path));
  const manifests = repo.files.filter((file) => baseName(file.path) in LOCKS_FOR || (REQUIREMENTS.test(file.path) && !isDocOrFixture(file.path)));
  if (!manifests.length) return { verdict: null, summary: "No dependency manifest found.", findings: [] };
  const findings: Finding[] = [];
  for (const manifest of manifests.filter((file) => baseName(file.path) in LOCKS_FOR)) {
    const locks = LOCKS_FOR[baseName(manifest.path)]!;
    const folders: string[] = [];
    for (let folder = folderOf(manifest.path); ; folder = folderOf(folder)) {
      folders.push(folder);
      if (!folder) break;
    }
    const found = folders.some((folder) => locks.some((lock) => present.has(folder ? `${folder}/${lock}` : lock)));
    if (!found) {
      findings.push({
        file: manifest.path,
        line: 1,
        verdict: "not_met",
        message: `No committed lockfile (${locks.slice(0, 3).join(", ")}) for this manifest`,
      });
    }
  }
  findings.push(...repo.files.flatMap(unpinnedRequirements));
  for (const file of repo.files.filter((f) => isDockerfile(f.path) || isCiFile(f.path))) {
    file.lines.forEach((text, index) => {
      const command = text.trimStart().startsWith("#") ? null : looseInstall(text);
      if (command) {
        findings.push({
          file: file.path,
          line: index + 1,
          verdict: "partially_met",
          message: `"${command}" may update the lockfile; install from it exactly (npm ci, yarn --frozen-lockfile)`,
        });
      }
    });
  }
  if (!findings.length) {
    return { verdict: "met", summary: `Each of ${count(manifests.length, "manifest")} has a committed lockfile, and no build installs around it.`, findings };
  }
  return {
    verdict: worst(findings.map((f) => f.verdict)),
    summary: `${count(findings.length, "problem")} with pinned dependencies across ${count(manifests.length, "manifest")}.`,
    findings,
  };
});
