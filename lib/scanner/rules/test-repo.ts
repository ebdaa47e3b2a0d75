// A repository held in memory for the checks' unit tests: files as given, with
// the containers and manifest objects the scanner would read from them.
import { deployedContainers } from "../deploy";
import { manifestObjects } from "../manifests";
import type { Repo, RepoFile } from "../repo";
import { RULES } from ".";

export const file = (path: string, text: string): RepoFile => ({ path, text, lines: text.split("\n") });

export function repo(...files: RepoFile[]): Repo {
  return {
    root: "/x",
    source: "filesystem",
    files,
    dockerfiles: [],
    removedFromTree: [],
    containers: deployedContainers(files),
    objects: manifestObjects(files),
  };
}

export const check = (id: string, r: Repo) => RULES.find((rule) => rule.id === id)!.check(r);
