import pLimit from "p-limit";
import pRetry, { AbortError } from "p-retry";
import type { z } from "zod";
import { Agent, fetch as undiciFetch } from "undici";
import {
  guardedLookup,
  needsGuardedConnections,
  OPEN_POLICY,
  requestProblem,
  type Resolve,
  type SourceAddressPolicy,
} from "./address-policy.js";

/** Defaults of every vendor client; each can be overridden per source (and in tests). */
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 30_000;
/** A Retry-After longer than this is not waited for: the attempt fails (the next sync resumes). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

export interface HttpClientOptions {
  /** Base URL of the vendor API; request paths are appended to it. */
  readonly baseUrl: string;
  /** Headers sent with every request (credentials); never logged, never put in errors. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per attempt, from sending the request to the end of the body. */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** Requests in flight at once through this client. */
  readonly concurrency?: number;
  /** Backoff: attempt n waits a uniformly random time in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))] ("full jitter"). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly maxRetryAfterMs?: number;
  /** Which addresses may be called (default: any); checked before every attempt. */
  readonly addressPolicy?: SourceAddressPolicy;
  /** Host name resolution for the address policy (tests). */
  readonly resolve?: Resolve;
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Called before each retry (for logs and progress); `delayMs` is the wait about to start. */
  readonly onRetry?: (event: { readonly url: string; readonly attempt: number; readonly delayMs: number; readonly reason: string }) => void;
}

export type UpstreamFailure = "http" | "timeout" | "network" | "malformed" | "refused";

/** A vendor request that failed for good (after the retries it deserved). The message never holds credentials. */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly kind: UpstreamFailure,
    /** Method and URL path (no query string, which may hold ids only, but we keep messages short). */
    readonly target: string,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(`${target}: ${message}`, options);
  }

  /** 429, 5xx, timeouts and network errors are worth another attempt; other statuses and bad bodies are not. */
  get retryable(): boolean {
    if (this.kind === "timeout" || this.kind === "network") return true;
    return this.kind === "http" && (this.status === 429 || (this.status !== undefined && this.status >= 500));
  }
}

export interface HttpResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T;
}

export interface RequestOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpClient {
  /** GET a JSON document (retried, rate-limited). */
  getJson<T>(path: string, query?: RequestOptions["query"]): Promise<T>;
  /** Any method; the body is parsed as JSON when there is one. */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
}

/** Full jitter backoff for retry number `retry` (1-based). */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` (delta seconds or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let guardedAgent: Agent | undefined;

/** fetch whose connections re-check every address they connect to (see guardedLookup). */
const guardedFetch: typeof fetch = (input, init) => {
  guardedAgent ??= new Agent({ connect: { lookup: guardedLookup() } });
  return undiciFetch(input as string | URL, { ...(init as object), dispatcher: guardedAgent });
};

/**
 * A small JSON client for one vendor source: a timeout per attempt, retries with full-jitter
 * exponential backoff on 429, 5xx, timeouts and network errors (a Retry-After header is honoured
 * instead of the backoff, up to `maxRetryAfterMs`), and at most `concurrency` requests in flight.
 * Other 4xx statuses and malformed JSON fail at once with an UpstreamError.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const doFetch = options.fetch ?? (needsGuardedConnections(new URL(base), options.addressPolicy ?? OPEN_POLICY) ? guardedFetch : fetch);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));

  async function attempt<T>(method: string, url: URL, target: string, request: RequestOptions): Promise<HttpResponse<T>> {
    const refusal = await requestProblem(url, options.addressPolicy ?? OPEN_POLICY, options.resolve);
    if (refusal) throw new UpstreamError("refused", target, refusal);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          accept: "application/json",
          ...(request.json === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
          ...request.headers,
        },
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new UpstreamError("timeout", target, `no complete answer within ${timeoutMs} ms`);
      // The same words for a closed port, a reset and an unreachable host: the message reaches the
      // admin through syncSource, and must not map the network behind the gateway.
      throw new UpstreamError("network", target, "could not reach the source", undefined, undefined, { cause: error });
    }
    if (response.status < 200 || response.status >= 300) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
      throw new UpstreamError("http", target, `HTTP ${response.status}`, response.status, retryAfterMs);
    }
    if (text.trim() === "") return { status: response.status, headers: response.headers, data: undefined as T };
    try {
      return { status: response.status, headers: response.headers, data: JSON.parse(text) as T };
    } catch {
      throw new UpstreamError(
        "malformed",
        target,
        `malformed JSON in a ${response.status} response (${text.length} bytes)`,
        response.status,
      );
    }
  }

  async function request<T>(method: string, path: string, request: RequestOptions = {}): Promise<HttpResponse<T>> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const target = `${method} ${url.pathname}`;
    return limit(() =>
      pRetry(
        async () => {
          try {
            return await attempt<T>(method, url, target, request);
          } catch (error) {
            // Not worth another attempt: stop p-retry at once with the original error.
            if (error instanceof UpstreamError && !error.retryable) throw new AbortError(error);
            throw error;
          }
        },
        {
          retries: maxAttempts - 1,
          // The wait is ours (full jitter or Retry-After), taken in onFailedAttempt.
          minTimeout: 0,
          factor: 1,
          async onFailedAttempt({ error, attemptNumber, retriesLeft }) {
            if (retriesLeft <= 0) return;
            const retryAfter = error instanceof UpstreamError ? error.retryAfterMs : undefined;
            if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) {
              throw new UpstreamError(
                "http",
                target,
                `HTTP ${(error as UpstreamError).status}: Retry-After ${Math.ceil(retryAfter / 1000)} s is longer than the ${maxRetryAfterMs / 1000} s allowed`,
                (error as UpstreamError).status,
                retryAfter,
              );
            }
            const delayMs = retryAfter ?? backoffDelay(attemptNumber, baseDelayMs, maxDelayMs, random);
            options.onRetry?.({ url: target, attempt: attemptNumber, delayMs, reason: error.message });
            await sleep(delayMs);
          },
        },
      ),
    );
  }

  return {
    request,
    async getJson<T>(path: string, query?: RequestOptions["query"]) {
      return (await request<T>("GET", path, { query })).data;
    },
  };
}

/**
 * A vendor payload checked against the shape the connector reads.
 * @throws UpstreamError "malformed" naming the first place that does not match.
 */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown, target: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UpstreamError("malformed", target, `unexpected response shape at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}
