// What the production build under test contains: its server actions, each with
// the id a form posts and the page it posts to.
import { readFileSync } from "node:fs";

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

export function actionsInBuild(): Map<string, { id: string; path: string }> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const actions = new Map<string, { id: string; path: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // Post to the page that owns the action's file, as its own form would.
    const own = entry.filename.replace(/\/actions\.ts$/, "/page");
    const worker = own in entry.workers ? own : (Object.keys(entry.workers).find((w) => !w.includes("_not-found")) ?? "app/page");
    const path = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, path });
  }
  return actions;
}

/** The build's route handlers, as the app paths manifest names them ("/api/v1/services/[slug]/route"). */
export function routesInBuild(): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>;
  return Object.keys(manifest).filter((key) => key.endsWith("/route"));
}
