// Tokens and sessions the service issues with an expiry: a positive signal for
// F09-EXPIRY, read where the token is made (the expiry set in the file that signs
// it). Whether every assertion expires, and a session has both an idle and an
// absolute limit, is more than one line shows, so the item is at most partially met.
import type { RepoFile } from "../repo";
import { count } from "../rule";
import { signalRule } from "./code";

const CONFIG = /\.(ya?ml|properties|json|toml)$|(^|\/)settings[^/]*\.py$|(^|\/)config[^/]*\.py$/;
const MESSAGE = "A token or session is issued with an expiry";

export const tokenIssuance = signalRule(
  "token-issuance",
  [
    // Node: jsonwebtoken, jose.
    { pattern: /\bexpiresIn\s*:|\.setExpirationTime\(/, when: /\bjwt\.sign\(|\bjsonwebtoken\b|new SignJWT\(/, verdict: "partially_met", message: MESSAGE },
    // Python (PyJWT, python-jose) and Node payloads that carry their own exp claim.
    { pattern: /["']?\bexp["']?\s*:/, when: /\bjwt\.encode\(|\bjws\.sign\(|\bjwt\.sign\(/, verdict: "partially_met", message: MESSAGE },
    // Java: jjwt, Nimbus, java-jwt.
    {
      pattern: /\.setExpiration\(|\.expiration\(|\.expirationTime\(|\.withExpiresAt\(/,
      when: /Jwts\.builder\(|JWTClaimsSet|JWT\.create\(/,
      verdict: "partially_met",
      message: MESSAGE,
    },
    // Go: golang-jwt.
    { pattern: /\bExpiresAt\s*:|"exp"\s*:/, when: /jwt\.NewWithClaims\(/, verdict: "partially_met", message: MESSAGE },
    // .NET.
    { pattern: /\bexpires\s*:|\bExpires\s*=/, when: /new JwtSecurityToken\(|SecurityTokenDescriptor/, verdict: "partially_met", message: MESSAGE },
    // Sessions: express-session's cookie age, Django's, Flask's and Spring's session lifetimes.
    { pattern: /\bmaxAge\s*:/, when: /["'](express-session|cookie-session)["']/, verdict: "partially_met", message: "Sessions are given a lifetime" },
    {
      pattern: /^\s*(SESSION_COOKIE_AGE|PERMANENT_SESSION_LIFETIME)\s*=|server\.servlet\.session\.timeout|spring\.session\.timeout/,
      verdict: "partially_met",
      message: "Sessions are given a lifetime",
      files: (f: RepoFile) => CONFIG.test(f.path),
    },
  ],
  {
    none: "No token or session issued with an expiry seen.",
    met: () => "",
    problem: (n) =>
      `Tokens or sessions are issued with an expiry (${count(n, "place")}). Whether every assertion expires, and sessions have both an idle and an absolute limit, is for the reviewer.`,
  },
);
