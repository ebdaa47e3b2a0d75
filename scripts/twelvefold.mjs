#!/usr/bin/env node
// The `twelvefold` command (package.json "bin"). The scanner is TypeScript; tsx
// loads it in its own namespace, with this package's tsconfig wherever it runs.
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../lib/scanner/cli.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)),
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
