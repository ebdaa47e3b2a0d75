// Finding a catalogue on disk: every catalog-info.yaml (or .yml) under a
// folder, as in a monorepo or a checkout of many repositories. Folders that
// hold dependencies or version control are passed over; links are not followed.
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CatalogFile } from "./entities";
import { MAX_CATALOG_BYTES } from "./limits";

const SKIP = new Set(["node_modules", ".git", ".hg", ".svn", "vendor", "dist", "build", ".next", "coverage"]);
const NAME = /^catalog-info\.ya?ml$/;

/** The catalogue files under `root` (or `root` itself, if it is a file), with paths relative to it. */
export function findCatalogFiles(root: string): CatalogFile[] {
  const files: CatalogFile[] = [];
  let total = 0;
  const add = (full: string, shown: string) => {
    total += lstatSync(full).size;
    if (total > MAX_CATALOG_BYTES) throw new Error(`the catalogue files come to more than ${MAX_CATALOG_BYTES / 1024 / 1024} MB`);
    files.push({ path: shown.split(path.sep).join("/"), content: readFileSync(full, "utf8") });
  };
  const stat = lstatSync(root);
  if (stat.isFile()) {
    add(root, path.basename(root));
    return files;
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP.has(entry.name)) walk(full);
      else if (entry.isFile() && NAME.test(entry.name)) add(full, path.relative(root, full));
    }
  };
  walk(root);
  return files;
}
