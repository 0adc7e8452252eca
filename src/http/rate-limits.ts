import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitSettings } from "../config.js";
import { DomainError } from "../errors.js";

const WINDOW = 15 * 60;
const MAX_LOCKOUT = 3_600;

/** A token's key in the counters: a hash, so no credential is ever stored in memory or Redis. */
const keyOf = (secret: string) => createHash("sha256").update(secret).digest("base64url").slice(0, 32);

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1_000));

export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError("RATE_LIMITED", `${message}: retry in ${retryAfterSeconds} s`, { retryAfterSeconds });

/** The Retry-After seconds of a RATE_LIMITED error, for the surfaces that send the header. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof DomainError) || error.code !== "RATE_LIMITED") return undefined;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : undefined;
}

/**
 * The gateway's rate limits, counted with rate-limiter-flexible: in this process, or in Redis when a
 * client is given, so that every gateway instance shares the same counters. When Redis fails, each
 * process falls back to its own memory counters instead of refusing or failing requests.
 */
export class RateLimits {
  private readonly budget: RateLimiterAbstract | undefined;
  private readonly failures: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;
  private readonly addresses: RateLimiterAbstract;

  constructor(
    private readonly settings: RateLimitSettings,
    redis?: Redis,
  ) {
    const make = (keyPrefix: string, points: number, duration: number) => {
      const options = { keyPrefix: `ug:rl:${keyPrefix}`, points, duration };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
    };
    this.budget = settings.requestsPerMinute > 0 ? make("token", settings.requestsPerMinute, 60) : undefined;
    this.failures = make("login-account", settings.loginFailuresPerAccount, WINDOW);
    this.lockouts = make("login-lockouts", 1_000, 86_400);
    this.addresses = make("login-address", settings.loginAttemptsPerAddress, WINDOW);
  }

  /** Counts one request of a token. @throws RATE_LIMITED when its budget for this minute is spent. */
  async spend(token: string): Promise<void> {
    if (!this.budget) return;
    try {
      await this.budget.consume(keyOf(token));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited("too many requests with this token", retryAfter(error));
      throw error;
    }
  }

  /**
   * Before a password is checked: counts the attempt of the client address and refuses while the
   * account is locked. @throws RATE_LIMITED
   */
  async beforeSignIn(email: string, address: string | undefined): Promise<void> {
    const locked = await this.failures.get(keyOf(email));
    if (locked && locked.consumedPoints > this.settings.loginFailuresPerAccount) {
      throw rateLimited("too many failed sign-ins for this account", retryAfter(locked));
    }
    if (address === undefined) return;
    try {
      await this.addresses.consume(address);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited("too many sign-in attempts from this address", retryAfter(error));
      throw error;
    }
  }

  /** After a wrong password: the account's failures grow; at the limit it is locked, longer each time. */
  async signInFailed(email: string): Promise<void> {
    const key = keyOf(email);
    const { consumedPoints } = await this.failures.penalty(key);
    if (consumedPoints < this.settings.loginFailuresPerAccount) return;
    const lockouts = (await this.lockouts.penalty(key)).consumedPoints;
    await this.failures.block(key, Math.min(this.settings.loginLockoutSeconds * 2 ** (lockouts - 1), MAX_LOCKOUT));
  }

  /** After a successful sign-in the account starts afresh. */
  async signedIn(email: string): Promise<void> {
    const key = keyOf(email);
    await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]);
  }
}
