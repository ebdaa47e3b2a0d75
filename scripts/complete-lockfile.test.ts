import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingPlatformPackages, platformOf } from "./complete-lockfile";

describe("package-lock.json", () => {
  it("lists every optional platform build its packages declare, so npm ci accepts it on any machine", () => {
    const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "package-lock.json"), "utf8"));
    const missing = missingPlatformPackages(lock).map((m) => m.name);
    expect(missing, "run `npm run lockfile:complete` after npm install").toEqual([]);
  });
});

describe("platformOf", () => {
  it.each([
    ["@tailwindcss/oxide-darwin-arm64", { os: "darwin", cpu: "arm64", libc: undefined }],
    ["@next/swc-linux-x64-musl", { os: "linux", cpu: "x64", libc: "musl" }],
    ["@unrs/resolver-binding-linux-arm-gnueabihf", { os: "linux", cpu: "arm", libc: "glibc" }],
    ["@next/swc-win32-ia32-msvc", { os: "win32", cpu: "ia32", libc: undefined }],
    ["@tailwindcss/oxide-wasm32-wasi", { os: undefined, cpu: "wasm32", libc: undefined }],
  ])("reads %s", (name, expected) => {
    expect(platformOf(name)).toEqual(expected);
  });
});
