import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "tests/fixtures/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // Configuration is read and validated in lib/env.ts only (ARCHITECTURE.md, habit 3).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
  {
    files: ["lib/env.ts", "scripts/**", "*.config.*", "e2e/**", "**/*.test.ts", "tests/**"],
    rules: { "no-restricted-properties": "off" },
  },
]);
