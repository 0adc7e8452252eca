import { describe, expect, it } from "vitest";
import { backoffDelay, createHttpClient, parseRetryAfter, UpstreamError, type HttpClientOptions } from "./http-client.js";

type Answer = Response | (() => Response) | ((signal: AbortSignal) => Promise<Response>) | Error;

/** A fetch that plays the given answers in order and records every call. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fake = (async (input: URL | string, init?: RequestInit) => {
    calls.push({ url: String(input), headers: init?.headers as Record<string, string> });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    if (answer instanceof Response) return answer.clone();
    return (answer as (signal: AbortSignal) => Promise<Response> | Response)(init!.signal!);
  }) as typeof fetch;
  return { fake, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function client(answers: Answer[], extra: Partial<HttpClientOptions> = {}) {
  const { fake, calls } = scriptedFetch(answers);
  const waits: number[] = [];
  const http = createHttpClient({
    baseUrl: "http://vendor.test/base/",
    headers: { authorization: "Bearer s3cret" },
    fetch: fake,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    ...extra,
  });
  return { http, calls, waits };
}

describe("createHttpClient", () => {
  it("joins the base URL, the path and the query, and sends the credentials header", async () => {
    const { http, calls } = client([json({ ok: true })]);
    expect(await http.getJson("/api/v1/x", { limit: 10, offset: 0, skipped: undefined })).toEqual({ ok: true });
    expect(calls[0]!.url).toBe("http://vendor.test/base/api/v1/x?limit=10&offset=0");
    expect(calls[0]!.headers.authorization).toBe("Bearer s3cret");
  });

  it("retries 5xx with full-jitter backoff, then succeeds", async () => {
    const { http, calls, waits } = client([json({}, 500), json({}, 502), json({}, 503), json({ n: 1 })]);
    expect(await http.getJson("/x")).toEqual({ n: 1 });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([50, 100, 200]); // random 0.5 × min(1000, 100 × 2^(n-1))
  });

  it("honours Retry-After in seconds on 429 instead of the backoff", async () => {
    const { http, waits } = client([json({}, 429, { "retry-after": "3" }), json({ n: 2 })]);
    expect(await http.getJson("/x")).toEqual({ n: 2 });
    expect(waits).toEqual([3_000]);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const now = Date.parse("2025-03-01T10:00:00Z");
    const { http, waits } = client([json({}, 503, { "retry-after": "Sat, 01 Mar 2025 10:00:07 GMT" }), json({})], { now: () => now });
    await http.getJson("/x");
    expect(waits).toEqual([7_000]);
  });

  it("refuses to wait for a Retry-After beyond the allowed maximum", async () => {
    const { http, calls } = client([json({}, 429, { "retry-after": "3600" }), json({})], { maxRetryAfterMs: 60_000 });
    await expect(http.getJson("/x")).rejects.toThrow(/Retry-After 3600 s is longer than the 60 s allowed/);
    expect(calls).toHaveLength(1);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const { http, calls, waits } = client([json({}, 500)], { maxAttempts: 3 });
    const error = await http.getJson("/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(500);
    expect((error as UpstreamError).message).toBe("GET /base/x: HTTP 500");
    expect(calls).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it("does not retry other 4xx statuses", async () => {
    const { http, calls } = client([json({}, 401), json({})]);
    await expect(http.getJson("/x")).rejects.toMatchObject({ kind: "http", status: 401, retryable: false });
    expect(calls).toHaveLength(1);
  });

  it("fails at once on malformed JSON, naming it", async () => {
    const { http, calls } = client([new Response('{"data": [', { status: 200 }), json({})]);
    await expect(http.getJson("/x")).rejects.toMatchObject({
      kind: "malformed",
      message: expect.stringMatching(/malformed JSON/) as unknown,
    });
    expect(calls).toHaveLength(1);
  });

  it("times out a slow answer and retries it", async () => {
    const slow = (signal: AbortSignal) =>
      new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true }));
    const { http, calls } = client([slow, json({ fast: true })], { timeoutMs: 30 });
    expect(await http.getJson("/x")).toEqual({ fast: true });
    expect(calls).toHaveLength(2);
  });

  it("reports a timeout after the last attempt as a timeout", async () => {
    const slow = (signal: AbortSignal) =>
      new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true }));
    const { http } = client([slow], { timeoutMs: 20, maxAttempts: 2 });
    await expect(http.getJson("/x")).rejects.toMatchObject({ kind: "timeout", message: "GET /base/x: no complete answer within 20 ms" });
  });

  it("retries network errors", async () => {
    const { http, calls } = client([new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }), json({ n: 3 })]);
    expect(await http.getJson("/x")).toEqual({ n: 3 });
    expect(calls).toHaveLength(2);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const tracked = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return json({});
    };
    const { http } = client([tracked], { concurrency: 2 });
    await Promise.all(Array.from({ length: 7 }, () => http.getJson("/x")));
    expect(peak).toBe(2);
  });

  it("never puts the credentials into an error", async () => {
    const { http } = client([json({}, 403)]);
    const error = (await http.getJson("/x").catch((e: unknown) => e)) as Error;
    expect(`${error.message} ${error.stack}`).not.toContain("s3cret");
  });
});

describe("backoffDelay", () => {
  it("stays within [0, min(max, base × 2^(n-1))) for any random value", () => {
    for (const retry of [1, 2, 3, 8, 20]) {
      const ceiling = Math.min(5_000, 200 * 2 ** (retry - 1));
      expect(backoffDelay(retry, 200, 5_000, () => 0)).toBe(0);
      expect(backoffDelay(retry, 200, 5_000, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(retry, 200, 5_000, () => 0.999999)).toBeGreaterThanOrEqual(ceiling - 1);
    }
  });
});

describe("parseRetryAfter", () => {
  it("reads delta seconds and HTTP dates, and ignores anything else", () => {
    const now = Date.parse("2025-03-01T10:00:00Z");
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 12 ", now)).toBe(12_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 10:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
