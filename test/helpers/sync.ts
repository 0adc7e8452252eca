import type { Prisma } from "../../src/db/database.js";
import type { Vendor } from "../../src/db/generated/enums.js";
import { createLogger } from "../../src/logger.js";
import { encryptCredentials, type SourceCredentials } from "../../src/sources/credentials.js";
import type { SyncDeps } from "../../src/sources/sync.service.js";
import { tableChecksums } from "./checksums.js";

/** The credentials key of sync tests. */
export const TEST_CREDENTIALS_KEY = Buffer.alloc(32, 7);

/** Quick retries for tests: short timeout, tiny backoff. */
export function testSyncDeps(prisma: Prisma, overrides: Partial<SyncDeps["http"]> = {}, now?: () => Date): SyncDeps {
  return {
    prisma,
    logger: createLogger((process.env.TEST_LOG_LEVEL ?? "silent") as "silent"),
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
      organizationId: org.id, vendor: input.vendor, baseUrl: input.baseUrl, externalId: input.externalId ?? null,
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
