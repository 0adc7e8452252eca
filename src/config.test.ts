import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, redactUrl } from "./config.js";

const SECRET_32 = "0123456789abcdef0123456789abcdef";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe("loadConfig", () => {
  it("uses the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "development",
      http: { host: "127.0.0.1", port: 4000, shutdownTimeoutMs: 10_000 },
      database: { url: undefined, dataDir: path.resolve("./data"), statementTimeoutMs: 15_000 },
      auth: { jwtSecret: undefined, issuer: "usage-gateway", audience: "usage-gateway" },
      logLevel: "info",
      seedOnStart: "demo",
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it("reads every variable it documents", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://gw:pw@db.internal:5432/usage",
      DATA_DIR: "/var/lib/gateway",
      JWT_SECRET: SECRET_32,
      LOG_LEVEL: "debug",
      SEED_ON_START: "none",
      SHUTDOWN_TIMEOUT_MS: "2500",
      CORS_ORIGINS: "https://dash.example.com, http://localhost:5173/",
    });
    expect(config.env).toBe("production");
    expect(config.http).toEqual({
      host: "0.0.0.0",
      port: 8080,
      shutdownTimeoutMs: 2500,
      corsOrigins: ["https://dash.example.com", "http://localhost:5173"],
      trustProxy: false,
    });
    expect(config.database.url).toBe("postgresql://gw:pw@db.internal:5432/usage");
    expect(config.database.dataDir).toBe("/var/lib/gateway");
    expect(config.auth.jwtSecret).toBe(SECRET_32);
    expect(config.logLevel).toBe("debug");
    expect(config.seedOnStart).toBe("none");
  });

  it("reads the response cache settings: 60 s, 64 MiB for GraphQL and 32 MiB for REST by default, 0 turns it off, at most an hour", () => {
    expect(loadConfig({}).graphql.responseCache).toEqual({ ttlSeconds: 60, maxBytes: 64 * 1_048_576, restMaxBytes: 32 * 1_048_576 });
    expect(
      loadConfig({ GRAPHQL_CACHE_TTL_SECONDS: "0", GRAPHQL_CACHE_MAX_BYTES: "2097152", REST_CACHE_MAX_BYTES: "1048576" }).graphql
        .responseCache,
    ).toEqual({ ttlSeconds: 0, maxBytes: 2_097_152, restMaxBytes: 1_048_576 });
    expect(() => loadConfig({ REST_CACHE_MAX_BYTES: "1000" })).toThrow("REST_CACHE_MAX_BYTES");
    expect(() => loadConfig({ GRAPHQL_CACHE_TTL_SECONDS: "86400" })).toThrow("GRAPHQL_CACHE_TTL_SECONDS: must be at most 3600");
  });

  it("reads REQUEST_TIMEOUT_MS: 10 s by default, 100 ms to 10 minutes", () => {
    expect(loadConfig({}).database.requestTimeoutMs).toBe(10_000);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: "1500" }).database.requestTimeoutMs).toBe(1_500);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: "50" })).toThrow("REQUEST_TIMEOUT_MS: must be at least 100");
  });

  it("reads DATABASE_REPLICA_URLS as PostgreSQL URLs beside DATABASE_URL, and refuses them alone or malformed", () => {
    const primary = "postgresql://gateway@db-primary:5432/usage";
    expect(loadConfig({}).database.replicaUrls).toEqual([]);
    expect(loadConfig({}).database.replicaCheckTimeoutMs).toBe(500);
    const config = loadConfig({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: " postgresql://gateway@db-replica-1:5432/usage ,postgres://gateway@db-replica-2/usage,",
      DB_REPLICA_CHECK_TIMEOUT_MS: "250",
    });
    expect(config.database.replicaUrls).toEqual(["postgresql://gateway@db-replica-1:5432/usage", "postgres://gateway@db-replica-2/usage"]);
    expect(config.database.replicaCheckTimeoutMs).toBe(250);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgresql://gateway@db-replica-1/usage" })).toThrow(
      "DATABASE_REPLICA_URLS: needs DATABASE_URL (the primary that takes the writes)",
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: "mysql://db-replica-1/usage" })).toThrow(
      "DATABASE_REPLICA_URLS: must be comma-separated postgres:// or postgresql:// URLs",
    );
  });

  it("reads SOURCE_ALLOWED_HOSTS as a lower-case list and refuses anything but host names and addresses", () => {
    expect(loadConfig({}).sources.allowedHosts).toEqual([]);
    expect(loadConfig({ SOURCE_ALLOWED_HOSTS: " Chat.Intranet.example , 10.0.0.7,," }).sources.allowedHosts).toEqual([
      "chat.intranet.example",
      "10.0.0.7",
    ]);
    expect(problemsOf({ SOURCE_ALLOWED_HOSTS: "https://x.example/path" })).toEqual([
      "SOURCE_ALLOWED_HOSTS: must be a comma-separated list of host names or IP addresses",
    ]);
  });

  it("reads CORS_ORIGINS as origins only (none by default) and names a path or wildcard as the problem", () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    const problem =
      "CORS_ORIGINS: must be a comma-separated list of origins such as https://dashboard.example.com (scheme, host and port only)";
    expect(problemsOf({ CORS_ORIGINS: "https://dash.example.com/app" })).toEqual([problem]);
    expect(problemsOf({ CORS_ORIGINS: "*" })).toEqual([problem]);
    expect(problemsOf({ CORS_ORIGINS: "dash.example.com" })).toEqual([problem]);
  });

  it("reads TRUST_PROXY as false, a hop count or proxy addresses, and refuses anything else", () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).http.trustProxy).toEqual(["loopback", "10.0.0.0/8"]);
    expect(problemsOf({ TRUST_PROXY: "yes please" })[0]).toMatch(/^TRUST_PROXY: must be false, a number of proxy hops/);
  });

  it("accepts PORT=0 (any free port)", () => {
    expect(loadConfig({ PORT: "0" }).http.port).toBe(0);
  });

  it("treats blank and whitespace-only values as unset", () => {
    const config = loadConfig({ PORT: "", LOG_LEVEL: "  ", DATABASE_URL: "", HOST: "\t", JWT_SECRET: "" });
    expect(config.http.port).toBe(4000);
    expect(config.http.host).toBe("127.0.0.1");
    expect(config.logLevel).toBe("info");
    expect(config.database.url).toBeUndefined();
    expect(config.auth.jwtSecret).toBeUndefined();
  });

  it.each([
    ["mysql://x", "mysql"],
    ["not a url", "free text"],
    ["postgresql:///usage", "no host"],
  ])("rejects DATABASE_URL=%s (%s)", (value) => {
    const problems = problemsOf({ DATABASE_URL: value });
    expect(problems).toEqual([
      "DATABASE_URL: must be a postgres:// or postgresql:// URL with a host, e.g. postgresql://user@127.0.0.1:5432/usage_gateway",
    ]);
  });

  it("does not echo a rejected DATABASE_URL, which may hold a password", () => {
    const error = (() => {
      try {
        return loadConfig({ DATABASE_URL: "mysql://admin:hunter2@db:3306/x" });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain("hunter2");
  });

  it.each([
    ["abc", "PORT: must be a whole number"],
    ["70000", "PORT: must be at most 65535"],
    ["-1", "PORT: must be at least 0"],
    ["80.5", "PORT: must be a whole number"],
  ])("rejects PORT=%s", (value, message) => {
    expect(problemsOf({ PORT: value })).toEqual([message]);
  });

  it("rejects an unknown LOG_LEVEL and lists the valid ones", () => {
    const [problem, ...rest] = problemsOf({ LOG_LEVEL: "loud" });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^LOG_LEVEL: /);
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) {
      expect(problem).toContain(level);
    }
  });

  it("requires JWT_SECRET when NODE_ENV=production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual(["JWT_SECRET: is required when NODE_ENV=production (at least 32 characters)"]);
    expect(loadConfig({ NODE_ENV: "development" }).auth.jwtSecret).toBeUndefined();
  });

  it("rejects a JWT_SECRET shorter than 32 characters without echoing it", () => {
    const problems = problemsOf({ JWT_SECRET: "short-secret" });
    expect(problems).toEqual(["JWT_SECRET: must be at least 32 characters"]);
    expect(problems.join()).not.toContain("short-secret");
  });

  it("reports every problem at once, one line per variable, in the error message", () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: "production", PORT: "abc", LOG_LEVEL: "loud", DATABASE_URL: "mysql://x" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["DATABASE_URL", "JWT_SECRET", "LOG_LEVEL", "PORT"]);
    expect(message).not.toContain("\n");
    for (const problem of problems) expect(message).toContain(problem);
  });
});

describe("redactUrl", () => {
  it("hides the password and keeps the rest", () => {
    const redacted = redactUrl("postgresql://gateway:s3cr3t-pw@db.internal:5432/usage?sslmode=require");
    expect(redacted).not.toContain("s3cr3t-pw");
    expect(redacted).toBe("postgresql://gateway:***@db.internal:5432/usage?sslmode=require");
  });

  it("leaves a URL without a password unchanged", () => {
    expect(redactUrl("postgresql://postgres@127.0.0.1:5432/test")).toBe("postgresql://postgres@127.0.0.1:5432/test");
  });

  it("does not echo an unparseable value", () => {
    expect(redactUrl("postgresql://gateway:s3cr3t-pw@db:notaport/usage")).toBe("<unparseable URL>");
  });
});
