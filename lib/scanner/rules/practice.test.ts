// The checks that read practices around the code (review, push scanning, load
// tests, declared build tools, separate stages) and how the parts talk (plain
// backing services, gRPC without credentials): each case is a pattern met on a
// repository of the corpus (bench/evidence-corpus.md), right and wrong.
import { describe, expect, it } from "vitest";
import type { Repo } from "../repo";
import { RULES } from ".";
import { check, file, repo } from "./test-repo";

const at = (id: string, r: Repo) => check(id, r).findings.map((f) => `${f.file}:${f.line} ${f.verdict}`);

const PR_WORKFLOW = file(".github/workflows/ci.yml", "name: ci\non:\n  pull_request:\n    branches: [main]\njobs: {}\n");

describe("code review", () => {
  it("code owners for every path and checks on pull requests are partial: the branch rule is the host's", () => {
    const r = repo(file(".github/CODEOWNERS", "# owners\n* @org/maintainers\n"), PR_WORKFLOW);
    expect(check("code-review", r).verdict).toBe("partially_met");
    expect(at("code-review", r)).toEqual([".github/CODEOWNERS:2 partially_met", ".github/workflows/ci.yml:3 partially_met"]);
  });

  it("branch protection kept as code, with reviews and checks required, is met", () => {
    const settings = [
      "branches:",
      "  - name: main",
      "    protection:",
      "      required_pull_request_reviews:",
      "        required_approving_review_count: 2",
      "      required_status_checks:",
      "        strict: true",
      "        contexts: [ci]",
    ].join("\n");
    expect(check("code-review", repo(file(".github/settings.yml", settings))).verdict).toBe("met");
    // No approving review required: not branch protection that reviews.
    expect(check("code-review", repo(file(".github/settings.yml", settings.replace("count: 2", "count: 0")))).verdict).toBeNull();
  });

  it("checks on pull requests alone, or a CODEOWNERS of comments, judge nothing", () => {
    expect(check("code-review", repo(PR_WORKFLOW)).verdict).toBeNull();
    expect(check("code-review", repo(file("CODEOWNERS", "# nobody yet\n"))).verdict).toBeNull();
  });
});

describe("push protection", () => {
  it("is partial when no scanner runs on push, and leaves the item to the scanner's check when one does", () => {
    expect(check("push-protection", repo(PR_WORKFLOW)).verdict).toBe("partially_met");
    const scanned = file(".github/workflows/secrets.yml", "on: push\njobs:\n  scan:\n    steps:\n      - run: gitleaks git --exit-code 1\n");
    expect(check("push-protection", repo(scanned)).verdict).toBeNull();
    expect(check("push-protection", repo(file(".pre-commit-config.yaml", "repos:\n  - repo: https://github.com/Yelp/detect-secrets\n"))).verdict).toBeNull();
  });
});

describe("load tests", () => {
  it("finds Locust, k6, JMeter and Artillery tests wherever they live, documentation aside", () => {
    const r = repo(
      file("src/loadgenerator/locustfile.py", "import random\nfrom locust import HttpUser, task\n"),
      file("tests/load/script.js", "import http from 'k6/http';\nexport default function () { http.get('http://shop'); }\n"),
      file("perf/plan.jmx", '<?xml version="1.0"?>\n<jmeterTestPlan version="1.2">\n'),
      file("docs/load/locustfile.py", "from locust import HttpUser\n"),
    );
    expect(at("load-tests", r)).toEqual([
      "src/loadgenerator/locustfile.py:2 partially_met",
      "tests/load/script.js:1 partially_met",
      "perf/plan.jmx:2 partially_met",
    ]);
    expect(check("load-tests", r).verdict).toBe("partially_met");
    expect(check("load-tests", repo(file("src/http.py", "import requests\n"))).verdict).toBeNull();
  });
});

describe("build tools", () => {
  const dockerfile = file("Dockerfile", "FROM node:22 AS build\nWORKDIR /app\nRUN npm ci\n");

  it("a Dockerfile that builds declares its tools", () => {
    expect(check("build-tools", repo(dockerfile)).verdict).toBe("met");
  });

  it("a download piped to a shell, or a tool's latest release, is partial; a commented one is not read", () => {
    const piped = file("cloudbuild.yaml", "steps:\n  - script: |\n      curl -LsSf https://astral.sh/uv/install.sh | sh\n");
    const latest = file(
      ".github/workflows/ci.yml",
      "jobs:\n  e2e:\n    steps:\n      - run: curl -Lo skaffold https://storage.googleapis.com/skaffold/releases/latest/skaffold-linux-amd64\n",
    );
    expect(at("build-tools", repo(dockerfile, piped, latest))).toEqual(["cloudbuild.yaml:3 partially_met", ".github/workflows/ci.yml:4 partially_met"]);
    expect(check("build-tools", repo(dockerfile, file("install.sh", "# curl -fsSL https://get.example.dev | bash\n"))).verdict).toBe("met");
    // A pinned download is not reported (whether it is verified is the trusted-sources item's).
    expect(check("build-tools", repo(dockerfile, file("ci.sh", "curl -Lo kind https://kind.sigs.k8s.io/dl/v0.24.0/kind-linux-amd64\n"))).verdict).toBe("met");
  });
});

describe("plain backing services", () => {
  const redis = (extra = "") =>
    file(
      "deploy/redis.yaml",
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cache\nspec:\n  template:\n    spec:\n      containers:\n        - name: redis\n          image: redis:7-alpine\n${extra}`,
    );

  it("Redis deployed with nothing that turns TLS on is not met, on the container's line", () => {
    expect(at("plain-backing-service", repo(redis()))).toEqual(["deploy/redis.yaml:9 not_met"]);
  });

  it("anything that may configure TLS, a configuration file the scanner does not read, or a test Compose file is left alone", () => {
    expect(check("plain-backing-service", repo(redis('          args: ["--tls-port", "6379", "--port", "0"]\n'))).verdict).toBeNull();
    expect(check("plain-backing-service", repo(redis('          args: ["/etc/redis/redis.conf"]\n'))).verdict).toBeNull();
    const compose = "services:\n  db:\n    image: postgres:16\n";
    expect(check("plain-backing-service", repo(file("docker-compose.test.yml", compose))).verdict).toBeNull();
    expect(at("plain-backing-service", repo(file("docker-compose.yml", compose)))).toEqual(["docker-compose.yml:2 not_met"]);
    // MySQL's image makes its own certificate; an application image is not a backing service.
    expect(
      check("plain-backing-service", repo(file("compose.yaml", "services:\n  db:\n    image: mysql:8\n  web:\n    image: shop/web:1.0\n"))).verdict,
    ).toBeNull();
  });
});

describe("calls between services", () => {
  const dial = "conn, err := grpc.NewClient(addr,\n\tgrpc.WithTransportCredentials(insecure.NewCredentials()))\n";

  it("a plain gRPC dial with no mesh is not met", () => {
    expect(at("service-calls", repo(file("src/frontend/main.go", dial)))).toEqual(["src/frontend/main.go:2 not_met"]);
    expect(check("service-calls", repo(file("src/rec/server.py", "channel = grpc.insecure_channel(catalog_addr)\n"))).verdict).toBe("not_met");
  });

  it("a dial to the same pod, a sample or command-line client, a telemetry exporter, or a file that can also dial with TLS is left alone", () => {
    const left = [
      file("src/email/server.py", "channel = grpc.insecure_channel('localhost:8080')\n"),
      file("src/email/email_client.py", "channel = grpc.insecure_channel(addr)\n"),
      file("cmd/podcli/check.go", dial),
      file("src/checkout/tracing.go", `exporter := otlptracegrpc.New(ctx,\n${dial}`),
      file("src/api/conn.go", `if useTLS {\n\tcreds = grpc.WithTransportCredentials(credentials.NewTLS(cfg))\n} else {\n${dial}}\n`),
      file("src/rec/client_test.go", dial),
    ];
    for (const f of left) expect(check("service-calls", repo(f)).verdict, f.path).toBeNull();
  });

  it("a mesh that requires mutual TLS makes plain dials acceptable; workloads merely in a mesh make them partial", () => {
    const strict = file(
      "deploy/mtls.yaml",
      "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\nspec:\n  mtls:\n    mode: STRICT\n",
    );
    expect(check("service-calls", repo(file("main.go", dial), strict)).verdict).toBe("met");
    const labelled = file("deploy/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n");
    expect(at("service-calls", repo(file("main.go", dial), labelled))).toEqual(["main.go:2 partially_met", "deploy/ns.yaml:6 partially_met"]);
  });
});

describe("stages", () => {
  const workflow = (jobs: string) => file(".github/workflows/release.yml", `on: push\njobs:\n${jobs}`);

  it("a job that builds and deploys holds both stages' credentials: partial", () => {
    const r = repo(workflow("  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t shop .\n      - run: kubectl apply -f k8s/\n"));
    expect(at("stage-separation", r)).toEqual([".github/workflows/release.yml:3 partially_met"]);
  });

  it("a deploy job of its own is met only when an environment holds its credentials", () => {
    const build = "  build:\n    steps:\n      - uses: docker/build-push-action@v6\n";
    const deploy = (env: string) => `  deploy:\n    needs: build\n${env}    steps:\n      - run: helm upgrade --install shop ./chart\n`;
    expect(check("stage-separation", repo(workflow(build + deploy("    environment: production\n")))).verdict).toBe("met");
    expect(check("stage-separation", repo(workflow(build + deploy("    environment:\n      name: production\n")))).verdict).toBe("met");
    expect(check("stage-separation", repo(workflow(build + deploy("")))).verdict).toBe("partially_met");
  });

  it("reads GitLab CI jobs, and leaves a pipeline that deploys to a throw-away test cluster alone", () => {
    const gitlab = file(
      ".gitlab-ci.yml",
      "stages: [build, deploy]\nbuild:\n  script: [docker build -t shop .]\ndeploy:\n  environment: production\n  script:\n    - kubectl apply -f k8s/\n",
    );
    expect(at("stage-separation", repo(gitlab))).toEqual([".gitlab-ci.yml:4 met"]);
    const kind = workflow("  e2e:\n    steps:\n      - uses: helm/kind-action@v1\n      - run: docker build -t shop . && kubectl apply -f k8s/\n");
    expect(check("stage-separation", repo(kind)).verdict).toBeNull();
  });
});

describe("rotation and the event stream", () => {
  const external = file("deploy/secret.yaml", "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\n");

  it("secrets injected at run time can be rotated without a code change (partial); a store that rotates them is met", () => {
    expect(check("rotation", repo(external)).verdict).toBe("partially_met");
    const rotating = file(
      "infra/secrets.tf",
      'resource "aws_secretsmanager_secret_rotation" "db" {\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n',
    );
    expect(check("rotation", repo(external, rotating)).verdict).toBe("met");
    expect(check("rotation", repo(file("src/app.js", "const db = process.env.DB_URL;\n"))).verdict).toBeNull();
  });

  it("a committed credential makes rotation not met, through the committed-credentials check", () => {
    const r = repo(external, file("deploy/db.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: s3cr3t-value\n"));
    const committed = check("committed-credentials", r);
    expect(committed.verdict).toBe("not_met");
    expect(RULES.find((rule) => rule.id === "committed-credentials")!.items).toContainEqual({ itemId: "F03-ROTATION", claimsMet: false });
  });

  it("a structured logger's stream is partial: the central store is the platform's", () => {
    expect(check("log-stream", repo(file("src/log.js", 'import pino from "pino";\nexport const log = pino();\n'))).verdict).toBe("partially_met");
    expect(check("log-stream", repo(file("src/log.js", "console.log('hi');\n"))).verdict).toBeNull();
  });
});

describe("environment files", () => {
  it("one that sets only versions, ports and addresses is configuration, not a credential", () => {
    const env = file(".env", "IMAGE_VERSION=2.1.0\nFRONTEND_PORT=8080\nVALKEY_ADDR=valkey:6379\nAPI_KEY=\n");
    expect(check("committed-credentials", repo(env)).verdict).toBe("met");
  });

  it("one that gives a secret-named variable a value, or any variable a URL with a password, is reported by name only", () => {
    const env = file(".env", "IMAGE_VERSION=2.1.0\nPOSTGRES_PASSWORD=changeit # demo\nDB=postgres://app:pw-123@db.internal/app\n");
    const outcome = check("committed-credentials", repo(env));
    expect(outcome.findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toContain(".env:2 Environment file committed; it sets POSTGRES_PASSWORD, DB");
    expect(JSON.stringify(outcome)).not.toMatch(/changeit|pw-123/);
  });

  it("a placeholder is not a value", () => {
    expect(check("committed-credentials", repo(file(".env", "SESSION_SECRET=changeme\nTOKEN=${TOKEN}\n"))).verdict).toBe("met");
  });
});
