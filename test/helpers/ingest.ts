import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { signAccessToken } from "../../src/auth/jwt.js";
import { loadConfig } from "../../src/config.js";
import type { Prisma, StoreKind } from "../../src/db/database.js";
import { startGateway } from "../../src/gateway.js";
import { createLogger } from "../../src/logger.js";
import { rebuildRollups } from "../../src/usage/rollups.js";
import { postGraphQL, TEST_JWT, type GraphQLResponse } from "./graphql.js";
import { createTestStore, type TestStore } from "./stores.js";
import { TEST_SEED } from "./test-seed.js";

export interface IngestTestServer {
  readonly url: string;
  /** POSTs to /ingest: an object is sent as JSON, a string as NDJSON (unless `contentType` says otherwise). */
  ingest(body: unknown, token?: string, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** POSTs a typed operation to /graphql. */
  request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    token?: string,
  ): Promise<GraphQLResponse<R>>;
  close(): Promise<void>;
}

/** The whole gateway (as `serve` starts it) over an existing store, listening on port 0. */
export async function startIngestServer(store: TestStore, env: Record<string, string> = {}): Promise<IngestTestServer> {
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data", ...env });
  const logger = createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent");
  const gateway = await startGateway({ config, db: store.db, logger, jwt: TEST_JWT });
  return {
    url: gateway.url,
    async ingest(body, token, contentType) {
      const response = await fetch(`${gateway.url}/ingest`, {
        method: "POST",
        headers: {
          "content-type": contentType ?? (typeof body === "string" ? "application/x-ndjson" : "application/json"),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    request: (document, variables, token) => postGraphQL(gateway.url, document, variables, token),
    close: () => gateway.close(),
  };
}

/** A JWT for the user with that email. */
export async function tokenFor(prisma: Prisma, email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return signAccessToken({ sub: user.id, org: user.organizationId, role: user.role }, TEST_JWT, 600);
}

export interface RollupRow {
  key: string;
  value: number;
  samples: number;
}

const ROLLUPS_SQL = `SELECT concat_ws('|', "grain", "scope", "scopeId", "metric", "vendor", "roomType", to_char("bucketStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24')) AS key,
  round("value"::numeric, 6)::float8 AS value, "samples" FROM "UsageRollup" WHERE "organizationId" = $1::uuid ORDER BY 1`;

/**
 * The organization's rollup rows, keyed by their primary key, values to 6 decimals: a sum added
 * up batch by batch and the same sum recomputed at once may differ in the last bits of a float.
 */
export function rollupsOf(prisma: Prisma, organizationId: string): Promise<RollupRow[]> {
  return prisma.$queryRawUnsafe<RollupRow[]>(ROLLUPS_SQL, organizationId);
}

class Rollback extends Error {}

/** What rebuildRollups computes from the organization's events, without keeping it (the transaction is rolled back). */
export async function recomputedRollups(prisma: Prisma, organizationId: string): Promise<RollupRow[]> {
  let rows: RollupRow[] = [];
  try {
    await prisma.$transaction(
      async (tx) => {
        await rebuildRollups(tx, organizationId);
        rows = await tx.$queryRawUnsafe<RollupRow[]>(ROLLUPS_SQL, organizationId);
        throw new Rollback();
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return rows;
}

/** A store seeded with TEST_SEED, a gateway over it, and an ADMIN token for `admin`'s organization. */
export async function startSeededIngestServer(
  kind: StoreKind,
  admin = "admin@nordhafen.test",
): Promise<{ store: TestStore; prisma: Prisma; server: IngestTestServer; admin: string; organizationId: string }> {
  const store = await createTestStore(kind, { seed: TEST_SEED });
  const prisma = store.db.prisma;
  const server = await startIngestServer(store);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: admin } });
  return { store, prisma, server, admin: await tokenFor(prisma, admin), organizationId: user.organizationId };
}
