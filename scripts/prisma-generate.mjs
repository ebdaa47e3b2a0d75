// Runs `prisma generate` on any machine, including an air-gapped one where
// Prisma's binary host is unreachable. The client Twelvefold uses (generator
// "prisma-client" with the pg driver adapter) needs no native engine; the CLI
// only insists on locating a schema engine, so it is pointed at a stub that
// refuses loudly (see prisma-schema-engine-stub.sh).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "scripts", "prisma-schema-engine-stub.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  },
});
if (result.status !== 0) {
  console.error("prisma generate failed; see the message above.");
  process.exit(result.status ?? 1);
}
