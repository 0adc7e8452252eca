import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Config } from "../config.js";
import type { Vendor } from "../db/generated/enums.js";
import { DomainError } from "../errors.js";

const KEY_FILE = "source-credentials-key";
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * What a connector needs to call a vendor, per vendor (docs/vendors/teamwire.md §1.0.2, §2.0.2, §3.0.2):
 * Tabnine a Bearer token; Rocket.Chat a user id and personal access token; Teamwire a Bearer
 * token or an admin's email and password for the session login.
 */
export const SourceCredentialsSchema = z.strictObject({
  token: z.string().min(1).max(4_096).optional(),
  userId: z.string().min(1).max(200).optional(),
  authToken: z.string().min(1).max(4_096).optional(),
  email: z.string().min(1).max(320).optional(),
  password: z.string().min(1).max(1_024).optional(),
});
export type SourceCredentials = z.output<typeof SourceCredentialsSchema>;

// The source (organization and vendor) is bound into the ciphertext as associated data, so a blob
// copied onto another source does not decrypt.
const associatedData = (organizationId: string, vendor: Vendor) => Buffer.from(`usage-gateway:source:${organizationId}:${vendor}`);

/** AES-256-GCM: version byte, 12-byte IV, 16-byte tag, ciphertext of the JSON. */
export function encryptCredentials(
  credentials: SourceCredentials,
  key: Buffer,
  organizationId: string,
  vendor: Vendor,
): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(associatedData(organizationId, vendor));
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), "utf8"), cipher.final()]);
  const out = new Uint8Array(new ArrayBuffer(1 + IV_BYTES + TAG_BYTES + body.length));
  out.set([FORMAT_VERSION], 0);
  out.set(iv, 1);
  out.set(cipher.getAuthTag(), 1 + IV_BYTES);
  out.set(body, 1 + IV_BYTES + TAG_BYTES);
  return out;
}

/**
 * Decrypts what encryptCredentials stored for that source.
 * @throws DomainError BAD_USER_INPUT when the blob was made with another key or for another source (tampered or key rotated).
 */
export function decryptCredentials(blob: Uint8Array, key: Buffer, organizationId: string, vendor: Vendor): SourceCredentials {
  const bytes = Buffer.from(blob);
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION) {
    throw new DomainError("BAD_USER_INPUT", "the stored source credentials are unreadable; register the source's credentials again");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(associatedData(organizationId, vendor));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    return SourceCredentialsSchema.parse(JSON.parse(text));
  } catch {
    throw new DomainError(
      "BAD_USER_INPUT",
      "the stored source credentials do not decrypt with SOURCE_CREDENTIALS_KEY (key changed?); register them again",
    );
  }
}

/**
 * The key in force: SOURCE_CREDENTIALS_KEY when set; in production it is required; otherwise a
 * key generated once and kept in `<DATA_DIR>/source-credentials-key` (mode 0600), like the JWT secret.
 */
export async function resolveCredentialsKey(config: Pick<Config, "env" | "sources" | "database">): Promise<Buffer> {
  if (config.sources.credentialsKey) return config.sources.credentialsKey;
  if (config.env === "production") {
    throw new DomainError(
      "BAD_USER_INPUT",
      "SOURCE_CREDENTIALS_KEY is not configured (32 bytes, base64): source credentials cannot be stored or read",
    );
  }
  const file = path.join(config.database.dataDir, KEY_FILE);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  const parsed = existing ? Buffer.from(existing.trim(), "base64") : undefined;
  if (parsed?.length === 32) return parsed;
  const key = randomBytes(32);
  await mkdir(config.database.dataDir, { recursive: true });
  await writeFile(file, key.toString("base64") + "\n", { mode: 0o600 });
  return key;
}
