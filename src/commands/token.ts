import { issueApiToken } from "../auth/api-token.js";
import { signAccessToken, parseTtl } from "../auth/jwt.js";
import { resolveJwtSettings } from "../auth/jwt-secret.js";
import type { Config } from "../config.js";
import { withStore } from "../store.js";

export interface TokenCommandOptions {
  email: string;
  kind: string;
  ttl?: string;
  name?: string;
}

/**
 * `usage-gateway token`: a gateway JWT (default lifetime 12h) or an API token (no expiry unless
 * --ttl) for the user with that email. Returns the token; the CLI prints it alone on stdout.
 */
export async function tokenCommand(config: Config, options: TokenCommandOptions): Promise<string> {
  if (options.kind !== "jwt" && options.kind !== "api") throw new Error(`--kind must be jwt or api, not "${options.kind}"`);
  const ttlSeconds = options.ttl === undefined ? undefined : parseTtl(options.ttl);
  return withStore(config, async (prisma) => {
    const user = await prisma.user.findUnique({ where: { email: options.email.trim().toLowerCase() } });
    if (!user) throw new Error(`no user with email ${options.email}`);
    if (user.status === "DEACTIVATED") throw new Error(`user ${options.email} is deactivated`);
    if (options.kind === "api") {
      const issued = await issueApiToken(prisma, user, { name: options.name ?? "cli", ttlSeconds });
      return issued.token;
    }
    const settings = await resolveJwtSettings(config);
    return signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, settings, ttlSeconds ?? 12 * 3_600);
  });
}
