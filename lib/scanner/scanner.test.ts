import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../checklist";
import { assignments, parseDockerfile } from "./dockerfile";
import { deployedContainers, runsNonRoot } from "./deploy";
import { isCiFile, isDocOrFixture, isDockerfile, isExampleHost, worst } from "./rule";
import { imagePin } from "./rules/runtime";
import { resourceBlocks } from "./rules/terraform";
import { RULES } from "./rules";
import ABOUT from "./rules/about.json";
import { isSecretFileName } from "./rules/committed-credentials";
import { judgeConnectionUrl } from "./rules/database-tls";
import { looseInstall } from "./rules/lockfile";

describe("scanner rules", () => {
  it("link only to items of the current checklist, and each rule to at least one", () => {
    const ids = new Set(allItems(latestChecklist()).map((item) => item.id));
    for (const rule of RULES) {
      expect(rule.items.length, rule.id).toBeGreaterThan(0);
      for (const link of rule.items) expect(ids.has(link.itemId), `${rule.id} → ${link.itemId}`).toBe(true);
    }
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    // rules/about.json describes every rule, and nothing else.
    expect(Object.keys(ABOUT).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it("take the worst verdict", () => {
    expect(worst(["met", "partially_met"])).toBe("partially_met");
    expect(worst(["met", "not_met", "partially_met"])).toBe("not_met");
    expect(worst(["met"])).toBe("met");
  });
});

describe("judgeConnectionUrl", () => {
  it.each([
    ["postgresql://db.example/app?sslmode=verify-full", "met"],
    ["postgres://db.example/app?application_name=x&sslmode=require", "partially_met"],
    ["postgres://db.example/app?sslmode=verify-ca", "partially_met"],
    ["postgres://db.example/app?sslmode=prefer", "not_met"],
    ["postgres://db.example/app", "not_met"],
    ["mysql://db.example/app?ssl-mode=VERIFY_IDENTITY", "met"],
    ["mysql://db.example/app?ssl-mode=REQUIRED", "partially_met"],
    ["mysql://db.example/app", "not_met"],
    ["mongodb+srv://cluster.example.net/app", "met"],
    ["mongodb://db.example/app?tls=true&tlsAllowInvalidCertificates=true", "partially_met"],
    ["mongodb://db.example/app", "not_met"],
    ["rediss://cache.example:6380", "met"],
    ["redis://cache.example:6379", "not_met"],
    ["amqp://broker.example", "not_met"],
  ])("%s is %s", (url, verdict) => {
    expect(judgeConnectionUrl(url).verdict).toBe(verdict);
  });
});

describe("looseInstall", () => {
  it.each([
    ["RUN npm install", "npm install"],
    ["RUN npm i --omit=dev", "npm i"],
    ["      - run: npm install && npm run build", "npm install"],
    ["RUN yarn", "yarn"],
    ["RUN yarn install", "yarn install"],
  ])("flags %j", (line, command) => {
    expect(looseInstall(line)).toBe(command);
  });

  it.each([
    "RUN npm ci",
    "RUN npm install -g pnpm@9",
    "RUN npm install left-pad",
    "RUN yarn install --frozen-lockfile",
    "RUN yarn --immutable",
    "RUN yarn build",
  ])("leaves %j alone", (line) => {
    expect(looseInstall(line)).toBeNull();
  });
});

describe("parseDockerfile", () => {
  it("groups instructions by stage with their lines, joining continuations", () => {
    const stages = parseDockerfile(
      '# build\nFROM node:20 AS build\nRUN npm ci \\\n  && npm run build\n\nFROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n',
    );
    expect(stages).toHaveLength(2);
    expect(stages[0]!.instructions).toEqual([{ keyword: "RUN", args: "npm ci    && npm run build", line: 3 }]);
    expect(stages[1]!.from.line).toBe(6);
    expect(stages[1]!.instructions.map((i) => `${i.keyword}@${i.line}`)).toEqual(["USER@7", "CMD@8"]);
  });

  it("reads ENV and ARG in both forms", () => {
    expect(assignments("PORT=8080 NODE_ENV=production")).toEqual([
      { name: "PORT", value: "8080" },
      { name: "NODE_ENV", value: "production" },
    ]);
    expect(assignments("API_TOKEN abc def")).toEqual([{ name: "API_TOKEN", value: "abc def" }]);
    expect(assignments("NPM_TOKEN")).toEqual([{ name: "NPM_TOKEN", value: null }]);
    expect(assignments('GREETING="hello world"')).toEqual([{ name: "GREETING", value: "hello world" }]);
  });
});

describe("file kinds", () => {
  it("recognise Dockerfiles and CI files by name, not by a code file that mentions them", () => {
    expect(["Dockerfile", "deploy/Dockerfile.prod", "Containerfile", "api.dockerfile"].every(isDockerfile)).toBe(true);
    expect(["lib/scanner/dockerfile.ts", "docs/dockerfiles.md"].some(isDockerfile)).toBe(false);
    expect([".github/workflows/ci.yml", ".gitlab-ci.yml", "Jenkinsfile"].every(isCiFile)).toBe(true);
    expect(isCiFile("config/workflows/ci.yml")).toBe(false);
  });

  it("tell secret files from their examples", () => {
    expect([".env", ".env.production", "deploy/id_rsa", "certs/server.p12"].every(isSecretFileName)).toBe(true);
    expect([".env.example", ".env.sample", "id_rsa.pub", "environment.ts"].some(isSecretFileName)).toBe(false);
  });
});

describe("reading the deployment", () => {
  const file = (path: string, text: string) => ({ path, text, lines: text.split("\n") });

  it("takes a container's user from the container, else its pod; a Compose user and read_only too", () => {
    const k8s = file(
      "k8s/app.yaml",
      "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 999\n      containers:\n        - name: db\n          image: postgres:16\n        - name: tool\n          image: tool:1\n          securityContext:\n            runAsUser: 0\n",
    );
    const compose = file("compose.yaml", "services:\n  api:\n    image: api:2\n    user: root\n    read_only: true\n");
    const found = deployedContainers([k8s, compose]);
    expect(found.map((c) => [c.workload, c.name, c.line, runsNonRoot(c), c.readOnlyRootFilesystem])).toEqual([
      ["StatefulSet/db", "db", 11, true, null],
      ["StatefulSet/db", "tool", 13, false, null],
      ["compose service api", "api", 2, false, true],
    ]);
  });

  it("skips Helm templates and YAML that is not a workload", () => {
    expect(deployedContainers([file("chart/templates/d.yaml", "kind: Deployment\nspec: {{ .Values.spec }}\n"), file("config.yaml", "kind: Config\n")])).toEqual(
      [],
    );
  });

  it("tells a pinned image from a moving one", () => {
    expect(imagePin("registry.example.com/a/b:1.2.3").kind).toBe("tag");
    expect(imagePin("b@sha256:abc").kind).toBe("digest");
    expect(imagePin("registry:5000/b").kind).toBe("latest");
    expect(imagePin("b:latest").kind).toBe("latest");
    expect(imagePin("b:${TAG}").kind).toBe("unknown");
  });

  it("sets documentation, examples and tests apart", () => {
    expect(isDocOrFixture("docs/setup.mdx")).toBe("documentation");
    expect(isDocOrFixture("README.md")).toBe("documentation");
    expect(isDocOrFixture("src/db.test.ts")).toBe("example or test");
    expect(isDocOrFixture("examples/compose/.env")).toBe("example or test");
    expect(isDocOrFixture("src/config/db.ts")).toBeNull();
    expect(isExampleHost("[host]")).toBe(true);
    expect(isExampleHost("db.internal.acme.io")).toBe(false);
  });

  it("reads Terraform resources block by block", () => {
    const tf = file("main.tf", 'resource "aws_db_instance" "a" {\n  tags = { x = "y" }\n  publicly_accessible = true\n}\nresource "aws_s3_bucket" "b" {\n}\n');
    expect(resourceBlocks(tf).map((b) => [b.type, b.name, b.line, b.lines.length])).toEqual([
      ["aws_db_instance", "a", 1, 4],
      ["aws_s3_bucket", "b", 5, 2],
    ]);
  });
});
