// Entry of the PDF render thread (lib/exports/render-pool.ts starts it inside the
// web process). Plain JavaScript, so it loads without a loader; it registers tsx
// (and the server-only stub the worker process uses too) for what it imports.
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register as registerTsx } from "tsx/esm/api";

registerTsx();
register("./server-only-hook.mjs", import.meta.url);
await import(pathToFileURL(path.join(import.meta.dirname, "..", "lib", "exports", "render-thread.ts")).href);
