// Decides whether the production build in .next matches the sources, so
// `npm start` rebuilds only when something changed.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "public"];
const INPUT_FILES = ["package-lock.json", "next.config.ts", "proxy.ts", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
const STAMP = path.join(".next", "twelvefold-build.json");

async function listFiles(root: string, dir: string): Promise<string[]> {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  const entries = await readdir(full, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export async function sourceHash(root: string): Promise<string> {
  const hash = createHash("sha256");
  const files = [...(await Promise.all(INPUT_DIRS.map((dir) => listFiles(root, dir)))).flat(), ...INPUT_FILES].sort();
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) continue;
    hash
      .update(file)
      .update("\0")
      .update(await readFile(full))
      .update("\0");
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(root: string, hash: string): Promise<boolean> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    const stamp = JSON.parse(await readFile(path.join(root, STAMP), "utf8")) as { hash?: string };
    return stamp.hash === hash;
  } catch {
    return false;
  }
}

async function recordBuild(root: string, hash: string): Promise<void> {
  await writeFile(path.join(root, STAMP), JSON.stringify({ hash, builtAt: new Date().toISOString() }));
}

/** Runs `build` only when .next is missing or older than the sources, then stamps it. */
export async function ensureCurrentBuild(root: string, build: () => Promise<void>): Promise<void> {
  const hash = await sourceHash(root);
  if (await buildIsCurrent(root, hash)) return;
  await build();
  await recordBuild(root, hash);
}
