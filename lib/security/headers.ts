// Security headers. The Content-Security-Policy carries a fresh nonce per
// request (set by proxy.ts); the rest are the same for every response and are
// set in next.config.ts so that static files carry them too.

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only with this request's nonce (no 'unsafe-inline' scripts);
 * 'strict-dynamic' lets those scripts load Next's chunks. Inline style
 * attributes stay allowed: nonces cannot cover them, and they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Files served for download (attachments, exports): nothing in one may run or load, even if a browser rendered it. */
export const DOWNLOAD_POLICY = "default-src 'none'; sandbox";

const DOWNLOAD_PATHS = [
  /^\/assessments\/[^/]+\/attachments\/[^/]+$/,
  /^\/assessments\/[^/]+\/(report|data)$/,
  /^\/exports\/[^/]+\/download$/,
  /^\/findings\/export$/,
];

/** Whether `path` serves a file rather than a page: proxy.ts gives it DOWNLOAD_POLICY, never the page policy. */
export const isDownloadPath = (path: string) => DOWNLOAD_PATHS.some((pattern) => pattern.test(path));

export const HSTS = "max-age=63072000; includeSubDomains";

export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
