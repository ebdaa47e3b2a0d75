// No Docker engine here, so the container's essentials are checked from the
// files themselves: a multi-stage build, a non-root user, an unprivileged
// port, a health check, signals reaching node, and no secret in the image.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions, continuation lines joined, comments dropped, each with its stage (0 = first FROM). */
function instructions(text: string): Instruction[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  let stage = -1;
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === "FROM") stage++;
    return { keyword: keyword.toUpperCase(), args: rest.join(" "), stage };
  });
}

const dockerfile = instructions(read("Dockerfile"));
const finalStage = Math.max(...dockerfile.map((i) => i.stage));
const final = dockerfile.filter((i) => i.stage === finalStage);
const ignored = read(".dockerignore")
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

describe("the Dockerfile", () => {
  it("builds in stages and runs from a slim final stage", () => {
    expect(dockerfile.filter((i) => i.keyword === "FROM").length).toBeGreaterThanOrEqual(2);
    expect(final[0]!.args).toMatch(/-slim\b/);
    // The final stage copies what it needs from the build, not the build context.
    for (const copy of final.filter((i) => i.keyword === "COPY")) expect(copy.args).toMatch(/--from=\w+/);
  });

  it("runs as a non-root user", () => {
    const users = final.filter((i) => i.keyword === "USER");
    expect(users.length).toBeGreaterThan(0);
    const last = users.at(-1)!.args.split(":")[0]!;
    expect(["root", "0"]).not.toContain(last);
    // Nothing after USER switches back or runs as root.
    const after = final.slice(final.indexOf(users.at(-1)!) + 1);
    expect(after.filter((i) => i.keyword === "USER")).toEqual([]);
  });

  it("listens on an unprivileged port, the one it exposes", () => {
    const exposed = final.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.args.split(/\s+/).map((p) => Number.parseInt(p, 10)));
    expect(exposed.length).toBeGreaterThan(0);
    for (const port of exposed) expect(port).toBeGreaterThanOrEqual(1024);
    const env = final
      .filter((i) => i.keyword === "ENV")
      .map((i) => i.args)
      .join(" ");
    const port = Number(/\bPORT=(\d+)/.exec(env)?.[1]);
    expect(exposed).toContain(port);
    expect(final.find((i) => i.keyword === "CMD")!.args).toContain("$PORT");
  });

  it("checks its health on the liveness route, which exists", () => {
    const check = final.find((i) => i.keyword === "HEALTHCHECK");
    expect(check?.args).toContain("/api/health/live");
    expect(existsSync(path.join(root, "app/api/health/live/route.ts"))).toBe(true);
  });

  it("lets SIGTERM reach node (exec form, or exec from the shell)", () => {
    const cmd = final.find((i) => i.keyword === "CMD")!.args;
    expect(cmd.startsWith("[")).toBe(true);
    if (/"sh",\s*"-c"/.test(cmd)) expect(cmd).toMatch(/"exec node /);
  });

  it("holds no secret: none set in the file, none copied from the context", () => {
    for (const i of dockerfile.filter((d) => d.keyword === "ENV" || d.keyword === "ARG")) {
      expect(i.args, i.args).not.toMatch(/(SECRET|PASSWORD|TOKEN|PRIVATE|_KEY)\w*\s*=/i);
    }
    for (const copy of dockerfile.filter((i) => i.keyword === "COPY" || i.keyword === "ADD")) {
      expect(copy.args, copy.args).not.toMatch(/\.env\b|\.data\b|\.pem\b|\.key\b|auth-secret|bench-password/);
    }
    // `COPY . .` brings the context: everything secret must be left out of it.
    for (const pattern of [".env", ".env.*", ".data/", ".data-scale/", "*.pem", "*.key", ".git/"]) expect(ignored).toContain(pattern);
  });
});

describe("the Procfile", () => {
  const types = Object.fromEntries(
    read("Procfile")
      .split(/\r?\n/)
      .filter((line) => line.includes(":"))
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );

  it("declares the web, worker and release process types", () => {
    expect(Object.keys(types).sort()).toEqual(["release", "web", "worker"]);
  });

  it("binds the web process to the platform's $PORT and runs commands that exist", () => {
    expect(types.web).toContain("--port $PORT");
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    for (const command of [types.worker, types.release]) {
      const script = /^npm run ([\w:-]+)$/.exec(command!)?.[1];
      expect(script && scripts[script], command).toBeTruthy();
    }
  });
});
