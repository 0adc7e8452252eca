import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logger.js";
import { DEMO_PASSWORD } from "../../src/seed/directory.js";
import { LoginDocument } from "../__generated__/graphql.js";
import { postGraphQL, startGraphQLTestServer, TEST_JWT, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";
import { rocketChatHeaders } from "../helpers/rest.js";

// Rate limits (README "Rate limits"): sign-in lockouts per account with growing backoff, sign-in
// attempts per client address, and one request budget per token over every surface, answered in
// each surface's own format with 429 and Retry-After.

const REDIS_URL = process.env.TEST_REDIS_URL;

async function signIn(url: string, email: string, password: string) {
  const { status, headers, body } = await postGraphQL(url, LoginDocument, { email, password });
  return { status, retryAfter: headers.get("retry-after"), body };
}

describe("sign-in limits", () => {
  let server: GraphQLTestServer;
  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", {
      seed: TEST_SEED,
      env: { LOGIN_MAX_FAILURES: "3", LOGIN_LOCKOUT_SECONDS: "1", LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "24" },
    });
  });
  afterAll(() => server?.close());

  it("locks an account after its failures with 429 and Retry-After, even for the right password, until the lockout ends", async () => {
    const email = "admin@nordhafen.test";
    for (let i = 0; i < 3; i++) {
      const wrong = await signIn(server.url, email, "wrong password");
      expect(wrong.body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    }
    const locked = await signIn(server.url, email, DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe("1");
    expect(locked.body.errors?.[0]).toMatchObject({
      message: "too many failed sign-ins for this account: retry in 1 s",
      extensions: { code: "RATE_LIMITED", retryAfterSeconds: 1 },
    });
    // Other accounts are not affected.
    expect((await signIn(server.url, "admin@kestrel.test", DEMO_PASSWORD)).body.data?.login.token).toBeTruthy();

    await delay(1_100);
    const after = await signIn(server.url, email, DEMO_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.data?.login.token).toBeTruthy();
  });

  it("doubles the lockout each time an account is locked again", async () => {
    const email = "admin@kestrel.test";
    for (let i = 0; i < 3; i++) await signIn(server.url, email, "wrong password");
    expect((await signIn(server.url, email, "wrong password")).retryAfter).toBe("1");
    await delay(1_100);
    for (let i = 0; i < 3; i++) await signIn(server.url, email, "wrong password");
    expect((await signIn(server.url, email, "wrong password")).retryAfter).toBe("2");
  });

  it("counts Teamwire's session login against the same account limits, answering 429 with Retry-After", async () => {
    const teamwireLogin = (password: string) =>
      fetch(`${server.url}/v1/admin/login/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "superadmin@demo.test", password }),
      });
    for (let i = 0; i < 3; i++) expect((await teamwireLogin("wrong password")).status).toBe(401);
    const locked = await teamwireLogin(DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("1");
    expect(await locked.json()).toEqual({ detail: "Too many login attempts. Try again in 1 s." });
    // The GraphQL login of the same account is locked too.
    expect((await signIn(server.url, "superadmin@demo.test", DEMO_PASSWORD)).status).toBe(429);
  });
});

describe("sign-in attempts of one client address", () => {
  let server: GraphQLTestServer;
  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: TEST_SEED, env: { LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "5" } });
  });
  afterAll(() => server?.close());

  it("are limited across accounts: exactly the limit is answered, then 429", async () => {
    for (let i = 0; i < 5; i++) {
      const attempt = await signIn(server.url, `nobody-${i}@nowhere.test`, "x");
      expect(attempt.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const refused = await signIn(server.url, "admin@nordhafen.test", DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.message).toMatch(/^too many sign-in attempts from this address: retry in \d+ s$/);
  });
});

describe("the request budget of a token", () => {
  let server: GraphQLTestServer;
  beforeAll(async () => {
    server = await startGraphQLTestServer("pglite", { seed: TEST_SEED, env: { RATE_LIMIT_REQUESTS_PER_MINUTE: "4" } });
  });
  afterAll(() => server?.close());

  it("is shared by GraphQL, the vendor routes and /ingest, and each answers 429 in its own format", async () => {
    const headers = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
    const bearer = { authorization: `Bearer ${headers["X-Auth-Token"]}` };
    const graphql = () =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer },
        body: JSON.stringify({ query: "{ viewer { email } }" }),
      });
    expect((await graphql()).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/organization`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/statistics`, { headers })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/admin/stats/dashboard/`, { headers: bearer })).status).toBe(200);

    const refused = await graphql();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^too many requests with this token: retry in \d+ s$/) as unknown,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) as unknown },
        },
      ],
    });
    const tabnine = await fetch(`${server.url}/api/v1/organization`, { headers: bearer });
    expect([tabnine.status, await tabnine.text()]).toEqual([429, '{"error":"RATE_LIMITED","message":"Too many requests.","status":429}']);
    expect(tabnine.headers.get("retry-after")).toMatch(/^\d+$/);
    const rocketchat = await fetch(`${server.url}/api/v1/statistics`, { headers });
    expect(rocketchat.status).toBe(429);
    expect(await rocketchat.json()).toMatchObject({ success: false });
    const teamwire = await fetch(`${server.url}/v1/admin/stats/dashboard/`, { headers: bearer });
    expect([teamwire.status, await teamwire.text()]).toEqual([429, "{}"]);
    const ingest = await fetch(`${server.url}/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer },
      body: '{"events":[]}',
    });
    expect(ingest.status).toBe(429);
    expect(ingest.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await ingest.json()).toMatchObject({ error: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) as unknown });

    // Another token of the same user has its own budget.
    const other = await rocketChatHeaders(server.store.db.prisma, "admin@nordhafen.test");
    expect(
      (await fetch(`${server.url}/api/v1/organization`, { headers: { authorization: `Bearer ${other["X-Auth-Token"]}` } })).status,
    ).toBe(200);
  });
});

describe.skipIf(!REDIS_URL)(`counters shared by two instances through Redis${REDIS_URL ? "" : " (skipped: no TEST_REDIS_URL)"}`, () => {
  let first: GraphQLTestServer;
  let second: Gateway;
  beforeAll(async () => {
    const env = { RATE_LIMIT_REQUESTS_PER_MINUTE: "3", REDIS_URL: REDIS_URL! };
    first = await startGraphQLTestServer("pglite", { seed: TEST_SEED, env });
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data", ...env });
    second = await startGateway({ config, db: first.store.db, logger: createLogger("silent"), jwt: TEST_JWT });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("spends one token's budget on either instance", async () => {
    const token = await first.tokenFor("admin@nordhafen.test");
    const status = async (url: string) =>
      (
        await fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: "{ viewer { email } }" }),
        })
      ).status;
    expect([await status(first.url), await status(second.url), await status(first.url)]).toEqual([200, 200, 200]);
    expect(await status(second.url)).toBe(429);
    expect(await status(first.url)).toBe(429);
  });
});
