// `npm run lockfile:complete`, after any `npm install` that changes the lockfile.
//
// The registry mirror this project is developed against lacks some platform
// builds (e.g. macOS and Windows binaries of Tailwind's oxide and Next's SWC),
// so `npm install` leaves them out of package-lock.json, and `npm ci` then
// refuses the lockfile everywhere ("Missing: … from lock file"). This adds an
// entry for every optional platform package a locked package declares, with the
// os/cpu/libc read from its name: npm ci skips entries for other platforms, and
// on a machine that matches, npm fetches the real package by its version.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "arm", "mips64el"];

interface LockEntry {
  version?: string;
  dev?: boolean;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}
interface Lockfile {
  packages: Record<string, LockEntry>;
}

export function platformOf(name: string) {
  const parts = (name.split("/").pop() ?? name).split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c));
  const libc = parts.some((p) => p.startsWith("musl")) ? "musl" : parts.some((p) => p.startsWith("gnu")) ? "glibc" : undefined;
  return { os, cpu, libc };
}

export function missingPlatformPackages(lock: Lockfile) {
  const packages = lock.packages;
  const missing: { key: string; name: string; version: string; dev: boolean }[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${key ? `${key}/` : ""}node_modules/${name}`;
      if (packages[nested] || packages[`node_modules/${name}`]) continue;
      const { os, cpu } = platformOf(name);
      if (!os && !cpu) continue; // not a platform build: leave it to npm
      missing.push({ key: `node_modules/${name}`, name, version, dev: entry.dev === true });
    }
  }
  return missing;
}

function complete(lockPath: string): number {
  const lock = JSON.parse(readFileSync(lockPath, "utf8")) as Lockfile;
  const missing = missingPlatformPackages(lock);
  for (const { key, version, dev, name } of missing) {
    const { os, cpu, libc } = platformOf(name);
    lock.packages[key] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  return missing.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lockPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "package-lock.json");
  console.log(`package-lock.json: added ${complete(lockPath)} platform package entries`);
}
