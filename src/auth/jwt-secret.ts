import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import type { JwtSettings } from "./jwt.js";

const SECRET_FILE = "jwt-secret";

/**
 * The JWT settings in force: `JWT_SECRET` when set (always in production), otherwise a secret
 * generated once and kept in `<DATA_DIR>/jwt-secret` (mode 0600) so tokens survive restarts.
 */
export async function resolveJwtSettings(config: Config): Promise<JwtSettings> {
  const { issuer, audience } = config.auth;
  if (config.auth.jwtSecret) return { secret: config.auth.jwtSecret, issuer, audience };
  const file = path.join(config.database.dataDir, SECRET_FILE);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing && existing.trim().length >= 32) return { secret: existing.trim(), issuer, audience };
  const secret = randomBytes(48).toString("base64url");
  await mkdir(config.database.dataDir, { recursive: true });
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return { secret, issuer, audience };
}
