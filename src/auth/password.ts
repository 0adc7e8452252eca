import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

const KEY_LENGTH = 32;
const PREFIX = "scrypt";

/**
 * Hashes a password with scrypt as `scrypt$<salt>$<hash>` (base64url). `salt` is only given
 * by the seed, whose output must be reproducible; everything else gets a random salt.
 */
export function hashPassword(password: string, salt: string = randomBytes(16).toString("base64url")): string {
  const hash = scryptSync(password, salt, KEY_LENGTH).toString("base64url");
  return `${PREFIX}$${salt}$${hash}`;
}

/** Constant-time check of a password against `hashPassword` output; false for any other format. */
export function verifyPassword(password: string, stored: string | null | undefined): boolean {
  const [prefix, salt, hash] = stored?.split("$") ?? [];
  if (prefix !== PREFIX || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = scryptSync(password, salt, expected.length);
  return expected.length === KEY_LENGTH && timingSafeEqual(expected, actual);
}
