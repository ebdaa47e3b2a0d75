// The port the app under test listens on: chosen once, when Playwright first
// reads its configuration (before the global set-up), and passed to the set-up
// and every worker through the environment.
import { execFileSync } from "node:child_process";

/** A port the system hands out as free right now (a child listens on port 0 and reports it). */
function freePortNow(): string {
  const script = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

process.env.E2E_PORT ||= freePortNow();
export const E2E_PORT = Number(process.env.E2E_PORT);
