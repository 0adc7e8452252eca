import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RegisterSourceWithCredentialsDocument,
  SourceStatesDocument,
  SyncedDashboardDocument,
  SyncSourceDocument,
  type UsageMetric,
} from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";
import { issueApiToken } from "../../src/auth/api-token.js";
import { writeBatch } from "../../src/ingest/ingest.service.js";
import { connectorAuthority } from "../../src/sources/apply-batch.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import { createMirrorOrganization, dataChecksums, startSyncGateway } from "../helpers/sync.js";
import { metricsReportedBy } from "../../src/usage/usage.metrics.js";

const CHAT_METRICS: UsageMetric[] = ["MESSAGES_SENT", "CONNECTOR_ACTIVATIONS"];
const TABNINE_METRICS: UsageMetric[] = metricsReportedBy("TABNINE");
const END = TEST_SEED.endDate; // exclusive end of the seeded history
const SINCE = new Date(Date.parse(`${END}T00:00:00Z`) - TEST_SEED.days * 86_400_000).toISOString().slice(0, 10);
const now = () => new Date(`${END}T06:00:00Z`);

type Value = { metric: string; vendor: string; value: number };

/** The values of a dashboard for the given vendors (and metrics), rounded to 1e-9. */
function valuesOf(usage: { points: { from: string; values: Value[] }[]; totals: Value[] }, vendors: string[], metrics?: string[]) {
  const keep = (values: Value[]) =>
    values
      .filter((v) => vendors.includes(v.vendor) && (!metrics || metrics.includes(v.metric)))
      .map((v) => ({ ...v, value: Math.round(v.value * 1e9) / 1e9 }));
  return { points: usage.points.map((p) => ({ from: p.from, values: keep(p.values) })), totals: keep(usage.totals) };
}

describe.each(STORE_KINDS)("round trip: a second gateway pulls from the first one's vendor REST adapters (%s)", (kind) => {
  let first: GraphQLTestServer;
  let mirrorStore: TestStore;
  let mirror: Awaited<ReturnType<typeof startSyncGateway>>;
  let firstAdmin: string;
  let firstAdminId: string;
  let firstRocketChatToken: string;
  let firstOrganizationId: string;
  let mirrorAdmin: string;
  let mirrorOrganizationId: string;

  beforeAll(async () => {
    first = await startGraphQLTestServer(kind);
    mirrorStore = await createTestStore(kind);
    mirror = await startSyncGateway(mirrorStore, now);
    // The first organization uses all three vendors.
    const org = await first.store.db.prisma.organization.findFirstOrThrow({
      where: { sources: { every: {} } },
      orderBy: { number: "asc" },
      include: { sources: true },
    });
    expect(org.sources.map((s) => s.vendor).sort()).toEqual(["ROCKETCHAT", "TABNINE", "TEAMWIRE"]);
    firstOrganizationId = org.id;
    firstAdmin = await first.tokenFor(`admin@${org.slug}.test`, 3_600);
    const admin = await first.store.db.prisma.user.findUniqueOrThrow({ where: { email: `admin@${org.slug}.test` } });
    firstAdminId = admin.id;
    firstRocketChatToken = (await issueApiToken(first.store.db.prisma, admin, { name: "mirror" })).token;
    ({ adminToken: mirrorAdmin, organizationId: mirrorOrganizationId } = await createMirrorOrganization(mirrorStore.db.prisma, "mirror"));
  });
  afterAll(async () => {
    await mirror?.close();
    await mirrorStore?.dispose();
    await first?.close();
  });

  it("registers the Tabnine source with encrypted credentials that the API never returns", async () => {
    const registered = expectNoErrors(
      await mirror.request(
        RegisterSourceWithCredentialsDocument,
        {
          input: { vendor: "TABNINE", baseUrl: first.url, credentials: { token: firstAdmin } },
        },
        mirrorAdmin,
      ),
    ).registerSource;
    expect(registered).toMatchObject({ vendor: "TABNINE", hasCredentials: true });
    const stored = await mirrorStore.db.prisma.source.findFirstOrThrow({ where: { vendor: "TABNINE" } });
    expect(Buffer.from(stored.encryptedCredentials!).toString("latin1")).not.toContain(firstAdmin.slice(-20));
    const wrong = await mirror.request(
      RegisterSourceWithCredentialsDocument,
      { input: { vendor: "ROCKETCHAT", baseUrl: first.url, credentials: { token: "x" } } },
      mirrorAdmin,
    );
    expect(expectErrors(wrong, "BAD_USER_INPUT")[0]).toMatch(/Rocket.Chat needs userId and authToken/);
  });

  it("syncs through the syncSource mutation, then answers the dashboard with the same Tabnine numbers; a second sync changes nothing", async () => {
    const summary = expectNoErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE", since: SINCE }, mirrorAdmin)).syncSource;
    expect(summary.sources[0]!.errors).toEqual([]);
    expect(summary.failed).toBe(0);
    expect(summary.created).toBeGreaterThan(100);

    const states = expectNoErrors(await mirror.request(SourceStatesDocument, {}, mirrorAdmin)).organization!.sources;
    expect(states).toEqual([
      expect.objectContaining({ vendor: "TABNINE", hasCredentials: true, lastError: null, lastSyncAt: expect.any(String) as unknown }),
    ]);
    expect(JSON.stringify(states)).not.toContain(firstAdmin);

    const variables = { from: `${SINCE}T00:00:00.000Z`, to: `${END}T00:00:00.000Z`, metrics: TABNINE_METRICS };
    const original = expectNoErrors(await first.request(SyncedDashboardDocument, variables, firstAdmin)).organization!;
    const copy = expectNoErrors(await mirror.request(SyncedDashboardDocument, variables, mirrorAdmin)).organization!;
    expect(valuesOf(original.usage, ["TABNINE"]).totals.length).toBeGreaterThan(10);
    expect(valuesOf(copy.usage, ["TABNINE"])).toEqual(valuesOf(original.usage, ["TABNINE"]));
    expect(copy.teams.nodes.map((t) => t.name).sort()).toEqual(original.teams.nodes.map((t) => t.name).sort());

    const before = await dataChecksums(mirrorStore.db.prisma);
    const again = expectNoErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE", since: SINCE }, mirrorAdmin)).syncSource;
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(mirrorStore.db.prisma)).toEqual(before);
    // Without since, the sync resumes from the stored cursor: nothing new either.
    const resumed = expectNoErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE" }, mirrorAdmin)).syncSource;
    expect(resumed).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(mirrorStore.db.prisma)).toEqual(before);
  });

  it("pulls Teamwire (org-level series) and Rocket.Chat (snapshots; active users of known identities) with the same numbers", async () => {
    // Rocket.Chat has no user directory in the contract: the mirror knows its users' Rocket.Chat ids
    // the way an admin would provide them, through the ingest service (users with identities).
    const rcUsers = await first.store.db.prisma.identity.findMany({
      where: { organizationId: firstOrganizationId, vendor: "ROCKETCHAT" },
      include: { user: true },
    });
    await writeBatch(mirrorStore.db.prisma, connectorAuthority(mirrorOrganizationId), {
      events: [],
      users: rcUsers.map((i) => ({
        organizationId: mirrorOrganizationId,
        email: i.user.email,
        identities: [{ vendor: "ROCKETCHAT", externalId: i.externalId }],
      })),
    });
    for (const input of [
      { vendor: "TEAMWIRE" as const, baseUrl: first.url, credentials: { token: firstAdmin } },
      { vendor: "ROCKETCHAT" as const, baseUrl: first.url, credentials: { userId: firstAdminId, authToken: firstRocketChatToken } },
    ])
      expectNoErrors(await mirror.request(RegisterSourceWithCredentialsDocument, { input }, mirrorAdmin));

    const summary = expectNoErrors(await mirror.request(SyncSourceDocument, { since: SINCE }, mirrorAdmin)).syncSource;
    expect(summary.sources.map((s) => [s.vendor, s.errors])).toEqual([
      ["TEAMWIRE", []],
      ["ROCKETCHAT", []],
      ["TABNINE", []],
    ]);

    const variables = { from: `${SINCE}T00:00:00.000Z`, to: `${END}T00:00:00.000Z`, metrics: [...CHAT_METRICS, "ACTIVE_USERS" as const] };
    const original = expectNoErrors(await first.request(SyncedDashboardDocument, variables, firstAdmin)).organization!;
    const copy = expectNoErrors(await mirror.request(SyncedDashboardDocument, variables, mirrorAdmin)).organization!;
    const teamwire = valuesOf(original.usage, ["TEAMWIRE"], CHAT_METRICS);
    expect(teamwire.totals.map((t) => t.metric).sort()).toEqual(["CONNECTOR_ACTIVATIONS", "MESSAGES_SENT"]);
    expect(teamwire.totals.every((t) => t.value > 0)).toBe(true);
    expect(valuesOf(copy.usage, ["TEAMWIRE"], CHAT_METRICS)).toEqual(teamwire);
    const rocketChat = valuesOf(original.usage, ["ROCKETCHAT"], ["ACTIVE_USERS"]);
    expect(rocketChat.totals[0]!.value).toBeGreaterThan(0);
    expect(valuesOf(copy.usage, ["ROCKETCHAT"], ["ACTIVE_USERS"])).toEqual(rocketChat);

    const snapshots = (prisma: typeof mirrorStore.db.prisma, organizationId: string) =>
      prisma.workspaceStatisticsSnapshot.findMany({
        where: { organizationId },
        orderBy: { takenAt: "asc" },
        select: { id: true, takenAt: true, totalUsers: true, totalMessages: true, payload: true },
      });
    const originals = await snapshots(first.store.db.prisma, firstOrganizationId);
    expect(originals.length).toBeGreaterThan(0);
    expect(JSON.stringify(await snapshots(mirrorStore.db.prisma, mirrorOrganizationId))).toBe(JSON.stringify(originals));

    const before = await dataChecksums(mirrorStore.db.prisma);
    const again = expectNoErrors(await mirror.request(SyncSourceDocument, { since: SINCE }, mirrorAdmin)).syncSource;
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(mirrorStore.db.prisma)).toEqual(before);
  });

  it("refuses syncSource to a member and for another organization", async () => {
    const member = await mirrorStore.db.prisma.user.create({
      data: {
        organizationId: (await mirrorStore.db.prisma.organization.findFirstOrThrow()).id,
        email: "m@mirror.test",
        username: "m",
        firstName: "M",
        lastName: "M",
      },
    });
    const { signAccessToken } = await import("../../src/auth/jwt.js");
    const { TEST_JWT } = await import("../helpers/graphql.js");
    const token = signAccessToken({ sub: member.id, org: member.organizationId, role: "MEMBER" }, TEST_JWT, 600);
    expectErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE" }, token), "FORBIDDEN");
    expectErrors(
      await mirror.request(SyncSourceDocument, { organizationId: "00000000-0000-4000-8000-000000000001" }, mirrorAdmin),
      "NOT_FOUND",
    );
    expectErrors(await mirror.request(SyncSourceDocument, { since: "2025-02-30" }, mirrorAdmin), "BAD_USER_INPUT");
  });
});
