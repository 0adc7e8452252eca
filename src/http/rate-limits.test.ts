import { describe, expect, it, vi } from "vitest";
import { DomainError } from "../errors.js";
import { RateLimits, retryAfterOf } from "./rate-limits.js";

const SETTINGS = { requestsPerMinute: 3, loginFailuresPerAccount: 3, loginLockoutSeconds: 60, loginAttemptsPerAddress: 10 };

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("RATE_LIMITED");
  return error as DomainError;
}

describe("RateLimits (in memory)", () => {
  it("gives each token its budget per minute and names when to retry", async () => {
    const limits = new RateLimits(SETTINGS);
    for (let i = 0; i < 3; i++) await limits.spend("token-a");
    const error = await refusal(limits.spend("token-a"));
    expect(error.message).toMatch(/^too many requests with this token: retry in \d+ s$/);
    expect(retryAfterOf(error)).toBeGreaterThan(0);
    expect(retryAfterOf(error)).toBeLessThanOrEqual(60);
    await limits.spend("token-b");
  });

  it("spends nothing when the budget is off", async () => {
    const limits = new RateLimits({ ...SETTINGS, requestsPerMinute: 0 });
    for (let i = 0; i < 20; i++) await limits.spend("token-a");
  });

  it("locks an account after its failures, for longer after each lockout, and forgets them on success", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const limits = new RateLimits(SETTINGS);
      const fail = async () => (await limits.beforeSignIn("ops@kai.example", "10.0.0.1")).failed();
      for (let i = 0; i < 3; i++) await fail();
      const first = await refusal(limits.beforeSignIn("ops@kai.example", "10.0.0.2"));
      expect(first.message).toMatch(/^too many failed sign-ins for this account: retry in (59|60) s$/);
      await limits.beforeSignIn("other@kai.example", "10.0.0.2");

      vi.advanceTimersByTime(61_000);
      for (let i = 0; i < 3; i++) await fail();
      expect(retryAfterOf(await refusal(limits.beforeSignIn("ops@kai.example", undefined)))).toBeGreaterThan(100);

      vi.advanceTimersByTime(121_000);
      await (await limits.beforeSignIn("ops@kai.example", undefined)).succeeded();
      for (let i = 0; i < 2; i++) await fail();
      await limits.beforeSignIn("ops@kai.example", undefined);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts concurrent guesses before their passwords are checked: only the account's limit gets through", async () => {
    const limits = new RateLimits(SETTINGS);
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => limits.beforeSignIn("ops@kai.example", "10.0.0.1")));
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(3);
    for (const attempt of attempts) if (attempt.status === "fulfilled") await attempt.value.failed();
    await refusal(limits.beforeSignIn("ops@kai.example", "10.0.0.3"));
  });

  it("limits the sign-in attempts of one client address, whatever the accounts", async () => {
    const limits = new RateLimits(SETTINGS);
    for (let i = 0; i < 10; i++) await limits.beforeSignIn(`user${i}@kai.example`, "10.0.0.9");
    const error = await refusal(limits.beforeSignIn("user99@kai.example", "10.0.0.9"));
    expect(error.message).toMatch(/^too many sign-in attempts from this address: retry in \d+ s$/);
    await limits.beforeSignIn("user99@kai.example", "10.0.0.10");
  });
});
