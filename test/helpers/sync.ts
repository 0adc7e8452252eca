import { signAccessToken } from "../../src/auth/jwt.js";
import { loadConfig } from "../../src/config.js";
import type { Prisma } from "../../src/db/database.js";
import { startGateway } from "../../src/gateway.js";
import type { SourceRuntime } from "../../src/sources/runtime.js";
import type { Vendor } from "../../src/db/generated/enums.js";
import { createLogger } from "../../src/logger.js";
import { encryptCredentials, type SourceCredentials } from "../../src/sources/credentials.js";
import type { SyncDeps } from "../../src/sources/sync.service.js";
import { tableChecksums } from "./checksums.js";
import { postGraphQL, TEST_JWT, type GraphQLTestServer } from "./graphql.js";
import type { TestStore } from "./stores.js";

/** The credentials key of sync tests. */
export const TEST_CREDENTIALS_KEY = Buffer.alloc(32, 7);

/** Quick retries for tests: short timeout, tiny backoff. */
export function testSyncDeps(prisma: Prisma, overrides: Partial<SyncDeps["http"]> = {}, now?: () => Date, logLines?: string[]): SyncDeps {
  return {
    prisma,
    // With `logLines`, every line down to debug is kept there (to check what is logged).
    logger: logLines
      ? createLogger("debug", { write: (line: string) => void logLines.push(line) })
      : createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent"),
    credentialsKey: TEST_CREDENTIALS_KEY,
    http: { timeoutMs: 1_000, maxAttempts: 4, concurrency: 3, baseDelayMs: 5, maxDelayMs: 40, ...overrides },
    now,
  };
}

/** An organization with one registered source (credentials encrypted with TEST_CREDENTIALS_KEY). */
export async function createOrganizationWithSource(
  prisma: Prisma,
  input: { slug: string; vendor: Vendor; baseUrl: string; credentials: SourceCredentials; externalId?: string },
): Promise<{ organizationId: string; sourceId: string }> {
  const org = await prisma.organization.create({ data: { slug: input.slug, name: input.slug } });
  const source = await prisma.source.create({
    data: {
      organizationId: org.id,
      vendor: input.vendor,
      baseUrl: input.baseUrl,
      externalId: input.externalId ?? null,
      encryptedCredentials: encryptCredentials(input.credentials, TEST_CREDENTIALS_KEY, org.id, input.vendor),
    },
  });
  return { organizationId: org.id, sourceId: source.id };
}

/** Checksums of every data table except Source (whose lastSyncAt and updatedAt move on every sync). */
export async function dataChecksums(prisma: Prisma): Promise<Record<string, { rows: number; md5: string }>> {
  const { Source: _source, ...rest } = await tableChecksums(prisma);
  return rest;
}

/** The whole gateway over an existing store, with the source runtime of sync tests; port 0. */
export async function startSyncGateway(
  store: TestStore,
  now?: () => Date,
): Promise<{ url: string; request: GraphQLTestServer["request"]; close(): Promise<void> }> {
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", DATA_DIR: "./data" });
  const logger = createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent");
  const sources: SourceRuntime = {
    credentialsKey: async () => TEST_CREDENTIALS_KEY,
    http: { timeoutMs: 5_000, maxAttempts: 3, concurrency: 4, baseDelayMs: 5, maxDelayMs: 40 },
    now,
  };
  const gateway = await startGateway({ config, db: store.db, logger, jwt: TEST_JWT, sources });
  return {
    url: gateway.url,
    request: (document, variables, token) => postGraphQL(gateway.url, document, variables, token),
    close: () => gateway.close(),
  };
}

/** An empty organization with one ADMIN (for a gateway that only pulls), and a JWT of that admin. */
export async function createMirrorOrganization(prisma: Prisma, slug: string): Promise<{ organizationId: string; adminToken: string }> {
  const org = await prisma.organization.create({ data: { slug, name: slug } });
  const admin = await prisma.user.create({
    data: { organizationId: org.id, email: `admin@${slug}.test`, username: "admin", firstName: "Ada", lastName: "Admin", role: "ADMIN" },
  });
  return { organizationId: org.id, adminToken: signAccessToken({ sub: admin.id, org: org.id, role: "ADMIN" }, TEST_JWT, 600) };
}
