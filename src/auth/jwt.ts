import { createSecretKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Role } from "../db/generated/enums.js";

/** Claims the gateway puts in its access tokens. */
export interface AccessTokenClaims {
  /** User id. */
  readonly sub: string;
  /** Organization id of the user. */
  readonly org: string;
  readonly role: Role;
}

export interface JwtSettings {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
}

// HS256 only: a token signed with any other algorithm (including "none") is rejected.
const ALGORITHM = "HS256";
const CLOCK_TOLERANCE_SECONDS = 30;
const ROLES: readonly Role[] = ["SUPERADMIN", "ADMIN", "TEAM_ADMIN", "MEMBER"];

/** Signs an access token valid for `ttlSeconds`. */
export function signAccessToken(claims: AccessTokenClaims, settings: JwtSettings, ttlSeconds: number): string {
  return jwt.sign({ org: claims.org, role: claims.role }, settings.secret, {
    algorithm: ALGORITHM,
    subject: claims.sub,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: ttlSeconds,
  });
}

// jsonwebtoken first tries a string secret as a PEM public key (and catches the failure) on
// every verify; a secret KeyObject made once skips that, which was the costliest step of a
// cached answer.
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, "utf8"))));
  return key;
}

/**
 * Verifies signature, algorithm, issuer, audience and expiry (30 s tolerance; `exp` is required).
 * @throws jsonwebtoken's errors (TokenExpiredError, JsonWebTokenError) or an Error for bad claims.
 */
export function verifyAccessToken(token: string, settings: JwtSettings): AccessTokenClaims {
  const payload = jwt.verify(token, secretKey(settings.secret), {
    algorithms: [ALGORITHM],
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  if (typeof payload === "string" || typeof payload.sub !== "string" || typeof payload.org !== "string") {
    throw new Error("token lacks the sub or org claim");
  }
  // A token without expiry would be valid forever: the gateway never signs one.
  if (typeof payload.exp !== "number") throw new Error("token lacks the exp claim");
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw new Error("token has an unknown role claim");
  return { sub: payload.sub, org: payload.org, role };
}

/** Parses a lifetime such as `90s`, `15m`, `12h` or `30d` into seconds. */
export function parseTtl(value: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not a lifetime; use a number with s, m, h or d, e.g. 12h`);
  const unit = { s: 1, m: 60, h: 3_600, d: 86_400 }[match[2] as "s" | "m" | "h" | "d"];
  const seconds = Number(match[1]) * unit;
  if (seconds <= 0) throw new Error("the lifetime must be positive");
  return seconds;
}
