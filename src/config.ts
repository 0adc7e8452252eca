import path from "node:path";
import { z } from "zod";

/** Thrown when the environment does not describe a runnable gateway; `message` is one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be a postgres:// or postgresql:// URL with a host, e.g. postgresql://user@127.0.0.1:5432/usage_gateway");

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** A comma-separated list: entries trimmed (and normalized), empty ones dropped. */
const commaList = (text: string, normalize: (entry: string) => string = (entry) => entry) =>
  text
    .split(",")
    .map((entry) => normalize(entry.trim()))
    .filter(Boolean);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: integer(0, 65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("usage-gateway"),
  JWT_AUDIENCE: z.string().min(1).default("usage-gateway"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  SEED_ON_START: z.enum(["demo", "none"]).default("demo"),
  DB_STATEMENT_TIMEOUT_MS: integer(100, 600_000).default(15_000),
  DB_POOL_SIZE: integer(1, 1_000).default(10),
  DB_POOL_TIMEOUT_MS: integer(100, 600_000).default(30_000),
  REQUEST_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  DATABASE_REPLICA_URLS: z
    .string()
    .default("")
    .transform((text) => commaList(text))
    .refine((urls) => urls.every((url) => postgresUrl.safeParse(url).success), "must be comma-separated postgres:// or postgresql:// URLs"),
  DB_REPLICA_CHECK_TIMEOUT_MS: integer(50, 60_000).default(500),
  SHUTDOWN_TIMEOUT_MS: integer(100, 600_000).default(10_000),
  GRAPHQL_MAX_DEPTH: integer(2, 100).default(12),
  GRAPHQL_MAX_ALIASES: integer(0, 1_000).default(30),
  GRAPHQL_MAX_COMPLEXITY: integer(10, 100_000_000).default(2_000_000),
  GRAPHQL_INTROSPECTION: z.enum(["true", "false"]).default("true"),
  GRAPHQL_CACHE_TTL_SECONDS: integer(0, 3_600).default(60),
  GRAPHQL_CACHE_MAX_BYTES: integer(1_048_576, 17_179_869_184).default(64 * 1_048_576),
  REST_CACHE_MAX_BYTES: integer(1_048_576, 17_179_869_184).default(32 * 1_048_576),
  INGEST_MAX_EVENTS: integer(1, 1_000_000).default(10_000),
  INGEST_MAX_BODY_BYTES: integer(1_024, 1_073_741_824).default(16 * 1_048_576),
  SOURCE_CREDENTIALS_KEY: z
    .string()
    .refine(
      (value) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32,
      "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
    )
    .optional(),
  SOURCE_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((text) => commaList(text, (host) => host.toLowerCase()))
    .refine((hosts) => hosts.every((host) => /^[a-z0-9.:-]+$/.test(host)), "must be a comma-separated list of host names or IP addresses"),
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((text): boolean | number | string[] => (text === "false" ? false : /^\d{1,2}$/.test(text) ? Number(text) : commaList(text)))
    .refine(
      (value) =>
        typeof value !== "object" || value.every((entry) => /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i.test(entry)),
      "must be false, a number of proxy hops, or comma-separated proxy addresses/CIDRs (loopback, linklocal, uniquelocal)",
    ),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((text) => commaList(text, (origin) => origin.replace(/\/$/, "")))
    .refine(
      (origins) => origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin),
      "must be a comma-separated list of origins such as https://dashboard.example.com (scheme, host and port only)",
    ),
  REDIS_URL: z
    .string()
    .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), "must be a redis:// or rediss:// URL")
    .optional(),
  RATE_LIMIT_REQUESTS_PER_MINUTE: integer(0, 1_000_000).default(1_200),
  LOGIN_MAX_FAILURES: integer(1, 1_000).default(5),
  LOGIN_LOCKOUT_SECONDS: integer(1, 3_600).default(60),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: integer(1, 100_000).default(50),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an http:// or https:// URL")
    .optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("usage-gateway"),
  SYNC_TIMEOUT_MS: integer(100, 600_000).default(15_000),
  SYNC_MAX_ATTEMPTS: integer(1, 20).default(5),
  SYNC_CONCURRENCY: integer(1, 64).default(4),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

/** What RATE_LIMIT_* and LOGIN_* configure (README "Rate limits"). */
export interface RateLimitSettings {
  /** Requests one token may make per minute on every surface together; 0 turns the budget off. */
  readonly requestsPerMinute: number;
  /** Failed sign-ins an account may have within 15 minutes before it is locked. */
  readonly loginFailuresPerAccount: number;
  /** First lockout; each further lockout within a day doubles it, up to an hour. */
  readonly loginLockoutSeconds: number;
  /** Sign-in attempts one client address may make within 15 minutes. */
  readonly loginAttemptsPerAddress: number;
}

export interface Config {
  readonly env: "development" | "test" | "production";
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly shutdownTimeoutMs: number;
    /** Browser origins allowed to call GraphQL, REST and exports (CORS); empty: none. */
    readonly corsOrigins: readonly string[];
    /** Express's `trust proxy`: which proxies' X-Forwarded-For name the client (sign-in limits, logs). */
    readonly trustProxy: boolean | number | readonly string[];
  };
  readonly database: {
    /** PostgreSQL URL; undefined selects the embedded PGlite store in `dataDir`. */
    readonly url: string | undefined;
    readonly dataDir: string;
    readonly statementTimeoutMs: number;
    /** PostgreSQL connections per gateway process. */
    readonly poolSize: number;
    /** How long a request waits for a free connection before failing. */
    readonly poolTimeoutMs: number;
    /** The longest a request waits for PostgreSQL (a connection, or a statement's answer) before it is answered 503. */
    readonly requestTimeoutMs: number;
    /** PostgreSQL streaming replicas that may serve reads (only with `url`); empty: the primary serves all. */
    readonly replicaUrls: readonly string[];
    /** How long a replica's freshness check may take before the replica counts as down. */
    readonly replicaCheckTimeoutMs: number;
  };
  readonly auth: {
    /** Undefined outside production: the gateway then keeps a generated secret in `dataDir`. */
    readonly jwtSecret: string | undefined;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxComplexity: number;
    readonly introspection: boolean;
    /** Whole answers cached per viewer and data version: TTL in seconds (0: off) and the memory budgets of the GraphQL and REST caches. */
    readonly responseCache: { readonly ttlSeconds: number; readonly maxBytes: number; readonly restMaxBytes: number };
  };
  readonly ingest: {
    /** Most events (and directory records) one POST /ingest or ingestUsage batch may carry. */
    readonly maxEvents: number;
    /** Largest POST /ingest body, JSON or NDJSON, in bytes. */
    readonly maxBodyBytes: number;
  };
  readonly sources: {
    /** AES-256-GCM key of stored source credentials; undefined outside production: generated once in `dataDir`. */
    readonly credentialsKey: Buffer | undefined;
    /** Vendor requests of a sync: timeout per attempt, attempts, requests in flight per source. */
    readonly timeoutMs: number;
    readonly maxAttempts: number;
    readonly concurrency: number;
    /** Hosts a source may name whatever they resolve to; in production every other must be https and public. */
    readonly allowedHosts: readonly string[];
  };
  /** Per-token request budget and sign-in limits (counters in Redis when `redisUrl` is set). */
  readonly rateLimits: RateLimitSettings;
  /** Shared by every gateway instance: answer caches and rate-limit counters. */
  readonly redisUrl: string | undefined;
  /** OpenTelemetry traces over OTLP/HTTP; no endpoint: no tracing. */
  readonly telemetry: { readonly endpoint: string | undefined; readonly serviceName: string };
  readonly logLevel: LogLevel;
  readonly seedOnStart: "demo" | "none";
}

/**
 * Parses the environment once. Every problem is collected and reported together, each as
 * `NAME: what is wrong`, so a bad deployment fails with one clear line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value?.trim() === "" ? undefined : value]));
  const parsed = EnvSchema.safeParse(blankToUndefined);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // Checked on the raw values too, so it is reported together with any other problem.
  if (blankToUndefined.NODE_ENV === "production" && blankToUndefined.JWT_SECRET === undefined) {
    problems.push("JWT_SECRET: is required when NODE_ENV=production (at least 32 characters)");
  }
  if (blankToUndefined.DATABASE_REPLICA_URLS !== undefined && blankToUndefined.DATABASE_URL === undefined) {
    problems.push("DATABASE_REPLICA_URLS: needs DATABASE_URL (the primary that takes the writes)");
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    http: Object.freeze({
      host: e.HOST,
      port: e.PORT,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      corsOrigins: Object.freeze(e.CORS_ORIGINS),
      trustProxy: typeof e.TRUST_PROXY === "object" ? Object.freeze(e.TRUST_PROXY) : e.TRUST_PROXY,
    }),
    database: Object.freeze({
      url: e.DATABASE_URL,
      dataDir: path.resolve(e.DATA_DIR),
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      poolSize: e.DB_POOL_SIZE,
      poolTimeoutMs: e.DB_POOL_TIMEOUT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      replicaUrls: Object.freeze(e.DATABASE_REPLICA_URLS),
      replicaCheckTimeoutMs: e.DB_REPLICA_CHECK_TIMEOUT_MS,
    }),
    auth: Object.freeze({ jwtSecret: e.JWT_SECRET, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE }),
    graphql: Object.freeze({
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxComplexity: e.GRAPHQL_MAX_COMPLEXITY,
      introspection: e.GRAPHQL_INTROSPECTION === "true",
      responseCache: Object.freeze({
        ttlSeconds: e.GRAPHQL_CACHE_TTL_SECONDS,
        maxBytes: e.GRAPHQL_CACHE_MAX_BYTES,
        restMaxBytes: e.REST_CACHE_MAX_BYTES,
      }),
    }),
    ingest: Object.freeze({ maxEvents: e.INGEST_MAX_EVENTS, maxBodyBytes: e.INGEST_MAX_BODY_BYTES }),
    sources: Object.freeze({
      credentialsKey: e.SOURCE_CREDENTIALS_KEY === undefined ? undefined : Buffer.from(e.SOURCE_CREDENTIALS_KEY, "base64"),
      timeoutMs: e.SYNC_TIMEOUT_MS,
      maxAttempts: e.SYNC_MAX_ATTEMPTS,
      concurrency: e.SYNC_CONCURRENCY,
      allowedHosts: Object.freeze(e.SOURCE_ALLOWED_HOSTS),
    }),
    rateLimits: Object.freeze({
      requestsPerMinute: e.RATE_LIMIT_REQUESTS_PER_MINUTE,
      loginFailuresPerAccount: e.LOGIN_MAX_FAILURES,
      loginLockoutSeconds: e.LOGIN_LOCKOUT_SECONDS,
      loginAttemptsPerAddress: e.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    }),
    redisUrl: e.REDIS_URL,
    telemetry: Object.freeze({ endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME }),
    logLevel: e.LOG_LEVEL,
    seedOnStart: e.SEED_ON_START,
  });
}

/** The URL with any password replaced, safe for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}
