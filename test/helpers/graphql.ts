import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type ExecutionResult } from "graphql";
import { expect } from "vitest";
import { signAccessToken, type JwtSettings } from "../../src/auth/jwt.js";
import { loadConfig } from "../../src/config.js";
import type { StoreKind } from "../../src/db/database.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logger.js";
import type { SeedOptions } from "../../src/seed/options.js";
import { createTestStore, type TestStore } from "./stores.js";
import { TEST_SEED } from "./test-seed.js";

export const TEST_JWT: JwtSettings = { secret: "test-secret-".padEnd(48, "x"), issuer: "usage-gateway", audience: "usage-gateway" };

export { TEST_SEED } from "./test-seed.js";

export interface GraphQLResponse<R> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ExecutionResult<R>;
}

export interface GraphQLTestServer {
  readonly url: string;
  readonly store: TestStore;
  readonly gateway: Gateway;
  /** POSTs a typed operation to /graphql, with `Authorization: Bearer <token>` when a token is given. */
  request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    token?: string,
  ): Promise<GraphQLResponse<R>>;
  /** A JWT for the user with that email (role and organization from the store). */
  tokenFor(email: string, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/** POSTs a typed operation to `<url>/graphql`, with `Authorization: Bearer <token>` when a token is given. */
export async function postGraphQL<R, V extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables?: V,
  token?: string,
): Promise<GraphQLResponse<R>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ExecutionResult<R> };
}

/** A real HTTP server (port 0) over a fresh store of `kind`, seeded with `seed` unless null. */
export async function startGraphQLTestServer(
  kind: StoreKind,
  options: { seed?: SeedOptions | null; env?: Record<string, string> } = {},
): Promise<GraphQLTestServer> {
  const seed = options.seed === undefined ? TEST_SEED : options.seed;
  const store = await createTestStore(kind, { seed: seed ?? undefined });
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data", ...options.env });
  const logger = createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent");
  const gateway = await startGateway({ config, db: store.db, logger, jwt: TEST_JWT, validateResponses: true });
  return {
    url: gateway.url,
    store,
    gateway,
    request: (document, variables, token) => postGraphQL(gateway.url, document, variables, token),
    async tokenFor(email, ttlSeconds = 600) {
      const user = await store.db.prisma.user.findUniqueOrThrow({ where: { email } });
      return signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, TEST_JWT, ttlSeconds);
    },
    async close() {
      await gateway.close();
      await store.dispose();
    },
  };
}

/** The data of a response that must have no errors (the errors are printed when it has). */
export function expectNoErrors<R>(response: GraphQLResponse<R>): R {
  expect(response.body.errors, JSON.stringify(response.body.errors, null, 2)).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data as R;
}

/** Asserts every error has `code` and returns the messages. */
export function expectErrors(response: GraphQLResponse<unknown>, code: string): string[] {
  const errors = response.body.errors ?? [];
  expect(errors.length, `expected ${code}, got ${JSON.stringify(response.body)}`).toBeGreaterThan(0);
  for (const error of errors) expect(error.extensions?.code, JSON.stringify(error)).toBe(code);
  return errors.map((error) => error.message);
}
