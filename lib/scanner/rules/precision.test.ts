// What the newer checks must not report: each case is a pattern seen on a real
// repository of the corpus (bench/evidence-corpus.md) that an early version got wrong.
import { describe, expect, it } from "vitest";
import { imageName } from "./container";
import { matchingLines } from "../rule";

import { check, file, repo } from "./test-repo";

describe("precision of the newer checks", () => {
  it("server timeouts: a command-line flag or a pool's idle timeout is not a server's", () => {
    const r = repo(file("deploy/kind.sh", "kubectl wait --timeout=120s"), file("pkg/cache.go", "pool := &redis.Pool{ IdleTimeout: 240 * time.Second }"));
    expect(check("server-timeouts", r).verdict).toBeNull();
    expect(check("server-timeouts", repo(file("main.go", "srv := &http.Server{ ReadHeaderTimeout: 5 * time.Second }"))).verdict).toBe("met");
  });

  it("plain-text logs: a command-line tool's messages, and values not from a request, are not reported", () => {
    const r = repo(
      file("scripts/create-admin.ts", "console.error(`a user with the email ${email} already exists`);"),
      file("pkg/fscache.go", 'log.Printf("fscache reload %s", w.dir)'),
    );
    expect(check("plain-logs", r).verdict).toBeNull();
    expect(check("plain-logs", repo(file("src/Cart.cs", 'Console.WriteLine($"AddItemAsync for {userId} called");'))).verdict).toBe("partially_met");
  });

  it("token signatures: reading a token's claims unverified is not reported when the same file verifies it", () => {
    const frontend = [
      "def decode_token(token):",
      "    return jwt.decode(algorithms='RS256', jwt=token, options={\"verify_signature\": False})",
      "def verify_token(token):",
      "    return jwt.decode(token, key=PUBLIC_KEY, algorithms='RS256')",
    ].join("\n");
    expect(check("token-signature", repo(file("src/frontend.py", frontend))).verdict).toBeNull();
    expect(check("token-signature", repo(file("src/claims.py", 'claims = jwt.decode(token, options={"verify_signature": False})'))).verdict).toBe("not_met");
  });

  it("Terraform secrets: a variable, a type name and AWS's documented example key are not credentials", () => {
    const tf = ["  password = var.db_password", '  secret_type = "opaque-value"', '  access_key = "AKIAIOSFODNN7EXAMPLE"', '  user_password = "admin"'].join(
      "\n",
    );
    const outcome = check("committed-credentials", repo(file("infra/main.tf", tf)));
    expect(outcome.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["infra/main.tf:4"]);
  });

  it("deploys: a throw-away test cluster is a test, not a hand-off; a GitOps controller is", () => {
    const e2e = "steps:\n  - uses: helm/kind-action@v1\n  - run: kubectl apply -k ./deploy";
    expect(check("pipeline-deploys", repo(file(".github/workflows/e2e.yml", e2e))).verdict).toBeNull();
    const flux = "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: shop";
    expect(check("pipeline-deploys", repo(file("clusters/prod/shop.yaml", flux))).verdict).toBe("met");
  });

  it("service exposure and probes: documentation's manifests and containers that serve nothing are not judged", () => {
    const docs = "apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  type: LoadBalancer";
    expect(check("service-exposure", repo(file("docs/examples/db.yaml", docs))).verdict).toBeNull();
    const worker =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: w:1";
    expect(check("health-probes", repo(file("deploy/worker.yaml", worker))).verdict).toBeNull();
  });

  it("default passwords: only in what deploys; development Compose files and documentation apart", () => {
    const env =
      "      containers:\n        - name: db\n          env:\n            - name: POSTGRES_PASSWORD\n              value: postgres\n            - name: API_TOKEN_SECRET\n              value: k3-9vX-qq2";
    const r = repo(
      file("deploy/db.yaml", env),
      file("docker-compose.dev.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres"),
      file("docs/setup.yaml", "RABBITMQ_DEFAULT_PASS: guest"),
    );
    const outcome = check("default-credentials", r);
    expect(outcome.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["deploy/db.yaml:5"]);
    expect(outcome.summary).toMatch(/1 more in documentation.*1 more in Compose files for development/);
  });

  it("ConfigMaps: a key named like a secret is a committed credential; other keys are configuration", () => {
    const map = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n${data}`;
    expect(check("committed-credentials", repo(file("k8s/config.yaml", map("  LOG_LEVEL: info\n  DB_HOST: db")))).verdict).toBe("met");
    expect(check("committed-credentials", repo(file("k8s/config.yaml", map("  DB_PASSWORD: s3cr3t-Value")))).findings[0]?.message).toMatch(
      /ConfigMap app holds a secret/,
    );
  });

  it("sessions: express-session without a store keeps them in the process; with one it does not", () => {
    const app = (options: string) => `const session = require("express-session");\napp.use(session({ ${options} }));`;
    expect(check("session-state", repo(file("src/app.js", app("secret: s")))).verdict).toBe("partially_met");
    expect(check("session-state", repo(file("src/app.js", app("store: pgStore, secret: s")))).verdict).toBeNull();
  });

  it("per-service signals: validation seen in one service of several is not the item met", () => {
    const dockerfile = (path: string) => ({ file: file(path, "FROM node:22"), stages: [], final: undefined });
    const r = repo(file("web/app.js", "app.use(celebrate({ body: schema }));"), file("api/main.go", "package main"));
    const several = { ...r, dockerfiles: [dockerfile("web/Dockerfile"), dockerfile("api/Dockerfile")] };
    expect(check("request-validation", several)).toMatchObject({ verdict: null, summary: expect.stringMatching(/seen in 1 of 2 services \(web\)/) });
    expect(check("request-validation", { ...r, dockerfiles: [dockerfile("web/Dockerfile")] }).verdict).toBe("met");
  });

  it("a secret store beside secrets committed in plain view is partially met", () => {
    const store = file("deploy/external.yaml", "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db");
    expect(check("secret-store", repo(store)).verdict).toBe("met");
    expect(check("secret-store", repo(store, file("infra/db.tf", '  password = "Tr0ub4dor-and-3"'))).verdict).toBe("partially_met");
  });

  it("one-off tasks: their own service account and a time limit, or a shortfall named", () => {
    const job = (spec: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n${spec}`;
    const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      serviceAccountName: api";
    const own = job("  activeDeadlineSeconds: 600\n  template:\n    spec:\n      serviceAccountName: migrator");
    expect(check("admin-identity", repo(file("k8s/job.yaml", own), file("k8s/api.yaml", deployment))).verdict).toBe("met");
    const shared = job("  activeDeadlineSeconds: 600\n  template:\n    spec:\n      serviceAccountName: api");
    expect(check("admin-identity", repo(file("k8s/job.yaml", shared), file("k8s/api.yaml", deployment))).findings[0]?.message).toMatch(
      /shares the service account api with Deployment api/,
    );
  });

  it("reads a crafted line in bounded work: the checks see its first 4,096 characters and their patterns cannot backtrack across it", () => {
    // Speed is not measured here (it was by hand: 44 s for plain-logs on such a file, then milliseconds); this holds
    // what the bound keeps: what sits at a line's start is still found, and nothing past 4,096 characters is read.
    const crafted = "console.log(`".repeat(2000) + "x".repeat(100_000);
    const r = repo(file("src/app.js", `console.log(\`login for \${req.body.email}\`);\n${crafted}`));
    expect(check("plain-logs", r).findings.map((f) => f.line)).toEqual([1]);
    expect(matchingLines(file("a.js", `${"a".repeat(5000)}secret`), /secret/)).toEqual([]);
  });

  it("names an image by its repository, whatever its registry, tag or digest", () => {
    expect(imageName("us-docker.pkg.dev/p/repo/frontend:v1@sha256:abc")).toBe("frontend");
    expect(imageName("frontend")).toBe("frontend");
  });

  it("several services: a structured logger in some is partial, naming the others; a SIGTERM handler in some is for the reviewer", () => {
    const services = [
      file("orders/Dockerfile", "FROM node:22\nRUN npm ci\n"),
      file("orders/src/log.js", 'import pino from "pino";\nexport const log = pino();\n'),
      file("orders/src/server.js", 'process.on("SIGTERM", () => server.close());\n'),
      file("cart/Dockerfile", "FROM mcr.microsoft.com/dotnet/sdk:9.0\nRUN dotnet publish\n"),
      file("cart/src/Cart.cs", 'Console.WriteLine("cart ready");\n'),
      // An image the repository only configures is not a service of its own.
      file("kafka/Dockerfile", "FROM apache/kafka:3.9.0\nCOPY server.properties /etc/kafka/\n"),
    ];
    const logs = check("structured-logs", repo(...services));
    expect(logs.verdict).toBe("partially_met");
    expect(logs.findings.filter((f) => f.verdict !== "met").map((f) => f.file)).toEqual(["cart"]);
    expect(logs.summary).toMatch(/seen in 1 of 2 services/);
    expect(check("graceful-shutdown", repo(...services)).verdict).toBeNull();
    // One service: its own evidence decides.
    expect(check("structured-logs", repo(...services.slice(0, 3))).verdict).toBe("met");
  });

  it("OpenTelemetry's log SDKs and its Java agent count as structured logs", () => {
    expect(
      check(
        "structured-logs",
        repo(file("Dockerfile", 'FROM eclipse-temurin:21\nENTRYPOINT ["java", "-javaagent:/app/opentelemetry-javaagent.jar", "-jar", "app.jar"]\n')),
      ).verdict,
    ).toBe("met");
    expect(check("structured-logs", repo(file("main.go", 'import "go.opentelemetry.io/contrib/bridges/otelslog"\n'))).verdict).toBe("met");
  });
});
