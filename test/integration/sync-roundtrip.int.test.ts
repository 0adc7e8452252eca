import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RegisterSourceWithCredentialsDocument, SourceStatesDocument, SyncedDashboardDocument, SyncSourceDocument, type UsageMetric,
} from "../__generated__/graphql.js";
import { expectErrors, expectNoErrors, startGraphQLTestServer, TEST_SEED, type GraphQLTestServer } from "../helpers/graphql.js";
import { createTestStore, STORE_KINDS, type TestStore } from "../helpers/stores.js";
import { createMirrorOrganization, dataChecksums, startSyncGateway } from "../helpers/sync.js";

const TABNINE_METRICS: UsageMetric[] = [
  "ACTIVE_USERS", "COMPLETION_ACTIVE_USERS", "CODE_COMPLETIONS", "COMPLETION_CHARS", "KEYSTROKES", "COMPLETION_LINES", "AUTOMATION_FACTOR",
  "CHAT_ACTIVE_USERS", "CHAT_INTERACTIONS", "USEFUL_CHAT_INTERACTIONS", "CHAT_LINES", "CHAT_CHARS", "PRODUCTIVITY_FACTOR", "CHAT_CONSUMPTION_RATE",
];
const END = TEST_SEED.endDate; // exclusive end of the seeded history
const SINCE = new Date(Date.parse(`${END}T00:00:00Z`) - TEST_SEED.days * 86_400_000).toISOString().slice(0, 10);
const now = () => new Date(`${END}T06:00:00Z`);

/** Only the Tabnine values of a dashboard (the mirror pulls Tabnine only). */
function tabnineOnly(usage: { points: { from: string; values: { metric: string; vendor: string; value: number }[] }[]; totals: { metric: string; vendor: string; value: number }[] }) {
  const keep = (values: { metric: string; vendor: string; value: number }[]) => values.filter((v) => v.vendor === "TABNINE").map((v) => ({ ...v, value: Math.round(v.value * 1e9) / 1e9 }));
  return { points: usage.points.map((p) => ({ from: p.from, values: keep(p.values) })), totals: keep(usage.totals) };
}

describe.each(STORE_KINDS)("round trip: a second gateway pulls from the first one's vendor REST adapters (%s)", (kind) => {
  let first: GraphQLTestServer;
  let mirrorStore: TestStore;
  let mirror: Awaited<ReturnType<typeof startSyncGateway>>;
  let firstAdmin: string;
  let mirrorAdmin: string;

  beforeAll(async () => {
    first = await startGraphQLTestServer(kind);
    mirrorStore = await createTestStore(kind);
    mirror = await startSyncGateway(mirrorStore, now);
    const org = await first.store.db.prisma.organization.findFirstOrThrow({ where: { sources: { some: { vendor: "TABNINE" } } }, orderBy: { number: "asc" } });
    firstAdmin = await first.tokenFor(`admin@${org.slug}.test`, 3_600);
    ({ adminToken: mirrorAdmin } = await createMirrorOrganization(mirrorStore.db.prisma, "mirror"));
  });
  afterAll(async () => {
    await mirror?.close();
    await mirrorStore?.dispose();
    await first?.close();
  });

  it("registers the Tabnine source with encrypted credentials that the API never returns", async () => {
    const registered = expectNoErrors(await mirror.request(RegisterSourceWithCredentialsDocument, {
      input: { vendor: "TABNINE", baseUrl: first.url, credentials: { token: firstAdmin } },
    }, mirrorAdmin)).registerSource;
    expect(registered).toMatchObject({ vendor: "TABNINE", hasCredentials: true });
    const stored = await mirrorStore.db.prisma.source.findFirstOrThrow({ where: { vendor: "TABNINE" } });
    expect(Buffer.from(stored.encryptedCredentials!).toString("latin1")).not.toContain(firstAdmin.slice(-20));
    const wrong = await mirror.request(RegisterSourceWithCredentialsDocument, { input: { vendor: "ROCKETCHAT", baseUrl: first.url, credentials: { token: "x" } } }, mirrorAdmin);
    expect(expectErrors(wrong, "BAD_USER_INPUT")[0]).toMatch(/Rocket.Chat needs userId and authToken/);
  });

  it("syncs through the syncSource mutation, then answers the dashboard with the same Tabnine numbers; a second sync changes nothing", async () => {
    const summary = expectNoErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE", since: SINCE }, mirrorAdmin)).syncSource;
    expect(summary.sources[0]!.errors).toEqual([]);
    expect(summary.failed).toBe(0);
    expect(summary.created).toBeGreaterThan(100);

    const states = expectNoErrors(await mirror.request(SourceStatesDocument, {}, mirrorAdmin)).organization!.sources;
    expect(states).toEqual([expect.objectContaining({ vendor: "TABNINE", hasCredentials: true, lastError: null, lastSyncAt: expect.any(String) })]);
    expect(JSON.stringify(states)).not.toContain(firstAdmin);

    const variables = { from: `${SINCE}T00:00:00.000Z`, to: `${END}T00:00:00.000Z`, metrics: TABNINE_METRICS };
    const original = expectNoErrors(await first.request(SyncedDashboardDocument, variables, firstAdmin)).organization!;
    const copy = expectNoErrors(await mirror.request(SyncedDashboardDocument, variables, mirrorAdmin)).organization!;
    expect(tabnineOnly(original.usage).totals.length).toBeGreaterThan(10);
    expect(tabnineOnly(copy.usage)).toEqual(tabnineOnly(original.usage));
    expect(copy.teams.nodes.map((t) => t.name).sort()).toEqual(original.teams.nodes.map((t) => t.name).sort());

    const before = await dataChecksums(mirrorStore.db.prisma);
    const again = expectNoErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE", since: SINCE }, mirrorAdmin)).syncSource;
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(await dataChecksums(mirrorStore.db.prisma)).toEqual(before);
  });

  it("refuses syncSource to a member and for another organization", async () => {
    const member = await mirrorStore.db.prisma.user.create({
      data: { organizationId: (await mirrorStore.db.prisma.organization.findFirstOrThrow()).id, email: "m@mirror.test", username: "m", firstName: "M", lastName: "M" },
    });
    const { signAccessToken } = await import("../../src/auth/jwt.js");
    const { TEST_JWT } = await import("../helpers/graphql.js");
    const token = signAccessToken({ sub: member.id, org: member.organizationId, role: "MEMBER" }, TEST_JWT, 600);
    expectErrors(await mirror.request(SyncSourceDocument, { vendor: "TABNINE" }, token), "FORBIDDEN");
    expectErrors(await mirror.request(SyncSourceDocument, { organizationId: "00000000-0000-4000-8000-000000000001" }, mirrorAdmin), "NOT_FOUND");
    expectErrors(await mirror.request(SyncSourceDocument, { since: "2025-02-30" }, mirrorAdmin), "BAD_USER_INPUT");
  });
});
