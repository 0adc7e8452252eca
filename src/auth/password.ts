import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const KEY_LENGTH = 32;
const PREFIX = "scrypt";
const scryptAsync = promisify(scrypt) as (password: string, salt: string, length: number) => Promise<Buffer>;

/**
 * Hashes a password with scrypt as `scrypt$<salt>$<hash>` (base64url). `salt` is only given
 * by the seed, whose output must be reproducible; everything else gets a random salt.
 */
export function hashPassword(password: string, salt: string = randomBytes(16).toString("base64url")): string {
  const hash = scryptSync(password, salt, KEY_LENGTH).toString("base64url");
  return `${PREFIX}$${salt}$${hash}`;
}

/**
 * Constant-time check of a password against `hashPassword` output; false for any other format.
 * Runs scrypt on the thread pool, so logins do not block other requests.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [prefix, salt, hash] = stored?.split("$") ?? [];
  if (prefix !== PREFIX || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  if (expected.length !== KEY_LENGTH) return false;
  return timingSafeEqual(expected, await scryptAsync(password, salt, KEY_LENGTH));
}
