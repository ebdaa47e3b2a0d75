// Password hashing with argon2id at OWASP's recommended minimum cost
// (m = 19 MiB, t = 2, p = 1). @node-rs/argon2 ships prebuilt binaries in the
// npm package, so nothing is downloaded at install time.
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** How long an administrator's one-time password works; its owner must replace it at first sign-in. */
export const ONE_TIME_PASSWORD_HOURS = 24;

/** The user columns a one-time password is stored with: it expires, and must be changed once used. */
export const oneTimePassword = (passwordHash: string, now: Date = new Date()) => ({
  passwordHash,
  passwordExpiresAt: new Date(now.getTime() + ONE_TIME_PASSWORD_HOURS * 3_600_000),
  mustChangePassword: true,
});
