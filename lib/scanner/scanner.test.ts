import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../checklist";
import { assignments, parseDockerfile } from "./dockerfile";
import { isCiFile, isDockerfile, worst } from "./rule";
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
