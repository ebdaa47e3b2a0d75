// TLS to the database follows DATABASE_URL: proven against a real Postgres that
// serves a throw-away certificate (made with openssl for this test).
import { execFileSync } from "node:child_process";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

let dir: string;
let cluster: EmbeddedDatabase;

function certificate(name: string) {
  const key = path.join(dir, `${name}.key`);
  const crt = path.join(dir, `${name}.crt`);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-keyout",
      key,
      "-out",
      crt,
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  return { key, crt };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tf-tls-"));
  await chmod(dir, 0o755);
  const server = certificate("server");
  certificate("other");
  // Postgres insists its key is private to the user it runs as.
  await chmod(server.key, 0o600);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
    await chown(server.key, uid, gid);
    await chown(server.crt, uid, gid);
  }
  cluster = await startEmbeddedPostgres(path.join(dir, "data"), {
    postgresFlags: ["-c", "ssl=on", "-c", `ssl_cert_file=${server.crt}`, "-c", `ssl_key_file=${server.key}`],
  });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});

const withTls = (query: string) => `${cluster.adminUrl}?${query}`;

async function sslInUse(url: string): Promise<boolean> {
  const prisma = createPrismaClient(url, 1);
  try {
    const rows = await prisma.$queryRaw<{ ssl: boolean }[]>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`;
    return rows[0]!.ssl;
  } finally {
    await prisma.$disconnect();
  }
}

describe("database connections", () => {
  it("use TLS, verifying the server, when the URL says sslmode=verify-full", async () => {
    const url = withTls(`sslmode=verify-full&sslrootcert=${encodeURIComponent(path.join(dir, "server.crt"))}`);
    expect(await sslInUse(url)).toBe(true);
  });

  it("refuse a server whose certificate the named authority did not issue", async () => {
    const url = withTls(`sslmode=verify-full&sslrootcert=${encodeURIComponent(path.join(dir, "other.crt"))}`);
    await expect(sslInUse(url)).rejects.toThrow();
  });

  it("stay in plain text only when the URL does not ask for TLS", async () => {
    expect(await sslInUse(cluster.adminUrl)).toBe(false);
  });

  it("use TLS for migrations too (node-postgres reads the same URL)", async () => {
    const client = new pg.Client({
      connectionString: withTls(`sslmode=verify-full&sslrootcert=${encodeURIComponent(path.join(dir, "server.crt"))}`),
    });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
      expect(rows[0].ssl).toBe(true);
    } finally {
      await client.end();
    }
  });
});
