// What the scanner reads: a repository's files as the pipeline would see them.
// Inside a git work tree it asks git (tracked files, plus new ones that are not
// ignored), so an ignored local `.env` is not reported as committed; elsewhere
// it walks the folder. Symbolic links are never followed.
import { execFileSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { deployedContainers, type DeployedContainer } from "./deploy";
import { manifestObjects, type ManifestObject } from "./manifests";
import { parseDockerfile, type Stage } from "./dockerfile";
import { isDockerfile } from "./rule";

export interface RepoFile {
  /** Relative to the scanned root, with forward slashes. */
  path: string;
  /** The text, or null for a binary file or one over the size limit. */
  text: string | null;
  /** The text's lines, split once for every rule (empty when text is null). */
  lines: string[];
}

export interface Dockerfile {
  file: RepoFile;
  stages: Stage[];
  /** The stage that runs; earlier ones are build steps. */
  final: Stage | undefined;
}

export interface HistoricFile {
  path: string;
  commit: string;
  /** The file as that commit added it (read from git when asked; null if it cannot be read). */
  read(): string | null;
}

export interface Repo {
  root: string;
  source: "git" | "filesystem";
  files: RepoFile[];
  /** Every Dockerfile, parsed once for the rules that read them. */
  dockerfiles: Dockerfile[];
  /** Files ever added in git history that are gone from the tree now. */
  removedFromTree: HistoricFile[];
  /** Every container the deployment files describe (Kubernetes, Helm values, Compose), read once. */
  containers: DeployedContainer[];
  /** Kubernetes objects beyond containers (Services, Ingresses, policies, Jobs), read once. */
  objects: ManifestObject[];
}

const SKIPPED_FOLDERS = new Set([".git", "node_modules", "vendor", "dist", "build", ".next", "coverage", "target", "__pycache__", ".venv", "venv"]);
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 50_000;

export function readRepo(root: string, exclude: string[] = []): Repo {
  const absolute = path.resolve(root);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) throw new Error("no such folder");
  const excluded = (file: string) =>
    file.split("/").some((part) => SKIPPED_FOLDERS.has(part)) || exclude.some((prefix) => file === prefix || file.startsWith(`${prefix.replace(/\/+$/, "")}/`));
  const listed = gitFiles(absolute);
  const paths = (listed ?? walk(absolute)).filter((file) => !excluded(file)).slice(0, MAX_FILES);
  const files = paths.map((file) => {
    const text = readText(path.join(absolute, file));
    return { path: file, text, lines: text === null ? [] : text.split(/\r?\n/) };
  });
  const dockerfiles = files
    .filter((file) => isDockerfile(file.path))
    .map((file) => {
      const stages = parseDockerfile(file.text ?? "");
      return { file, stages, final: stages.at(-1) };
    });
  const present = new Set(paths);
  const removedFromTree = listed ? gitAddedFiles(absolute).filter((f) => !present.has(f.path) && !excluded(f.path)) : [];
  return {
    root: absolute,
    source: listed ? "git" : "filesystem",
    files,
    dockerfiles,
    removedFromTree,
    containers: deployedContainers(files),
    objects: manifestObjects(files),
  };
}

function git(root: string, args: string[]): string | null {
  try {
    // A scanned folder's own git config must not run anything (core.fsmonitor).
    return execFileSync("git", ["-C", root, "-c", "core.fsmonitor=false", ...args], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
}

function gitFiles(root: string): string[] | null {
  if (git(root, ["rev-parse", "--is-inside-work-tree"])?.trim() !== "true") return null;
  const out = git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"]);
  if (out === null) return null;
  // Deleted-but-still-tracked files are listed too; keep only what exists.
  return out.split("\0").filter((file) => file && isRegularFile(path.join(root, file)));
}

function gitAddedFiles(root: string): HistoricFile[] {
  const out = git(root, ["log", "--all", "--diff-filter=A", "--name-only", "--relative", "--format=commit %h", "--", "."]);
  if (!out) return [];
  const added: HistoricFile[] = [];
  let commit = "";
  for (const line of out.split("\n")) {
    if (line.startsWith("commit ")) commit = line.slice("commit ".length);
    else if (line.trim()) {
      const file = line.trim();
      const at = commit;
      added.push({ path: file, commit: at, read: () => git(root, ["show", `${at}:./${file}`]) });
    }
  }
  return added;
}

function walk(root: string, folder = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...walk(root, relative));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort();
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function readText(file: string): string | null {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return null;
    const bytes = readFileSync(file);
    if (bytes.subarray(0, 8192).includes(0)) return null;
    return bytes.toString("utf8");
  } catch {
    return null;
  }
}
