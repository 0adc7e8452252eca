import { createHash } from "node:crypto";
import type { Response } from "express";
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

/** The Retry-After seconds of a RATE_LIMITED or UNAVAILABLE error, for the surfaces that send the header. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!(error instanceof DomainError) || (error.code !== "RATE_LIMITED" && error.code !== "UNAVAILABLE")) return undefined;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : undefined;
}

/** Takes one point of `key`; a limiter's refusal becomes RATE_LIMITED with `message` and its wait. */
async function consume(limiter: RateLimiterAbstract, key: string, message: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(message, retryAfter(error));
    throw error;
  }
}

/** Sends Retry-After when `error` is RATE_LIMITED or UNAVAILABLE (the surfaces that answer with their own bodies). */
export function setRetryAfter(res: Response, error: unknown): void {
  const seconds = retryAfterOf(error);
  if (seconds !== undefined) res.setHeader("Retry-After", String(seconds));
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

  /** `namespace` keeps the counters of one deployment apart from another's in a shared Redis. */
  constructor(
    private readonly settings: RateLimitSettings,
    redis?: Redis,
    namespace = "ug",
  ) {
    const make = (keyPrefix: string, points: number, duration: number) => {
      const options = { keyPrefix: `${namespace}:rl:${keyPrefix}`, points, duration };
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
    if (this.budget) await consume(this.budget, keyOf(token), "too many requests with this token");
  }

  /**
   * Before a password is checked: takes one of the account's attempts (so concurrent guesses count
   * at once, not after their scrypt check) and one of the client address's. The returned attempt is
   * then settled: a failure keeps its point and, at the limit, locks the account, longer each time;
   * a success gives the account a fresh start. @throws RATE_LIMITED while either limit is spent.
   */
  async beforeSignIn(email: string, address: string | undefined): Promise<SignInAttempt> {
    const key = keyOf(email);
    const limit = this.settings.loginFailuresPerAccount;
    const taken = await consume(this.failures, key, "too many failed sign-ins for this account");
    if (address !== undefined) {
      try {
        await consume(this.addresses, address, "too many sign-in attempts from this address");
      } catch (error) {
        await this.failures.reward(key);
        throw error;
      }
    }
    return {
      failed: async () => {
        if (taken.consumedPoints < limit) return;
        const lockouts = (await this.lockouts.penalty(key)).consumedPoints;
        await this.failures.block(key, Math.min(this.settings.loginLockoutSeconds * 2 ** (lockouts - 1), MAX_LOCKOUT));
      },
      succeeded: async () => {
        await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]);
      },
      withdrawn: async () => {
        await Promise.all([this.failures.reward(key), ...(address === undefined ? [] : [this.addresses.reward(address)])]);
      },
    };
  }
}

/** One sign-in attempt counted by {@link RateLimits.beforeSignIn}, settled once the password was checked. */
export interface SignInAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  /** The password could not be checked (the store is down): the attempt does not count. */
  withdrawn(): Promise<void>;
}
