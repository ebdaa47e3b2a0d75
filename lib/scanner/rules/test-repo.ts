// A repository held in memory for the checks' unit tests: files as given, with
// the Dockerfiles, containers and manifest objects the scanner would read from them.
import { deployedContainers } from "../deploy";
import { parseDockerfile } from "../dockerfile";
import { manifestObjects } from "../manifests";
import type { Repo, RepoFile } from "../repo";
import { isDockerfile } from "../rule";
import { RULES } from ".";

export const file = (path: string, text: string): RepoFile => ({ path, text, lines: text.split("\n") });

export function repo(...files: RepoFile[]): Repo {
  const dockerfiles = files
    .filter((f) => isDockerfile(f.path))
    .map((f) => {
      const stages = parseDockerfile(f.text ?? "");
      return { file: f, stages, final: stages.at(-1) };
    });
  return {
    root: "/x",
    source: "filesystem",
    files,
    dockerfiles,
    removedFromTree: [],
    containers: deployedContainers(files),
    objects: manifestObjects(files),
  };
}

export const check = (id: string, r: Repo) => RULES.find((rule) => rule.id === id)!.check(r);
