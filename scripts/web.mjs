// The web process: `node scripts/web.mjs start --port 3000 --hostname 0.0.0.0`
// (any `next` command and flags). Installs the client-address rule
// (scripts/client-address.mjs) in this process, then runs Next's own CLI here.
import path from "node:path";
import { installClientAddress } from "./client-address.mjs";

try {
  installClientAddress(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(`twelvefold web: TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)} (addresses or CIDRs, comma-separated)`);
  process.exit(1);
}
const nextBin = path.resolve(import.meta.dirname, "..", "node_modules", "next", "dist", "bin", "next");
process.argv.splice(1, 1, nextBin);
await import(nextBin);
