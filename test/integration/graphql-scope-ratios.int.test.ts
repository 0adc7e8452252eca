import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { touchOrganizations } from "../../src/db/data-version.js";
import { ScopeRatiosDocument } from "../__generated__/graphql.js";
import { expectNoErrors, startGraphQLTestServer, type GraphQLTestServer } from "../helpers/graphql.js";
import { STORE_KINDS } from "../helpers/stores.js";

describe.each(STORE_KINDS)("team and user ratios (%s)", (kind) => {
  let server: GraphQLTestServer;
  beforeAll(async () => {
    server = await startGraphQLTestServer(kind);
  }, 120_000);
  afterAll(() => server?.close());

  it("come from the scope's own ratio rows (sum / samples), never from the organization's", async () => {
    const prisma = server.store.db.prisma;
    const user = await prisma.user.findFirstOrThrow({
      where: { teamId: { not: null }, role: "MEMBER", organization: { slug: "nordhafen" } },
      orderBy: { email: "asc" },
    });
    const admin = await server.tokenFor("admin@nordhafen.test");
    const before = expectNoErrors(await server.request(ScopeRatiosDocument, { userId: user.id, teamId: user.teamId! }, admin));
    // The seed stores ratios per organization only: a user or team has none of its own.
    expect(before.user!.usage.totals[0]!.value).toBe(0);
    expect(before.team!.usage.totals[0]!.value).toBe(0);

    const row = {
      organizationId: user.organizationId,
      grain: "DAY" as const,
      metric: "CHAT_CONSUMPTION_RATE" as const,
      vendor: "TABNINE" as const,
    };
    await prisma.usageRollup.createMany({
      data: [
        { ...row, scope: "USER", scopeId: user.id, bucketStart: new Date("2025-03-01T00:00:00Z"), value: 0.5, samples: 1 },
        { ...row, scope: "USER", scopeId: user.id, bucketStart: new Date("2025-03-02T00:00:00Z"), value: 1.6, samples: 2 },
        { ...row, scope: "TEAM", scopeId: user.teamId!, bucketStart: new Date("2025-03-02T00:00:00Z"), value: 0.9, samples: 3 },
      ],
    });
    await touchOrganizations(prisma, [user.organizationId]); // written past the gateway: tell its response cache
    const after = expectNoErrors(await server.request(ScopeRatiosDocument, { userId: user.id, teamId: user.teamId! }, admin));
    expect(after.user!.usage.points.map((point) => point.values[0]!.value)).toEqual([0.5, 0.8]);
    expect(after.user!.usage.totals[0]!.value).toBeCloseTo(2.1 / 3, 10);
    expect(after.team!.usage.totals[0]!.value).toBeCloseTo(0.3, 10);
  });
});
