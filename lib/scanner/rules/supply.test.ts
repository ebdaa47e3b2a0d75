// Tokens issued with an expiry, the account an app signs in to its database
// with, what builds install and where they run: cases met on the corpus
// (bench/evidence-corpus.md), right and wrong.
import { describe, expect, it } from "vitest";
import type { Repo } from "../repo";
import { check, file, repo } from "./test-repo";

const at = (id: string, r: Repo) => check(id, r).findings.map((f) => `${f.file}:${f.line} ${f.verdict}`);

describe("tokens issued with an expiry", () => {
  it("reads the expiry set where a token is signed, in Node, Python, Go and Java, and session lifetimes", () => {
    const issued = [
      file("src/token.js", "const jwt = require('jsonwebtoken');\nconst t = jwt.sign({ sub: id }, key, { expiresIn: '15m' });\n"),
      file("src/token.service.js", "const payload = { sub: userId, exp: expires.unix() };\nreturn jwt.sign(payload, secret);\n"),
      file("users/service.py", "payload = {'user': name, 'exp': exp_time}\ntoken = jwt.encode(payload, key, algorithm='RS256')\n"),
      file(
        "pkg/token.go",
        "claims := jwt.RegisteredClaims{\n\tExpiresAt: jwt.NewNumericDate(at),\n}\ntoken := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)\n",
      ),
      file("src/main/resources/application.properties", "server.servlet.session.timeout=15m\n"),
    ];
    for (const f of issued) expect(check("token-issuance", repo(f)).verdict, f.path).toBe("partially_met");
  });

  it("an expiry without a token made in the same file, or a token without one, judges nothing", () => {
    expect(check("token-issuance", repo(file("src/cache.js", "cache.set(key, value, { maxAge: 60 });\n"))).verdict).toBeNull();
    expect(check("token-issuance", repo(file("src/token.js", "return jwt.sign({ sub: id }, key);\n"))).verdict).toBeNull();
  });
});

describe("database accounts", () => {
  it("an app that signs in as the superuser its own file gives the image, or as postgres, root or sa, is not met", () => {
    const config = [
      "apiVersion: v1",
      "kind: ConfigMap",
      "data:",
      "  POSTGRES_USER: ledger-admin",
      "  SPRING_DATASOURCE_USERNAME: ledger-admin # should match POSTGRES_USER",
      "  ACCOUNTS_DB_URI: postgresql://ledger-admin:pw@ledger-db:5432/ledger",
    ].join("\n");
    expect(at("database-users", repo(file("k8s/config.yaml", config)))).toEqual(["k8s/config.yaml:5 not_met", "k8s/config.yaml:6 not_met"]);
    expect(at("database-users", repo(file(".env", "DATABASE_URL=mysql://root:pw@db.internal/shop\n")))).toEqual([".env:1 not_met"]);
  });

  it("an account of its own, a test database on loopback or in CI, and documentation are left alone", () => {
    const own = "  POSTGRES_USER: admin\n  DB_USER: orders-app\n  DB_URL: postgres://orders-app:pw@db:5432/orders\n";
    expect(check("database-users", repo(file("k8s/config.yaml", own))).verdict).toBeNull();
    expect(
      check("database-users", repo(file("docker-compose.test.yml", "    environment:\n      - DATABASE_URL=postgres://postgres:pw@db/app\n"))).verdict,
    ).toBeNull();
    expect(check("database-users", repo(file(".github/workflows/ci.yml", "env:\n  DATABASE_URL: postgres://postgres:pw@localhost/app\n"))).verdict).toBeNull();
    expect(check("database-users", repo(file("config/dev.env", "DATABASE_URL=postgres://postgres:pw@127.0.0.1/app\n"))).verdict).toBeNull();
    expect(check("database-users", repo(file("docs/setup.yaml", "DATABASE_URL: postgres://postgres:pw@db/app\n"))).verdict).toBeNull();
  });
});

describe("verified installs and fresh runners", () => {
  it("lockfiles with checksums are met; a lockfile without checksums, pins without hashes, or another index is partial", () => {
    const locked = file("package-lock.json", '{\n  "packages": {\n    "node_modules/pino": {\n      "integrity": "sha512-abc=="\n    }\n  }\n}\n');
    const pinned = file("Dockerfile", `FROM node:22@sha256:${"a".repeat(64)} AS build\nRUN npm ci\nFROM build\n`);
    const r = repo(locked, pinned);
    r.dockerfiles = [
      {
        file: pinned,
        stages: [
          { from: { keyword: "FROM", args: `node:22@sha256:${"a".repeat(64)} AS build`, line: 1 }, instructions: [] },
          { from: { keyword: "FROM", args: "build", line: 3 }, instructions: [] },
        ],
        final: undefined,
      },
    ];
    expect(check("verified-installs", r).verdict).toBe("met");
    const loose = repo(
      file("yarn.lock", 'pino@^10:\n  version "10.4.0"\n  resolved "https://registry.yarnpkg.com/pino/-/pino-10.4.0.tgz"\n'),
      file("requirements.txt", "flask==3.1.0\n"),
      file("pip.conf", "[global]\n--extra-index-url https://pypi.internal.example/simple\n"),
    );
    expect(at("verified-installs", loose)).toEqual(["yarn.lock:1 partially_met", "requirements.txt:1 partially_met", "pip.conf:2 partially_met"]);
    // A requirements file whose pins carry hashes is verified by pip.
    expect(check("verified-installs", repo(locked, file("requirements.txt", "flask==3.1.0 --hash=sha256:abc\n"))).verdict).toBe("met");
  });

  it("GitHub-hosted runners are fresh machines; a self-hosted one is partial; a runner chosen by an expression is not judged", () => {
    const wf = (runsOn: string) => file(".github/workflows/ci.yml", `on: push\njobs:\n  build:\n    runs-on: ${runsOn}\n    steps: []\n`);
    expect(check("hosted-runners", repo(wf("ubuntu-24.04"))).verdict).toBe("met");
    expect(check("hosted-runners", repo(wf("[self-hosted, linux]"))).verdict).toBe("partially_met");
    expect(check("hosted-runners", repo(wf("${{ matrix.os }}"))).verdict).toBeNull();
  });
});

describe("requirements files are configuration, not documentation", () => {
  it("a credential in an index URL of requirements.txt is counted", () => {
    const r = repo(file("requirements.txt", "--extra-index-url https://deploy:t0ken-value-9@pypi.acme-corp.io/simple\nflask==3.1.0\n"));
    expect(check("committed-credentials", r).findings.map((f) => `${f.file}:${f.line}`)).toEqual(["requirements.txt:1"]);
    expect(check("committed-credentials", repo(file("docs/notes.txt", "https://deploy:t0ken-value-9@pypi.acme-corp.io/simple\n"))).verdict).toBe("met");
  });
});

describe("what is not a credential", () => {
  it("`secrets: inherit` hands a reusable workflow the caller's protected secrets", () => {
    const wf = file(".github/workflows/release.yml", "jobs:\n  publish:\n    uses: ./.github/workflows/artifacts.yaml\n    secrets: inherit\n");
    expect(check("build-secrets", repo(wf)).findings.filter((f) => f.verdict !== "met")).toEqual([]);
    const literal = file(".github/workflows/ci.yml", "env:\n  API_TOKEN: a1b2c3d4e5\n");
    expect(check("build-secrets", repo(literal)).verdict).toBe("not_met");
  });

  it("a local emulator's dummy cloud keys are not a default password; a database's is", () => {
    const emulator = file("chart/templates/configmap.yaml", "data:\n  AWS_ACCESS_KEY_ID: key\n  AWS_SECRET_ACCESS_KEY: secret\n");
    expect(check("default-credentials", repo(emulator)).verdict).toBeNull();
    expect(check("default-credentials", repo(file("k8s/db.yaml", "data:\n  POSTGRES_PASSWORD: postgres\n"))).verdict).toBe("not_met");
  });
});

describe("pip requirements", () => {
  it("a requirements file with a package not pinned by == is not locked; one pinned throughout, or by a commit, is", () => {
    const loose = check("lockfile", repo(file("vote/requirements.txt", "Flask\nRedis>=4\ngunicorn==23.0.0\n")));
    expect(loose.verdict).toBe("not_met");
    expect(loose.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      "vote/requirements.txt:1 2 packages not pinned to an exact version (Flask, Redis): each build takes whatever is newest",
    ]);
    const pinned = file("requirements.txt", "-r base.txt\n# pinned\nflask==3.1.0 --hash=sha256:abc\nlib @ git+https://github.com/acme/lib@4f2c9e1a\n");
    expect(check("lockfile", repo(pinned)).verdict).toBe("met");
  });
});
