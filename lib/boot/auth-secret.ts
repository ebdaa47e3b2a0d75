// AUTH_SECRET for `npm start` when the environment gives none: generated once,
// kept in DATA_DIR with mode 600 (never in the repository), so sessions survive
// a restart. Several instances must share one: set AUTH_SECRET for them.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function authSecretFor(dataDir: string, configured: string | undefined): Promise<{ secret: string; generated: boolean }> {
  if (configured) return { secret: configured, generated: false };
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return { secret: (await readFile(file, "utf8")).trim(), generated: true };
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return { secret, generated: true };
}
