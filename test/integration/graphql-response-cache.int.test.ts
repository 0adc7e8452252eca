import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/database.js";
import { touchOrganizations } from "../../src/db/data-version.js";
import {
  ApiTokensDocument,
  OrgNameDocument,
  OrgSourcesDocument,
  OrgUsageTotalsDocument,
  RegisterSourceDocument,
  TakeStatisticsSnapshotDocument,
  StatisticsHistoryDocument,
  ViewerDocument,
} from "../__generated__/graphql.js";
import { expectNoErrors, TEST_SEED } from "../helpers/graphql.js";
import { startIngestServer, tokenFor, type IngestTestServer } from "../helpers/ingest.js";
import { restRequest } from "../helpers/rest.js";
import { countStatements } from "../helpers/statements.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";

/**
 * The GraphQL response cache: a repeated query is answered without running its resolvers, and
 * never after the data behind it changed (whichever gateway process changed it), never to
 * another viewer.
 */

const ADMIN = "admin@nordhafen.test";
const OTHER_ADMIN = "admin@kestrel.test";
const RANGE = { from: "2025-01-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" };

const total = (
  data: { organization: { usage: { totals: { metric: string; vendor: string; value: number }[] } } | null },
  metric: string,
  vendor: string,
) => data.organization!.usage.totals.find((t) => t.metric === metric && t.vendor === vendor)?.value;

describe.each(STORE_KINDS)("GraphQL response cache on %s", (kind) => {
  let store: TestStore;
  let prisma: Prisma;
  let gateway: IngestTestServer;
  let secondGateway: IngestTestServer;
  let uncached: IngestTestServer;
  let admin: string;
  let orgId: string;
  let userId: string;

  beforeAll(async () => {
    store = await createTestStore(kind, { seed: TEST_SEED });
    prisma = store.db.prisma;
    [gateway, secondGateway, uncached] = await Promise.all([
      startIngestServer(store),
      startIngestServer(store),
      startIngestServer(store, { GRAPHQL_CACHE_TTL_SECONDS: "0" }),
    ]);
    admin = await tokenFor(prisma, ADMIN);
    orgId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "nordhafen" } })).id;
    userId = (
      await prisma.user.findFirstOrThrow({
        where: { organizationId: orgId, role: "MEMBER", status: "REGISTERED" },
        orderBy: { email: "asc" },
      })
    ).id;
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), secondGateway?.close(), uncached?.close()]);
    await store?.dispose();
  });

  it("answers a repeated query from the cache: the same data, only authentication and the data version read", async () => {
    const first = await countStatements(prisma, () => gateway.request(OrgUsageTotalsDocument, RANGE, admin));
    const again = await countStatements(prisma, () => gateway.request(OrgUsageTotalsDocument, RANGE, admin));
    expect(expectNoErrors(again.result)).toEqual(expectNoErrors(first.result));
    expect(first.statements).toBeGreaterThan(3);
    expect(again.statements).toBe(2);
    expect(again.queries[1]).toContain("xmin");
  });

  it("a hit is written out as the very bytes and headers of the first answer", async () => {
    const post = () =>
      fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: print(OrgUsageTotalsDocument), variables: { ...RANGE, to: "2025-03-01T00:00:00.000Z" } }),
      });
    const [first, second] = [await post(), await post()];
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(first.headers.get("content-type")).toContain("application/graphql-response+json");
    expect(await second.text()).toBe(await first.text());
  });

  it("with GRAPHQL_CACHE_TTL_SECONDS=0 every request runs its resolvers", async () => {
    await uncached.request(OrgUsageTotalsDocument, RANGE, admin);
    const again = await countStatements(prisma, () => uncached.request(OrgUsageTotalsDocument, RANGE, admin));
    expect(again.statements).toBeGreaterThan(3);
    expect(again.queries.some((query) => query.includes("xmin"))).toBe(false);
  });

  it("never serves an answer after an ingest changed its data, on this gateway or another one", async () => {
    const before = expectNoErrors(await gateway.request(OrgUsageTotalsDocument, RANGE, admin));
    expectNoErrors(await secondGateway.request(OrgUsageTotalsDocument, RANGE, admin)); // cached there too
    const completions = total(before, "CODE_COMPLETIONS", "TABNINE")!;
    const response = await gateway.ingest(
      {
        events: [
          {
            idempotencyKey: "cache-1",
            organizationId: orgId,
            userId,
            vendor: "TABNINE",
            metric: "CODE_COMPLETIONS",
            timestamp: "2025-03-01T10:00:00Z",
            value: 7,
          },
        ],
      },
      admin,
    );
    expect(response.body).toMatchObject({ inserted: 1 });
    for (const server of [gateway, secondGateway]) {
      expect(total(expectNoErrors(await server.request(OrgUsageTotalsDocument, RANGE, admin)), "CODE_COMPLETIONS", "TABNINE")).toBe(
        completions + 7,
      );
    }
  });

  it("a replayed batch changes nothing, the data version included, so cached answers stay", async () => {
    const event = {
      idempotencyKey: "cache-replay",
      organizationId: orgId,
      userId,
      vendor: "TABNINE",
      metric: "CODE_COMPLETIONS",
      timestamp: "2025-03-02T10:00:00Z",
      value: 1,
    };
    await gateway.ingest({ events: [event] }, admin);
    const version = async () => (await prisma.organization.findUniqueOrThrow({ where: { id: orgId } })).dataVersion;
    const before = await version();
    expect((await gateway.ingest({ events: [event] }, admin)).body).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(await version()).toBe(before);
  });

  it("registerSource and a Rocket.Chat snapshot show at once in cached answers", async () => {
    expectNoErrors(await gateway.request(OrgSourcesDocument, {}, admin));
    expectNoErrors(
      await gateway.request(
        RegisterSourceDocument,
        { input: { organizationId: orgId, vendor: "TEAMWIRE", baseUrl: "https://teamwire.cache.test" } },
        admin,
      ),
    );
    const sources = expectNoErrors(await gateway.request(OrgSourcesDocument, {}, admin));
    expect(sources.organization!.sources.map((s) => s.baseUrl)).toContain("https://teamwire.cache.test");

    const history = expectNoErrors(await gateway.request(StatisticsHistoryDocument, { first: 500 }, admin));
    expectNoErrors(await gateway.request(TakeStatisticsSnapshotDocument, { organizationId: orgId }, admin));
    const after = expectNoErrors(await gateway.request(StatisticsHistoryDocument, { first: 500 }, admin));
    expect(after.organization!.statisticsHistory.totalCount).toBe(history.organization!.statisticsHistory.totalCount + 1);
  });

  it("keeps viewers apart: each gets the answer for its own organization and its own user", async () => {
    const other = await tokenFor(prisma, OTHER_ADMIN);
    const member = await tokenFor(prisma, (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email);
    for (let round = 0; round < 2; round++) {
      expect(expectNoErrors(await gateway.request(OrgNameDocument, {}, admin)).organization!.id).toBe(orgId);
      expect(expectNoErrors(await gateway.request(OrgNameDocument, {}, other)).organization!.id).not.toBe(orgId);
      expect(expectNoErrors(await gateway.request(ViewerDocument, {}, admin)).viewer.email).toBe(ADMIN);
      expect(expectNoErrors(await gateway.request(ViewerDocument, {}, member)).viewer.id).toBe(userId);
    }
  });

  it("a changed role takes effect at once: the answer cached for the old role is not served", async () => {
    const member = await tokenFor(prisma, (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email);
    const asMember = await gateway.request(OrgSourcesDocument, {}, member);
    expect(asMember.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await prisma.user.update({ where: { id: userId }, data: { role: "ADMIN" } });
    try {
      expect(expectNoErrors(await gateway.request(OrgSourcesDocument, {}, member)).organization!.sources.length).toBeGreaterThan(0);
      await prisma.user.update({ where: { id: userId }, data: { role: "MEMBER" } });
      expect((await gateway.request(OrgSourcesDocument, {}, member)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    } finally {
      await prisma.user.update({ where: { id: userId }, data: { role: "MEMBER" } });
    }
  });

  it("does not cache the API token list (last use moves without a data write) nor answers with errors", async () => {
    await gateway.request(ApiTokensDocument, {}, admin);
    const again = await countStatements(prisma, () => gateway.request(ApiTokensDocument, {}, admin));
    expect(again.queries.some((query) => query.includes(`"ApiToken"`))).toBe(true);

    const member = await tokenFor(prisma, (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email);
    await gateway.request(OrgSourcesDocument, {}, member);
    const denied = await countStatements(prisma, () => gateway.request(OrgSourcesDocument, {}, member));
    expect(denied.statements).toBeGreaterThan(2);
  });

  it("the vendor REST routes keep results under the same rules: a repeat runs no aggregation, an ingest shows at once", async () => {
    const messages = async (server: IngestTestServer) => {
      const reply = await restRequest<[{ data: { date: string; count: number }[] }]>(
        server.url,
        "/v1/admin/stats/sent_messages/?year=2025",
        { token: admin },
      );
      expect(reply.status).toBe(200);
      return reply.body[0].data.find((row) => row.date === "2025-03")!.count;
    };
    const before = await messages(gateway);
    const again = await countStatements(prisma, () => messages(gateway));
    expect(again.result).toBe(before);
    // Authentication and one data-version read shared by the route's two operations (the
    // organisation check and the series), both answered from the cache; no aggregation.
    expect(again.statements).toBe(2);
    expect(again.queries.some((query) => query.includes(`"UsageRollup"`))).toBe(false);
    await gateway.ingest(
      {
        events: [
          {
            idempotencyKey: "cache-rest",
            organizationId: orgId,
            userId,
            vendor: "TEAMWIRE",
            metric: "MESSAGES_SENT",
            timestamp: "2025-03-03T09:00:00Z",
            value: 5,
          },
        ],
      },
      admin,
    );
    expect(await messages(gateway)).toBe(before + 5);
    expect(await messages(secondGateway)).toBe(before + 5);
  });

  it("touchOrganizations raises only the named organizations' versions", async () => {
    const versions = async () => new Map((await prisma.organization.findMany()).map((o) => [o.id, o.dataVersion]));
    const before = await versions();
    await touchOrganizations(prisma, [orgId, orgId]);
    const after = await versions();
    for (const [id, version] of after) expect(version).toBe(id === orgId ? before.get(id)! + 1n : before.get(id));
  });
});
